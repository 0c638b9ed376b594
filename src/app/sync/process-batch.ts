import type { FieldValue } from '../../domain/records.js'
import type { Reason } from '../../domain/reason.js'
import type { ReviewItem } from '../../domain/review.js'
import type { EntityPlan, EntitySnapshot } from '../../engine/entity-plan.js'
import { planEntity } from '../../engine/plan-entity.js'
import type { AssembleScope } from './assemble-entities.js'
import type { CursorCommit } from './changed-batches.js'
import type { EntityGroup } from './entity-group.js'
import { executeWrites } from './execute-writes.js'
import { guardMatched } from './guard-matched.js'
import { loadRelated } from './load-related.js'
import { recordBatch } from './record-batch.js'
import { applyDeletes } from './apply-deletes.js'
import { bump } from './sync-report.js'
import type { SyncReport } from './sync-report.js'

/**
 * Plans, writes and records one batch of entities. Everything the batch makes durable (links,
 * last-synced values, outcomes, and the cursor its records let advance) commits in one
 * transaction after the writes, so a crash before it is repaired by reading the batch again.
 */
export async function processBatch(scope: AssembleScope, groups: readonly EntityGroup[], report: SyncReport, batch: number, cursor?: CursorCommit): Promise<void> {
  const { mapping, deps } = scope
  if (groups.length === 0) {
    // Every record of the batch agreed with what was synced: only its cursor moves on.
    if (cursor && !report.dryRun) await deps.store.commit({ cursors: [cursor] })
    return
  }
  const known = groups.filter((g) => !g.isNew).map((g) => g.entityId)
  const synced = await deps.store.getSynced(mapping.name, known)
  const { resolved: reviews, open } = await deps.store.pendingReviewsFor(mapping.name, known)
  const related = await loadRelated(scope.related, groups, deps.store)
  // Under `deletes: propagate` a deleted entity is removed everywhere instead of planned.
  const propagate = mapping.config.deletes === 'propagate'
  const deletions = await applyDeletes(mapping, groups, deps, report, report.runId)
  if (!report.dryRun) await deps.store.commit(deletions)
  const planned = groups.filter((group) => !(propagate && group.deleted)).map((group) => ({
    group,
    plan: group.held ? undefined : planEntity(mapping, { entityId: group.entityId, records: group.records, synced: synced.get(group.entityId) ?? {}, notes: group.notes, gone: group.gone, decided: decidedRows(reviews.get(group.entityId)), openReviews: openRows(open.get(group.entityId)) }, scope.users, related),
  }))
  const writes = planned.flatMap(({ plan }) => (plan ? plan.writes.map((write) => ({ entityId: plan.entityId, write })) : []))
  if (report.dryRun) {
    for (const { group, plan } of planned) if (plan?.writes.length || group.held || plan?.holds.length || plan?.warnings.length) report.plans.push({ plan: plan ?? emptyPlan(group), notes: group.notes, ...(group.held ? { held: group.held } : {}) })
    for (const { group } of planned) {
      scope.deferred.add(group.entityId)
      for (const link of group.links) scope.claimed?.add(`${link.system}/${link.recordId}`)
    }
    report.writes += writes.length
    for (const { write } of writes) bump(write.kind === 'create' ? report.created : report.updated, write.system)
    return
  }
  const outcomes = await guardMatched(mapping.name, await executeWrites(writes, deps.connectors, mapping), deps.store)
  deps.afterWrites?.(batch)
  const { commit, problems } = recordBatch({ runId: report.runId, mapping: mapping.name, at: deps.now().toISOString(), newId: deps.newId, previous: synced, reviews }, planned, outcomes, report)
  if (cursor) deps.beforeCursorCommit?.()
  await deps.store.commit({ ...commit, settledReviews: settledReviews(planned, open), ...(cursor ? { cursors: [cursor] } : {}) })
  const settled = new Set((commit.resolved ?? []).map((r) => r.entityId))
  for (const { group, plan } of planned) if (group.held || plan?.holds.length || !settled.has(group.entityId)) scope.deferred.add(group.entityId)
  for (const problem of problems) deps.logger.warn(problem.reason.detail, { run: report.runId, mapping: mapping.name, entity: problem.entityId, rule: problem.reason.rule, ...(problem.system ? { system: problem.system } : {}) })
}

/** Resolved review items as the engine takes them: a value per row, with who chose it. */
function decidedRows(items: readonly ReviewItem[] | undefined): EntitySnapshot['decided'] {
  if (!items || items.length === 0) return undefined
  const decided: Record<string, { value: FieldValue; reason: Reason }> = {}
  for (const item of items) {
    if (!item.resolution) continue
    decided[item.rowKey] = { value: item.resolution.value, reason: { rule: 'review.resolved', detail: `${item.resolvedBy ?? 'a reviewer'} chose ${JSON.stringify(item.resolution.value)} in review ${item.id.slice(0, 8)}` } }
  }
  return decided
}

/**
 * Open review items whose row a later change settled without a person (a side changed its
 * value again, and the policy could decide): left open, a stale item would hold the row again
 * if the values ever came back to what they were. They close in the batch's own commit.
 */
function settledReviews(planned: readonly { plan?: EntityPlan; group: EntityGroup }[], open: ReadonlyMap<string, readonly ReviewItem[]>): { id: string; by: string }[] {
  return planned.flatMap(({ plan, group }) => (open.get(group.entityId) ?? []).filter((item) => plan && item.rowKey in plan.synced).map((item) => ({ id: item.id, by: 'revsync (a later change settled the row)' })))
}

/** Open review items as the engine takes them: what each side held when the row was held. */
function openRows(items: readonly ReviewItem[] | undefined): EntitySnapshot['openReviews'] {
  if (!items || items.length === 0) return undefined
  return Object.fromEntries(items.map((item) => [item.rowKey, { reason: item.reason, candidates: item.candidates }]))
}

function emptyPlan(group: EntityGroup): EntityPlan {
  return { entityId: group.entityId, writes: [], synced: {}, holds: [], warnings: [] }
}
