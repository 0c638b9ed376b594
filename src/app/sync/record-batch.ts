import type { LinkRow } from '../../domain/link.js'
import type { FieldValue } from '../../domain/records.js'
import type { RunItem } from '../../domain/run.js'
import type { ReviewHold, ReviewItem } from '../../domain/review.js'
import { matchRowKey, recordRef } from '../../domain/review.js'
import type { EntityPlan } from '../../engine/entity-plan.js'
import type { BatchCommit, RetryMark, SyncedValues } from '../../store/store.js'
import { warningsKey } from '../../engine/plan-entity.js'
import type { EntityGroup } from './entity-group.js'
import type { WriteOutcome } from './execute-writes.js'
import { addProblem, bump } from './sync-report.js'
import type { SyncReport } from './sync-report.js'

/** What a batch's record needs besides its plans and outcomes. */
export interface BatchContext {
  readonly runId: string
  readonly mapping: string
  readonly at: string
  readonly newId: () => string
  /** Last-synced values before this run, to merge into and to compare warnings with. */
  readonly previous: ReadonlyMap<string, SyncedValues>
  /** Settled review items of the batch's entities, applied by this batch. */
  readonly reviews: ReadonlyMap<string, readonly ReviewItem[]>
}

/** What one batch makes durable, and its held and failed records, to log. */
export interface BatchRecord {
  readonly commit: BatchCommit
  readonly problems: readonly SyncReport['problems'][number][]
}

/** Builds what one batch makes durable, and counts it into the report. */
export function recordBatch(
  context: BatchContext,
  batch: readonly { group: EntityGroup; plan?: EntityPlan }[],
  outcomes: readonly WriteOutcome[],
  report: SyncReport,
): BatchRecord {
  const { runId, mapping, at, previous } = context
  const reviews: ReviewHold[] = []
  const links: LinkRow[] = []
  const items: RunItem[] = []
  // Entities not settled by this batch (a failed write, a company lookup not linked yet): they keep
  // their old last-synced values and stay on the retry list.
  const unsettled = new Set<string>()
  const retries: RetryMark[] = []
  const problems: SyncReport['problems'][number][] = []
  const problem = (p: SyncReport['problems'][number]): void => {
    problems.push(p)
    addProblem(report, p)
  }
  const item = (entityId: string, system: string, object: string, recordId: string | null, rest: Pick<RunItem, 'action' | 'reasons'> & Partial<RunItem>): RunItem =>
    ({ runId, mapping, entityId, system, object, recordId, before: {}, after: {}, at, ...rest })

  for (const { group, plan } of batch) {
    links.push(...group.links)
    const matched = group.notes.filter((n) => n.rule.startsWith('match.'))
    report.linked += matched.length
    for (const note of matched) items.push(item(group.entityId, '', '', null, { action: 'link', reasons: [note] }))
    if (group.held) {
      report.held++
      problem({ entityId: group.entityId, reason: group.held })
      const [system, record] = [...group.records.entries()][0] ?? ['', undefined]
      items.push(item(group.entityId, system, record?.object ?? '', record?.id ?? null, { action: 'hold', reasons: [group.held] }))
      // A person picks the record to link in review; the item is the held record's, so it is one item however often it is held.
      if (group.heldCandidates && record) reviews.push({ id: context.newId(), mapping, entityId: recordRef(system, record.object, record.id), rowKey: matchRowKey, reason: group.held, candidates: group.heldCandidates, at })
      continue
    }
    if (!plan) continue
    if (plan.skipped) report.skipped++
    for (const hold of plan.holds) {
      report.held++
      problem({ entityId: group.entityId, reason: hold.reason })
      items.push(item(group.entityId, '', '', null, { action: 'hold', reasons: [hold.reason] }))
      reviews.push({ id: context.newId(), mapping, entityId: group.entityId, rowKey: hold.rowKey, reason: hold.reason, candidates: hold.candidates, at })
    }
    // A warning that stood at the last run too was reported then; only new ones are recorded.
    const stillStanding = (previous.get(group.entityId)?.[warningsKey] ?? null) === (plan.synced[warningsKey] ?? null)
    // A lookup to a company not linked yet is tried again next run, when it may be.
    for (const warning of plan.warnings.filter((w) => w.retry)) {
      unsettled.add(group.entityId)
      retries.push({ mapping, entityId: group.entityId, system: '', reason: warning })
    }
    for (const warning of stillStanding ? [] : plan.warnings) {
      report.warnings++
      const [system, record] = [...group.records.entries()][0] ?? ['', undefined]
      items.push(item(group.entityId, system, record?.object ?? '', record?.id ?? null, { action: 'warn', reasons: [warning] }))
    }
  }
  for (const { entityId, write, result } of outcomes) {
    const after: Record<string, FieldValue> = { ...write.fields, ...Object.fromEntries(Object.entries(write.refs).map(([k, v]) => [`@${k}`, v ?? null])) }
    if (result.ok) {
      bump(write.kind === 'create' ? report.created : report.updated, write.system)
      report.writes++
      // An upsert that matched is recorded as an update, and its record is linked as a match.
      if (result.matched === true) report.linked++
      if (write.kind === 'create' || result.matched === true) links.push({ mapping, entityId, system: write.system, object: write.object, recordId: result.id })
      items.push(item(entityId, write.system, write.object, result.id, { action: write.kind, before: write.before, after, reasons: write.reasons }))
    } else {
      bump(report.failed, write.system)
      unsettled.add(entityId)
      const reason = { rule: `write.${result.code}`, detail: `${write.system} refused the ${write.kind} (${result.vendorCode}): ${result.message}` }
      retries.push({ mapping, entityId, system: write.system, reason })
      problem({ entityId, system: write.system, reason })
      items.push(item(entityId, write.system, write.object, write.recordId ?? null, { action: 'fail', before: write.before, after, reasons: [reason, ...write.reasons] }))
    }
  }
  // A failed write keeps the old last-synced values, so the retry decides exactly as this run did.
  const synced = batch
    .filter(({ group, plan }) => plan && !group.held && !unsettled.has(group.entityId) && Object.keys(plan.synced).length > 0)
    // Held rows keep their earlier value: the plan only names the rows it decided.
    .map(({ group, plan }) => ({ mapping, entityId: group.entityId, values: { ...previous.get(group.entityId), ...(plan as EntityPlan).synced } }))
  // Entities planned without a failure leave the retry list; failed ones (re)join it, so the
  // next run plans them again even if nothing changes in any system.
  const resolved = batch.filter(({ group, plan }) => plan && !unsettled.has(group.entityId)).map(({ group }) => ({ mapping, entityId: group.entityId }))
  // A settled review is applied once its entity was planned without a failed write.
  const appliedReviews = [
    ...batch.filter(({ group, plan }) => plan && !unsettled.has(group.entityId)).flatMap(({ group }) => (context.reviews.get(group.entityId) ?? []).map((r) => r.id)),
    // A match a person settled is applied once its links are recorded.
    ...batch.flatMap(({ group }) => group.appliedReviews ?? []),
  ]
  return { commit: { links, unlinks: batch.flatMap(({ group }) => group.unlinks), synced, items, resolved, retries, reviews, appliedReviews }, problems }
}
