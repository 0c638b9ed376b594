import type { ConfigIssue } from './config-issue.js'
import type { RevsyncConfig } from './config-schema.js'
import type { SchemaCatalog } from './check-fields.js'
import { checkExportFields } from '../export/check-export-fields.js'
import { isExportKind } from '../export/record-sync.js'
import { resolveExportTarget } from '../export/resolve-target.js'

/**
 * Checks every export target against its system's discovered schemas with the very check
 * `export` makes before its first write (`checkExportFields`): unknown fields, read-only
 * fields, values of the wrong kind, required fields no create row fills. So `validate`
 * refuses what `export` would refuse.
 */
export function checkExportSchemas(config: RevsyncConfig, catalog: SchemaCatalog): ConfigIssue[] {
  return Object.entries(config.exports).flatMap(([name, target]) => {
    const kind = config.systems[target.system]?.kind
    // An unknown system, or one that takes no exports, was refused when the config loaded.
    if (kind === undefined || !isExportKind(kind)) return []
    const schemas = catalog.get(target.system)
    if (!schemas) return []
    return checkExportFields(resolveExportTarget(name, target, kind), schemas).issues
  })
}
