import type { Command } from 'commander'
import { loadConfig } from '../../app/config/load-config.js'
import { ConfigError, formatIssue } from '../../app/config/config-error.js'
import { openAppFrom } from '../../app/open-app.js'
import { checkFields } from '../../domain/config/check-fields.js'
import { checkExportSchemas } from '../../domain/config/check-export-schemas.js'
import { loadCatalog, refreshFields } from '../../app/schemas/refresh-fields.js'
import { loadExportSchemas } from '../../app/schemas/export-schemas.js'

/** `revsync validate` and `revsync refresh-fields`. */
export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('check revsync.yaml: syntax, settings, secrets, mappings, owner lookups, export targets, and every field against the systems\' schemas')
    .option('--offline', 'skip the checks that need the systems: their field info and secrets')
    .action(async (options: { offline?: boolean }) => {
      const path = program.opts<{ config: string }>().config
      // Offline, no system is called, so its secrets may be unset; they are listed, not refused.
      const loaded = await loadConfig(path, process.env, options.offline ? { secrets: 'deferred' } : {})
      const mappings = Object.keys(loaded.config.mappings)
      if (!options.offline) {
        const app = await openAppFrom(loaded)
        try {
          const issues = [
            ...checkFields(loaded.config, await loadCatalog(loaded.config, app.store, app.connectors, () => new Date())),
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
    })

  program
    .command('refresh-fields')
    .description('read every mapped object\'s fields from its system, cache them, and print what changed')
    .action(async () => {
      const loaded = await loadConfig(program.opts<{ config: string }>().config)
      const app = await openAppFrom(loaded)
      try {
        const { changes } = await refreshFields(loaded.config, app.store, app.connectors, () => new Date())
        for (const c of changes) {
          const what = c.first ? 'first refresh' : [c.added.length ? `added ${c.added.join(', ')}` : '', c.removed.length ? `removed ${c.removed.join(', ')}` : '', c.changed.length ? `changed ${c.changed.join(', ')}` : ''].filter(Boolean).join('; ') || 'no changes'
          console.log(`${c.system} ${c.object}: ${what}`)
        }
      } finally {
        await app.close()
      }
    })
}
