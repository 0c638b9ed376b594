import type { Insertable, Selectable } from 'kysely'
import type { LinkRow } from '../domain/link.js'
import type { Reason } from '../domain/reason.js'
import type { FieldValue } from '../domain/records.js'
import type { ReviewCandidate, ReviewItem, ReviewStatus } from '../domain/review.js'
import type { RunItem, RunItemAction, RunKind, RunRecord, RunStatus } from '../domain/run.js'
import type { LinksTable, ReviewItemsTable, RunItemsTable, RunsTable } from './database.js'

/*
 * Conversions between domain objects and table rows. JSON goes in and out as text on both
 * dialects; enum-like columns are trusted on the way out because only the store writes them.
 */

/** The link as a `links` row. */
export function linkToRow(link: LinkRow): Insertable<LinksTable> {
  return {
    mapping: link.mapping,
    entity_id: link.entityId,
    system: link.system,
    object: link.object,
    record_id: link.recordId,
  }
}

/** The `links` row as a link. */
export function linkFromRow(row: Selectable<LinksTable>): LinkRow {
  return {
    mapping: row.mapping,
    entityId: row.entity_id,
    system: row.system,
    object: row.object,
    recordId: row.record_id,
  }
}

/** The `runs` row as a run. */
export function runFromRow(row: Selectable<RunsTable>): RunRecord {
  return {
    id: row.id,
    kind: row.kind as RunKind,
    name: row.name,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    status: row.status as RunStatus,
    summary: JSON.parse(row.summary) as Record<string, unknown>,
  }
}

/** The run item as a `run_items` row (its id is assigned by the database). */
export function runItemToRow(item: RunItem): Insertable<RunItemsTable> {
  return {
    run_id: item.runId,
    mapping: item.mapping,
    entity_id: item.entityId ?? null,
    system: item.system,
    object: item.object,
    record_id: item.recordId ?? null,
    action: item.action,
    before: JSON.stringify(item.before),
    after: JSON.stringify(item.after),
    reasons: JSON.stringify(item.reasons),
    at: item.at,
  }
}

/** The `run_items` row as a run item. */
export function runItemFromRow(row: Omit<Selectable<RunItemsTable>, 'id'>): RunItem {
  return {
    runId: row.run_id,
    mapping: row.mapping,
    entityId: row.entity_id,
    system: row.system,
    object: row.object,
    recordId: row.record_id,
    action: row.action as RunItemAction,
    before: JSON.parse(row.before) as Record<string, FieldValue>,
    after: JSON.parse(row.after) as Record<string, FieldValue>,
    reasons: JSON.parse(row.reasons) as Reason[],
    at: row.at,
  }
}

/** The `review_items` row as a review item. */
export function reviewFromRow(row: Selectable<ReviewItemsTable>): ReviewItem {
  return {
    id: row.id,
    mapping: row.mapping,
    entityId: row.entity_id,
    rowKey: row.row_key,
    reason: JSON.parse(row.reason) as Reason,
    candidates: JSON.parse(row.candidates) as ReviewCandidate[],
    status: row.status as ReviewStatus,
    resolution: row.resolution === null ? null : (JSON.parse(row.resolution) as { value: FieldValue }),
    createdAt: row.created_at,
    resolvedAt: row.resolved_at,
    resolvedBy: row.resolved_by,
    appliedAt: row.applied_at,
  }
}
