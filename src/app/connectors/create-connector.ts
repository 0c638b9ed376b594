import type { Connector } from '../../domain/connector.js'
import type { SystemConfig } from '../../domain/config/system-config.js'

/** Builds the connector of a configured system, by its kind. */
export function createConnector(system: SystemConfig): Connector {
  throw new Error(`no connector for ${system.kind} yet`)
}
