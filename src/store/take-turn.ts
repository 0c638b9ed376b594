import { sql } from 'kysely'
import type { Kysely } from 'kysely'
import type { Database } from './database.js'

/**
 * Takes the next turn of a round-robin pool: one upsert that returns the advanced index, so
 * it is atomic without a transaction (PostgreSQL locks the row for concurrent callers;
 * SQLite writes one statement at a time). The stored index is kept below `size`, so when
 * the pool grows or shrinks the rotation carries on from where it was.
 */
export async function takeTurn(db: Kysely<Database>, pool: string, size: number, now: string): Promise<number> {
  if (!Number.isSafeInteger(size) || size < 1) {
    throw new Error(`store: round-robin pool "${pool}" needs a whole size of at least 1, got ${size}`)
  }
  const row = await db
    .insertInto('round_robin')
    .values({ pool, next_index: 1 % size, updated_at: now })
    .onConflict((oc) =>
      oc.column('pool').doUpdateSet((eb) => ({
        next_index: sql<number>`(${eb.ref('round_robin.next_index')} + 1) % ${size}`,
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .returning('next_index')
    .executeTakeFirstOrThrow()
  // RETURNING gives the index after the turn; the turn taken is the one before it, which
  // is the old index mod size even when the pool shrank since.
  return (Number(row.next_index) - 1 + size) % size
}
