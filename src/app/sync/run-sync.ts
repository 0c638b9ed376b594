import type { RevsyncConfig } from '../../domain/config/config-schema.js'
import type { Mapping } from '../../domain/mapping.js'
import { resolveMapping } from '../../domain/mapping.js'
import type { RemoteUser } from '../../domain/records.js'
import { planEntity } from '../../engine/plan-entity.js'
import type { EntityPlan, EntitySnapshot } from '../../engine/entity-plan.js'
import type { FieldValue } from '../../domain/records.js'
import type { Reason } from '../../domain/reason.js'
import type { ReviewItem } from '../../domain/review.js'
import { buildUserDirectory } from '../../engine/user-directory.js'
import type { UserDirectory } from '../../engine/user-directory.js'
import { assembleEntities } from './assemble-entities.js'
import type { EntityGroup } from './entity-group.js'
import { executeWrites } from './execute-writes.js'
import { readChanges } from './read-changes.js'
import { recordBatch } from './record-batch.js'
import { loadRelated } from './load-related.js'
import { applyDeletes } from './apply-deletes.js'
import type { SyncDeps } from './sync-deps.js'
import { checkBeforeRun } from './check-before-run.js'
import { RunLease } from '../run-lease.js'
import { bump, emptyReport } from './sync-report.js'
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
 * Runs one mapping once: reads what changed, assembles and matches entities, plans each with
 * the engine, writes in batches, and records every batch (links, last-synced values, per-record
 * outcomes) in one transaction before the next. Cursors advance last, so a crash at any point
 * is repaired by running again. With `dryRun`, nothing is written anywhere: that is `plan`.
 */
export async function runSync(config: RevsyncConfig, mappingName: string, deps: SyncDeps, options: { dryRun?: boolean; waitSeconds?: number } = {}): Promise<SyncReport> {
  const mappingConfig = config.mappings[mappingName]
  if (!mappingConfig) throw new Error(`no mapping named "${mappingName}"; the config has: ${Object.keys(config.mappings).join(', ') || 'none'}`)
  const mapping = resolveMapping(mappingName, mappingConfig)
  const dryRun = options.dryRun ?? false
  await checkBeforeRun(config, mappingName, deps, dryRun)
  const runId = deps.newId()
  const report = emptyReport(runId, mappingName, dryRun)
  // One run per mapping at a time (a plan writes nothing, so it takes no lease); the run's
  // store refuses commits once the lease is lost. Throws LeaseHeldError before anything starts.
  const lease = dryRun ? undefined : new RunLease('sync', mappingName, { ...deps, leaseSeconds: config.sync.leaseSeconds })
  await lease?.take(runId, options.waitSeconds)
  if (lease) deps = { ...deps, store: lease.store }
  if (!dryRun) await deps.store.startRun({ id: runId, kind: 'sync', name: mappingName, startedAt: deps.now().toISOString() })
  deps.logger.info(dryRun ? 'plan started' : 'sync started', { run: runId, mapping: mappingName })
  try {
    const users = await loadUsers(mapping, config, deps)
    const changes = await readChanges(mapping, config.sync.overlapSeconds, deps)
    Object.assign(report.read, changes.reads)
    const groups = await assembleEntities(mapping, changes, deps)
    for (let start = 0, batch = 0; start < groups.length; start += config.sync.batchSize, batch++) {
      await runBatch(config, mapping, groups.slice(start, start + config.sync.batchSize), users, deps, report, batch)
      deps.onProgress?.({ phase: 'write', done: Math.min(groups.length, start + config.sync.batchSize), total: groups.length })
    }
    if (!dryRun) {
      deps.beforeCursorCommit?.()
      await deps.store.commit({ cursors: changes.cursors })
      await deps.store.finishRun(runId, { finishedAt: deps.now().toISOString(), status: 'succeeded', summary: summaryOf(report) })
    }
    for (const problem of report.problems) deps.logger.warn(problem.reason.detail, { run: runId, mapping: mappingName, entity: problem.entityId, rule: problem.reason.rule, ...(problem.system ? { system: problem.system } : {}) })
    const { plans: _plans, problems: _problems, ...counts } = report
    deps.logger.info(dryRun ? 'plan finished' : 'sync finished', { ...counts, run: runId })
    return report
  } catch (error) {
    deps.logger.error('sync failed', { run: runId, mapping: mappingName, error: error instanceof Error ? error.message : String(error) })
    if (!dryRun) await deps.store.finishRun(runId, { finishedAt: deps.now().toISOString(), status: 'failed', summary: { ...summaryOf(report), error: String(error instanceof Error ? error.message : error) } }).catch(() => {})
    throw error
  } finally {
    await lease?.release()
  }
}

