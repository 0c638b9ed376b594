import type { RevsyncConfig } from '../../domain/config/config-schema.js'
import type { Mapping } from '../../domain/mapping.js'
import { resolveMapping } from '../../domain/mapping.js'
import type { RemoteUser } from '../../domain/records.js'
import type { ReviewItem } from '../../domain/review.js'
import { buildUserDirectory } from '../../engine/user-directory.js'
import type { UserDirectory } from '../../engine/user-directory.js'
import { assembleChanged, assemblePending } from './assemble-entities.js'
import type { AssembleScope } from './assemble-entities.js'
import { changedBatches } from './changed-batches.js'
import { relatedMappings } from './load-related.js'
import { processBatch } from './process-batch.js'
import { recordBatches, recordSetProblem } from './run-records.js'
import type { RecordSet } from './run-records.js'
import type { SyncDeps } from './sync-deps.js'
import { checkBeforeRun } from './check-before-run.js'
import { decidedMatches } from './decided-matches.js'
import { RunLease } from '../run-lease.js'
import { matchRowKey } from '../../domain/review.js'
import { emptyReport } from './sync-report.js'
import { OwnKeyCache } from './own-key-cache.js'
import type { SyncReport } from './sync-report.js'

/** True when a mapping reads or writes owners, so users must be loaded. */
function needsUsers(mapping: Mapping): boolean {
  return mapping.relationships.some((r) => r.name === 'owner') || mapping.rows.some((r) => [...r.paths.values()].some((p) => [p.all, ...Object.values(p.byObject)].some((x) => x?.startsWith('owner.'))))
}

async function loadUsers(mapping: Mapping, config: RevsyncConfig, deps: SyncDeps): Promise<UserDirectory | undefined> {
  if (!needsUsers(mapping)) return undefined
  const bySystem = new Map<string, RemoteUser[]>()
  for (const system of mapping.order) {
    const connector = deps.connectors.get(system)
    if (connector) bySystem.set(system, await connector.users())
  }
  return buildUserDirectory(bySystem, config.users.overrides)
}

/**
 * What a run takes up whatever changed: entities to plan again (failed writes, rows a person
 * settled in review), and matches a person settled in review, to link before anything is read.
 */
async function pendingWork(mapping: Mapping, deps: SyncDeps): Promise<{ entities: Set<string>; matches: ReviewItem[] }> {
  const settled = (await deps.store.listReviews({ status: 'resolved', mapping: mapping.name })).filter((r) => r.appliedAt === null)
  return {
    entities: new Set([...(await deps.store.getRetries(mapping.name, 10_000)).map((r) => r.entityId), ...settled.filter((r) => r.rowKey !== matchRowKey).map((r) => r.entityId)]),
    matches: settled.filter((r) => r.rowKey === matchRowKey),
  }
}

/** How a run is asked for: a plan, how long to wait for the lease, just some records. */
export interface RunSyncOptions {
  readonly dryRun?: boolean
  readonly waitSeconds?: number
  /**
   * Runs just these records (a webhook's), fetched by id, through the same batches as a
   * scheduled run, under the same lease; no cursor moves and no pending work is taken up.
   */
  readonly records?: RecordSet
  /** The run's id, when a service named it on queueing it (so its caller can follow the run). */
  readonly runId?: string
}

/**
 * Runs one mapping once, streaming: each batch of changed records is assembled and matched,
 * planned with the engine, written, and recorded (links, last-synced values, per-record
 * outcomes and the cursor its pages let advance) in one transaction before the next batch is
 * read, so memory holds a batch, not the run. Entities that failed or were settled in review
 * before the run come last. A crash at any point is repaired by running again: what was
 * written but not recorded is found by its match key. With `dryRun`, nothing is written
 * anywhere: that is `plan`. With `records`, only those records are read (see `run-records.ts`).
 */
