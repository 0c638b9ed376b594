import type { Connector, SystemKind } from '../../domain/connector.js'
import { ConfigError } from '../config/config-error.js'
import type { LocatedIssue } from '../config/config-error.js'

/**
 * The connector of a system whose secrets were not resolved (the config was loaded for a
 * command that calls no system). Any call refuses with the missing variables, so a
 * placeholder secret is never sent to a vendor.
 */
export function unavailableConnector(kind: SystemKind, issues: readonly LocatedIssue[]): Connector {
  const refuse = (): never => {
    throw new ConfigError(issues)
  }
  return {
    kind,
    describe: async () => refuse(),
    // Throws on first iteration, like a read that fails at its first page.
    read: async function* () {
      yield refuse()
    },
    lookup: async () => refuse(),
    write: async () => refuse(),
    remove: async () => refuse(),
    users: async () => refuse(),
    callCount: () => 0,
  }
}
