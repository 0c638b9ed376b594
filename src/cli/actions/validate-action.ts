import { loadConfig } from '../../app/config/load-config.js'
import { ConfigError, formatIssue } from '../../app/config/config-error.js'
import { openAppFrom } from '../../app/open-app.js'
import { checkFields } from '../../domain/config/check-fields.js'
import { checkExportSchemas } from '../../domain/config/check-export-schemas.js'
import { loadCatalog, refreshFields } from '../../app/schemas/refresh-fields.js'
import { loadExportSchemas } from '../../app/schemas/export-schemas.js'
import type { GlobalFlags } from '../global-flags.js'

/** `revsync validate`: checks the config, and unless offline every field against the systems' schemas. */
export async function validateAction(global: GlobalFlags, options: { offline?: boolean }): Promise<void> {
  const path = global.config
  // Offline, no system is called, so its secrets may be unset; they are listed, not refused.
  const loaded = await loadConfig(path, process.env, options.offline ? { secrets: 'deferred' } : {})
  const mappings = Object.keys(loaded.config.mappings)
  if (!options.offline) {
    const app = await openAppFrom(loaded)
    try {
      const issues = [
        ...checkFields(loaded.config, await loadCatalog(loaded.config, app.store, app.connectors, app.now)),
        ...checkExportSchemas(loaded.config, await loadExportSchemas(loaded.config, app.connectors)),
      ]
      if (issues.length > 0) throw new ConfigError(loaded.locate(issues))
    } finally {
      await app.close()
    }
  }
  const exports = Object.keys(loaded.config.exports)
  console.log(`${path} is valid: ${Object.keys(loaded.config.systems).length} systems, ${mappings.length} mappings (${mappings.join(', ')})${exports.length > 0 ? `, ${exports.length} export targets (${exports.join(', ')})` : ''}${options.offline ? ' (fields not checked: --offline)' : ''}`)
  for (const issue of [...loaded.unresolved.values()].flat()) console.error(`note: ${formatIssue(issue)} (needed by the commands that call this system)`)
}

/** `revsync refresh-fields`: reads and caches every mapped object's fields, and prints what changed. */
export async function refreshFieldsAction(global: GlobalFlags): Promise<void> {
  const loaded = await loadConfig(global.config)
  const app = await openAppFrom(loaded)
  try {
    const { changes } = await refreshFields(loaded.config, app.store, app.connectors, app.now)
    for (const c of changes) {
      const what = c.first ? 'first refresh' : [c.added.length ? `added ${c.added.join(', ')}` : '', c.removed.length ? `removed ${c.removed.join(', ')}` : '', c.changed.length ? `changed ${c.changed.join(', ')}` : ''].filter(Boolean).join('; ') || 'no changes'
      console.log(`${c.system} ${c.object}: ${what}`)
    }
  } finally {
    await app.close()
  }
}
