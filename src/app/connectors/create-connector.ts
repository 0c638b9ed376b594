import type { Connector } from '../../domain/connector.js'
import type { SystemConfig } from '../../domain/config/system-config.js'
import { createHubSpotConnector } from '../../connectors/hubspot/connector.js'
import { createSalesforceConnector } from '../../connectors/salesforce/connector.js'
import { createSugarCrmConnector } from '../../connectors/sugarcrm/connector.js'

/** Builds the connector of a configured system, by its kind. */
export function createConnector(system: SystemConfig): Connector {
  switch (system.kind) {
    case 'hubspot':
      return createHubSpotConnector(system)
    case 'sugarcrm':
      return createSugarCrmConnector(system)
    case 'salesforce':
      return createSalesforceConnector(system, {}, { autoAssignLeadsOnCreate: system.assignLeads ?? false })
  }
}