async function runBatch(config: RevsyncConfig, mapping: Mapping, groups: readonly EntityGroup[], users: UserDirectory | undefined, deps: SyncDeps, report: SyncReport, batch: number): Promise<void> {
  const known = groups.filter((g) => !g.isNew).map((g) => g.entityId)
  const synced = await deps.store.getSynced(mapping.name, known)
  const reviews = await deps.store.resolvedReviewsFor(mapping.name, known)
  const open = await deps.store.openReviewFor(mapping.name, known)
  const related = await loadRelated(config, mapping, groups, deps.store)
  // Under `deletes: propagate` a deleted entity is removed everywhere instead of planned.
  const propagate = mapping.config.deletes === 'propagate'
  const deletions = await applyDeletes(mapping, groups, deps, report, report.runId)
  if (!report.dryRun) await deps.store.commit(deletions)
  const planned = groups.filter((group) => !(propagate && group.deleted)).map((group) => ({
    group,
    plan: group.held ? undefined : planEntity(mapping, { entityId: group.entityId, records: group.records, synced: synced.get(group.entityId) ?? {}, notes: group.notes, gone: group.gone, decided: decidedRows(reviews.get(group.entityId)), openReviews: openRows(open.get(group.entityId)) }, users, related),
  }))
  const writes = planned.flatMap(({ plan }) => (plan ? plan.writes.map((write) => ({ entityId: plan.entityId, write })) : []))
  if (report.dryRun) {
    for (const { group, plan } of planned) if (plan?.writes.length || group.held || plan?.holds.length || plan?.warnings.length) report.plans.push({ plan: plan ?? emptyPlan(group), notes: group.notes, ...(group.held ? { held: group.held } : {}) })
    report.writes += writes.length
    for (const { write } of writes) bump(write.kind === 'create' ? report.created : report.updated, write.system)
    return
  }
  const outcomes = await executeWrites(writes, deps.connectors, mapping)
  deps.afterWrites?.(batch)
  await deps.store.commit(recordBatch({ runId: report.runId, mapping: mapping.name, at: deps.now().toISOString(), newId: deps.newId, previous: synced, reviews }, planned, outcomes, report))
  await closeSettledReviews(planned, open, deps)
}

/** Resolved review items as the engine takes them: a value per row, with who chose it. */
function decidedRows(items: readonly ReviewItem[] | undefined): EntitySnapshot['decided'] {
  if (!items || items.length === 0) return undefined
  const decided: Record<string, { value: FieldValue; reason: Reason }> = {}
  for (const item of items) {
    if (!item.resolution) continue
    decided[item.rowKey] = { value: item.resolution.value, reason: { rule: 'review.resolved', detail: `${item.resolvedBy ?? 'a reviewer'} chose ${JSON.stringify(item.resolution.value)} in review ${item.id}` } }
  }
  return decided
}

/**
 * Closes review items whose row a later change settled without a person (a side changed its
 * value again, and the policy could decide): left open, a stale item would hold the row again
 * if the values ever came back to what they were.
 */
async function closeSettledReviews(planned: readonly { plan?: EntityPlan; group: EntityGroup }[], open: ReadonlyMap<string, readonly ReviewItem[]>, deps: SyncDeps): Promise<void> {
  for (const { plan, group } of planned) {
    for (const item of open.get(group.entityId) ?? []) {
      if (plan && item.rowKey in plan.synced) await deps.store.resolveReview(item.id, { dismissed: true, by: 'revsync (a later change settled the row)', at: deps.now().toISOString() })
    }
  }
}

/** Open review items as the engine takes them: what each side held when the row was held. */
function openRows(items: readonly ReviewItem[] | undefined): EntitySnapshot['openReviews'] {
  if (!items || items.length === 0) return undefined
  return Object.fromEntries(items.map((item) => [item.rowKey, { reason: item.reason, candidates: item.candidates }]))
}

function emptyPlan(group: EntityGroup): EntityPlan {
  return { entityId: group.entityId, writes: [], synced: {}, holds: [], warnings: [] }
}

/** The report's counts, without the per-record detail, for the runs table. */
export function summaryOf(report: SyncReport): Record<string, unknown> {
  const { plans: _plans, problems, ...counts } = report
  return { ...counts, problems: problems.slice(0, 50) }
}
