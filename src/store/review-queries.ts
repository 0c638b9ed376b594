import type { Kysely } from 'kysely'
import type { ReviewDecision, ReviewItem, ReviewStatus } from '../domain/review.js'
import { chunk, IDS_PER_QUERY } from './chunk.js'
import type { Database } from './database.js'
import { reviewFromRow } from './rows.js'
import type { BatchCommit, PendingReviews } from './store.js'

/*
 * Reads and decisions of the review queue. Holds are written by `commit` (commit-queues.ts),
 * in the same transaction as the rest of their batch.
 */

/** Review items, oldest first, optionally of one status and one mapping. */
export async function listReviews(
  db: Kysely<Database>,
  filter: { status?: ReviewStatus; mapping?: string },
): Promise<ReviewItem[]> {
  let query = db.selectFrom('review_items').selectAll()
  if (filter.status !== undefined) query = query.where('status', '=', filter.status)
  if (filter.mapping !== undefined) query = query.where('mapping', '=', filter.mapping)
  const rows = await query.orderBy('created_at').orderBy('id').execute()
  return rows.map(reviewFromRow)
}

/** One review item, or undefined. */
export async function getReview(db: Kysely<Database>, id: string): Promise<ReviewItem | undefined> {
  const row = await db.selectFrom('review_items').selectAll().where('id', '=', id).executeTakeFirst()
  return row && reviewFromRow(row)
}

/**
 * Records a decision on an open item. One conditional update, so of two people deciding
 * at once exactly one wins and the other is told who did.
 */
export async function resolveReview(db: Kysely<Database>, id: string, decision: ReviewDecision): Promise<ReviewItem> {
  const dismissed = 'dismissed' in decision
  const row = await db
    .updateTable('review_items')
    .set({
      status: dismissed ? 'dismissed' : 'resolved',
      resolution: dismissed ? null : JSON.stringify({ value: decision.value }),
      resolved_at: decision.at,
      resolved_by: decision.by,
    })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .returningAll()
    .executeTakeFirst()
  if (row) return reviewFromRow(row)
  const existing = await getReview(db, id)
  if (existing === undefined) throw new Error(`store: cannot resolve review item "${id}": there is no such item`)
  throw new Error(
    `store: cannot resolve review item "${id}": it was ${existing.status} by ${existing.resolvedBy ?? 'someone'} ` +
      `at ${existing.resolvedAt ?? 'an unknown time'}; only open items can be resolved`,
  )
}

/**
 * The open items of the given entities and their resolved items no batch applied yet, in
 * one query per chunk of ids, oldest first, by entity.
 */
export async function pendingReviewsOf(db: Kysely<Database>, mapping: string, entityIds: readonly string[]): Promise<PendingReviews> {
  const open = new Map<string, ReviewItem[]>()
  const resolved = new Map<string, ReviewItem[]>()
  for (const slice of chunk([...new Set(entityIds)], IDS_PER_QUERY)) {
    const rows = await db
      .selectFrom('review_items')
      .selectAll()
      .where('mapping', '=', mapping)
      .where('entity_id', 'in', slice)
      .where((eb) => eb.or([eb('status', '=', 'open'), eb.and([eb('status', '=', 'resolved'), eb('applied_at', 'is', null)])]))
      .orderBy('created_at')
      .orderBy('id')
      .execute()
    for (const row of rows) {
      const byEntity = row.status === 'open' ? open : resolved
      byEntity.set(row.entity_id, [...(byEntity.get(row.entity_id) ?? []), reviewFromRow(row)])
    }
  }
  return { open, resolved }
}

/** Dismisses open items a batch found settled without a person; items no longer open are left as they are. */
export async function dismissSettled(db: Kysely<Database>, settled: NonNullable<BatchCommit['settledReviews']>, now: string): Promise<void> {
  const byWho = new Map<string, string[]>()
  for (const { id, by } of settled) byWho.set(by, [...(byWho.get(by) ?? []), id])
  for (const [by, ids] of byWho) {
    for (const slice of chunk(ids, IDS_PER_QUERY)) {
      await db.updateTable('review_items').set({ status: 'dismissed', resolution: null, resolved_at: now, resolved_by: by }).where('id', 'in', slice).where('status', '=', 'open').execute()
    }
  }
}
