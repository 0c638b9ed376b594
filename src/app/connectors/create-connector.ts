import type { Connector } from '../../domain/connector.js'
import type { SystemConfig } from '../../domain/config/system-config.js'
import { createHubSpotConnector } from '../../connectors/hubspot/connector.js'
import { createSalesforceConnector } from '../../connectors/salesforce/connector.js'
import { createSugarCrmConnector } from '../../connectors/sugarcrm/connector.js'
import type { LocatedIssue } from '../config/config-error.js'
import { unavailableConnector } from './unavailable-connector.js'

/** How to build a system's connector, beyond its config. */
export interface ConnectorOptions {
  /**
   * Salesforce: ask for lead assignment rules on every create (`Sforce-Auto-Assign: TRUE`),
   * whatever the system's `assignLeads` says; an export target routing leads that way uses it.
   */
  readonly assignLeadsOnCreate?: boolean
  /** The system's secrets that were not resolved: the connector refuses every call, naming them. */
  readonly missing?: readonly LocatedIssue[]
}

/**
 * Builds the connector of a configured system, by its kind: the one place connectors are made,
 * for the app's systems, an export's lead assignment and `match --system`.
 */
export function createConnector(system: SystemConfig, options: ConnectorOptions = {}): Connector {
  if (options.missing && options.missing.length > 0) return unavailableConnector(system.kind, options.missing)
  switch (system.kind) {
    case 'hubspot':
      return createHubSpotConnector(system)
    case 'sugarcrm':
      return createSugarCrmConnector(system)
    case 'salesforce':
      return createSalesforceConnector(system, {}, { autoAssignLeadsOnCreate: options.assignLeadsOnCreate ?? system.assignLeads ?? false })
  }
}
