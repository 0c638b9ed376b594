import type { Connector } from '../../domain/connector.js'
import type { App } from '../open-app.js'
import type { ExportDeps } from './export-deps.js'

/**
 * Export dependencies over an open app: its store, connectors, clock, time-ordered ids and
 * logger, and a second Salesforce connector that asks for lead assignment rules on create,
 * made by the app only when a target routes leads that way.
 */
export function exportDepsOf(app: App, extra: Partial<ExportDeps> = {}): ExportDeps {
  return {
    store: app.store,
    connectors: app.connectors,
    assignmentConnector: (system: string): Connector => {
      const config = app.config.systems[system]
      if (config?.kind !== 'salesforce') throw new Error(`assignment rules need a Salesforce system; "${system}" is ${config?.kind ?? 'not configured'}`)
      return app.connector(system, { assignLeadsOnCreate: true })
    },
    now: app.now,
    newId: () => app.newId(),
    logger: app.logger,
    ...extra,
  }
}
