import type { RevsyncConfig } from '../../domain/config/config-schema.js'
import { checkFields } from '../../domain/config/check-fields.js'
import { ConfigError } from '../config/config-error.js'
import { locateIssues } from '../config/config-origin.js'
import { loadCatalog } from '../schemas/refresh-fields.js'
import type { SyncDeps } from './sync-deps.js'

/**
 * Checks one mapping's field rows against its systems' schemas before a run reads or
 * writes anything: the checks `validate` makes (unknown fields, writes into read-only
 * fields, type mismatches, required fields no row fills). Without this, a misspelt
 * property fails once per record while the other side's creates go through. Schemas come
 * from the store's cache and are fetched when missing; a dry run (`plan`) does not cache
 * them. Throws a `ConfigError` naming the file, line, row and fix.
 */
export async function checkBeforeRun(config: RevsyncConfig, mappingName: string, deps: Pick<SyncDeps, 'store' | 'connectors' | 'now'>, dryRun: boolean): Promise<void> {
  const mapping = config.mappings[mappingName]
  // An unknown mapping name is reported by the run itself, with the names it knows.
  if (!mapping) return
  const catalog = await loadCatalog(config, deps.store, deps.connectors, deps.now, { mapping: mappingName, cache: !dryRun })
  const issues = checkFields({ ...config, mappings: { [mappingName]: mapping } }, catalog)
  if (issues.length > 0) throw new ConfigError(locateIssues(config, issues))
}
