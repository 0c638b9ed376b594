import type { RevsyncConfig } from '../../domain/config/config-schema.js'
import type { SchemaCatalog } from '../../domain/config/check-fields.js'
import type { Connector } from '../../domain/connector.js'
import { isExportKind, tabObjects } from '../../domain/export/record-sync.js'
import type { ObjectSchema } from '../../domain/object-schema.js'

/**
 * The schemas of every export target's objects, read fresh from each system as `export`
 * reads them on every run, so `validate` judges a target by what `export` would see.
 */
export async function loadExportSchemas(config: RevsyncConfig, connectors: ReadonlyMap<string, Connector>): Promise<SchemaCatalog> {
  const catalog = new Map<string, Map<string, ObjectSchema>>()
  for (const target of Object.values(config.exports)) {
    const kind = config.systems[target.system]?.kind
    const connector = connectors.get(target.system)
    if (kind === undefined || !isExportKind(kind) || !connector) continue
    const schemas = catalog.get(target.system) ?? new Map<string, ObjectSchema>()
    for (const object of Object.values(tabObjects[kind])) {
      if (object !== undefined && !schemas.has(object)) schemas.set(object, await connector.describe(object))
    }
    catalog.set(target.system, schemas)
  }
  return catalog
}
