import type { RevsyncConfig } from '../../domain/config/config-schema.js'
import { resolveMapping } from '../../domain/mapping.js'
import { recordSetProblem } from '../sync/run-records.js'
import type { RecordSet } from '../sync/run-records.js'
import { runSync } from '../sync/run-sync.js'
import type { SyncDeps } from '../sync/sync-deps.js'
import type { SyncReport } from '../sync/sync-report.js'

/** Mappings that read the set's object from its system: those a trigger for it runs. */
export function mappingsReading(config: RevsyncConfig, set: Pick<RecordSet, 'system' | 'object'>): string[] {
  return Object.entries(config.mappings)
    .filter(([name, mapping]) => recordSetProblem(resolveMapping(name, mapping), { ...set, ids: [] }) === undefined)
    .map(([name]) => name)
}

/**
 * Runs just the records a trigger named, in every mapping that reads them, one mapping after
 * the other. Each run takes its mapping's lease and waits up to `waitSeconds` (the lease's
 * length by default) for a scheduled run to finish: a trigger never writes alongside one. When
 * the wait runs out the `LeaseHeldError` is thrown for the caller to retry later; the
 * scheduled run catches the change anyway.
 */
export async function runTriggered(config: RevsyncConfig, set: RecordSet, deps: SyncDeps, options: { waitSeconds?: number } = {}): Promise<SyncReport[]> {
  const names = mappingsReading(config, set)
  if (names.length === 0) deps.logger.info('trigger ignored: no mapping reads these records', { system: set.system, object: set.object, records: set.ids.length })
  const reports: SyncReport[] = []
  for (const name of names) reports.push(await runSync(config, name, deps, { records: set, waitSeconds: options.waitSeconds ?? config.sync.leaseSeconds }))
  return reports
}
