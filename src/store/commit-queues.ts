import { sql } from 'kysely'
import type { Insertable, Kysely } from 'kysely'
import { bulkInsert } from './bulk-insert.js'
import { chunk, compositeKey as key, IDS_PER_QUERY, lastByKey } from './chunk.js'
import type { Database, RetriesTable, ReviewItemsTable, SignalsTable } from './database.js'
import type { BatchCommit } from './store.js'
import { dismissSettled } from './review-queries.js'

/** Writes the queue parts of a batch; holds compiled statements, so make one per store. */
export interface QueueWriter {
  /** Writes `batch`'s resolved entities, retries, reviews and signals with `db`, already in a transaction. */
  write(db: Kysely<Database>, batch: BatchCommit, now: string): Promise<void>
}

/** True when the batch names anything this writer writes. */
export function hasQueueWork(batch: BatchCommit): boolean {
  return Boolean(
    batch.resolved?.length ||
      batch.retries?.length ||
      batch.reviews?.length ||
      batch.appliedReviews?.length ||
      batch.settledReviews?.length ||
      batch.signals?.length,
  )
}

/**
 * The writer of retries, review holds and processed signals: multi-row upserts, like the
 * rest of a commit. Resolved entities are cleared before new retries are counted, so a
 * batch can clear an entity and mark it again.
 */
export function createQueueWriter(): QueueWriter {
  const retries = bulkInsert<RetriesTable>(
    ['mapping', 'entity_id', 'system', 'reason', 'attempts', 'first_failed_at', 'last_failed_at'],
    (db, rows) =>
      db
        .insertInto('retries')
        .values(rows)
        .onConflict((oc) =>
          oc.columns(['mapping', 'entity_id', 'system']).doUpdateSet((eb) => ({
            reason: eb.ref('excluded.reason'),
            // A literal, not a parameter: the bulk insert's parameters are the rows' values only.
            attempts: sql<number>`${eb.ref('retries.attempts')} + 1`,
            last_failed_at: eb.ref('excluded.last_failed_at'),
          })),
        ),
  )
  const reviews = bulkInsert<Insertable<ReviewItemsTable>>(
    ['id', 'mapping', 'entity_id', 'row_key', 'reason', 'candidates', 'status', 'created_at'],
    (db, rows) =>
      db
        .insertInto('review_items')
        .values(rows)
        .onConflict((oc) =>
          // The target names the partial unique index on open items; its predicate must be
          // written out (and as a literal) for both databases to pick that index.
          oc
            .columns(['mapping', 'entity_id', 'row_key'])
            .where('status', '=', sql.lit('open'))
            .doUpdateSet((eb) => ({ reason: eb.ref('excluded.reason'), candidates: eb.ref('excluded.candidates') })),
        ),
  )
  const signals = bulkInsert<SignalsTable>(['target', 'key', 'status', 'outcome', 'run_id', 'at'], (db, rows) =>
    db
      .insertInto('signals')
      .values(rows)
      .onConflict((oc) =>
        oc.columns(['target', 'key']).doUpdateSet((eb) => ({
          status: eb.ref('excluded.status'),
          outcome: eb.ref('excluded.outcome'),
          run_id: eb.ref('excluded.run_id'),
          at: eb.ref('excluded.at'),
        })),
      ),
  )

  return {
    async write(db, batch, now) {
      if (batch.resolved?.length) await deleteRetries(db, batch.resolved)
      if (batch.retries?.length) await retries.run(db, retryRows(batch.retries, now))
      if (batch.reviews?.length) await reviews.run(db, reviewRows(batch.reviews))
      if (batch.appliedReviews?.length) await markApplied(db, batch.appliedReviews, now)
      if (batch.settledReviews?.length) await dismissSettled(db, batch.settledReviews, now)
      if (batch.signals?.length) await signals.run(db, signalRows(batch.signals))
    },
  }
}

function retryRows(marks: NonNullable<BatchCommit['retries']>, now: string): RetriesTable[] {
  // One attempt per commit: marking the same write twice in a batch counts once.
  return lastByKey(marks, (m) => key(m.mapping, m.entityId, m.system)).map((m) => ({
    mapping: m.mapping,
    entity_id: m.entityId,
    system: m.system,
    reason: JSON.stringify(m.reason),
    attempts: 1,
    first_failed_at: now,
    last_failed_at: now,
  }))
}

function reviewRows(holds: NonNullable<BatchCommit['reviews']>): Insertable<ReviewItemsTable>[] {
  return lastByKey(holds, (h) => key(h.mapping, h.entityId, h.rowKey)).map((h) => ({
    id: h.id,
    mapping: h.mapping,
    entity_id: h.entityId,
    row_key: h.rowKey,
    reason: JSON.stringify(h.reason),
    candidates: JSON.stringify(h.candidates),
    status: 'open',
    created_at: h.at,
  }))
}

function signalRows(records: NonNullable<BatchCommit['signals']>): SignalsTable[] {
  return lastByKey(records, (s) => key(s.target, s.key)).map((s) => ({
    target: s.target,
    key: s.key,
    status: s.status,
    // `undefined` has no JSON text; store it as null rather than fail the batch.
    outcome: JSON.stringify(s.outcome ?? null),
    run_id: s.runId,
    at: s.at,
  }))
}

async function deleteRetries(db: Kysely<Database>, resolved: NonNullable<BatchCommit['resolved']>): Promise<void> {
  const byMapping = new Map<string, string[]>()
  for (const r of resolved) {
    const ids = byMapping.get(r.mapping) ?? []
    ids.push(r.entityId)
    byMapping.set(r.mapping, ids)
  }
  for (const [mapping, ids] of byMapping) {
    for (const slice of chunk([...new Set(ids)], IDS_PER_QUERY)) {
      await db.deleteFrom('retries').where('mapping', '=', mapping).where('entity_id', 'in', slice).execute()
    }
  }
}

async function markApplied(db: Kysely<Database>, ids: readonly string[], now: string): Promise<void> {
  // Only resolved items are applied, once: the first time a value was written is kept.
  for (const slice of chunk([...new Set(ids)], IDS_PER_QUERY)) {
    await db
      .updateTable('review_items')
      .set({ applied_at: now })
      .where('id', 'in', slice)
      .where('status', '=', 'resolved')
      .where('applied_at', 'is', null)
      .execute()
  }
}