export async function runSync(config: RevsyncConfig, mappingName: string, deps: SyncDeps, options: RunSyncOptions = {}): Promise<SyncReport> {
  const mappingConfig = config.mappings[mappingName]
  if (!mappingConfig) throw new Error(`no mapping named "${mappingName}"; the config has: ${Object.keys(config.mappings).join(', ') || 'none'}`)
  const mapping = resolveMapping(mappingName, mappingConfig)
  const dryRun = options.dryRun ?? false
  const problem = options.records && recordSetProblem(mapping, options.records)
  if (problem) throw new Error(`${problem}; a trigger for it runs nothing`)
  await checkBeforeRun(config, mappingName, deps, dryRun)
  // A service names the run when it queues it, so the caller can follow it before it starts.
  const runId = options.runId ?? deps.newId()
  const report = emptyReport(runId, mappingName, dryRun)
  // One run per mapping at a time (a plan writes nothing, so it takes no lease); the run's
  // store refuses commits once the lease is lost. Throws LeaseHeldError before anything starts.
  const lease = dryRun ? undefined : new RunLease('sync', mappingName, { ...deps, leaseSeconds: config.sync.leaseSeconds })
  await lease?.take(runId, options.waitSeconds)
  if (lease) deps = { ...deps, store: lease.store }
  if (!dryRun) await deps.store.startRun({ id: runId, kind: 'sync', name: mappingName, startedAt: deps.now().toISOString() })
  deps.logger.info(dryRun ? 'plan started' : 'sync started', { run: runId, mapping: mappingName, ...(options.records ? { trigger: `${options.records.system} ${options.records.object}`, records: options.records.ids.length } : {}) })
  try {
    const pending = await pendingWork(mapping, deps)
    // A triggered run leaves failed writes and settled rows to the scheduled run, which owns them.
    const pendingAtStart = options.records ? new Set<string>() : pending.entities
    const scope: AssembleScope = { mapping, related: relatedMappings(config, mapping), deps, users: await loadUsers(mapping, config, deps), deferred: new Set<string>(), companyIndexes: new Map(), upserts: !dryRun, ownKeys: new OwnKeyCache(), ...(dryRun ? { claimed: new Set<string>() } : {}) }
    let batch = 0
    // Matches a person settled link first, so the batches below find their records linked.
    if (pending.matches.length > 0) await processBatch(scope, await decidedMatches(mapping, pending.matches, deps), report, batch++)
    let done = 0
    const plannedPending = new Set<string>()
    const batches = options.records ? recordBatches(mapping, options.records, config.sync, deps, report.read) : changedBatches(mapping, config.sync, deps, report.read)
    for await (const changed of batches) {
      const assembled = await assembleChanged(scope, changed)
      report.unchanged += assembled.unchanged
      for (const group of assembled.groups) if (pendingAtStart.has(group.entityId)) plannedPending.add(group.entityId)
      await processBatch(scope, assembled.groups, report, batch++, changed.cursor)
      done += changed.records.length
      deps.onProgress?.({ phase: 'write', system: changed.system, done })
      if (deps.signal?.aborted) break
    }
    // Planned now unless a batch above planned them already: a write is not tried twice in one run.
    const stillPending = [...pendingAtStart].filter((id) => !plannedPending.has(id))
    for (let start = 0; start < stillPending.length && !deps.signal?.aborted; start += config.sync.batchSize) {
      await processBatch(scope, await assemblePending(scope, stillPending.slice(start, start + config.sync.batchSize)), report, batch++)
    }
    // Stopped between batches: what was written is recorded with its cursors, the rest waits for the next run.
    const status = deps.signal?.aborted ? 'stopped' : 'succeeded'
    if (!dryRun) await deps.store.finishRun(runId, { finishedAt: deps.now().toISOString(), status, summary: summaryOf(report) })
    const { plans: _plans, problems: _problems, ...counts } = report
    deps.logger.info(dryRun ? 'plan finished' : status === 'stopped' ? 'sync stopped' : 'sync finished', { ...counts, run: runId })
    return report
  } catch (error) {
    deps.logger.error('sync failed', { run: runId, mapping: mappingName, error: error instanceof Error ? error.message : String(error) })
    if (!dryRun) await deps.store.finishRun(runId, { finishedAt: deps.now().toISOString(), status: 'failed', summary: { ...summaryOf(report), error: String(error instanceof Error ? error.message : error) } }).catch(() => {})
    throw error
  } finally {
    await lease?.release()
  }
}

/** The report's counts, without the per-record detail, for the runs table. */
export function summaryOf(report: SyncReport): Record<string, unknown> {
  const { plans: _plans, problems, ...counts } = report
  return { ...counts, problems: problems.slice(0, 50) }
}
