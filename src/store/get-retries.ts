import type { Kysely } from 'kysely'
import type { Reason } from '../domain/reason.js'
import type { Database } from './database.js'
import type { PendingRetry } from './store.js'

/**
 * Failed writes of one mapping, least recently failed first: a write that keeps failing
 * goes to the back each time, so under a limit it cannot crowd out the others.
 */
export async function getRetries(db: Kysely<Database>, mapping: string, limit: number): Promise<PendingRetry[]> {
  const rows = await db
    .selectFrom('retries')
    .select(['entity_id', 'system', 'reason', 'attempts'])
    .where('mapping', '=', mapping)
    .orderBy('last_failed_at')
    .orderBy('first_failed_at')
    .orderBy('entity_id')
    .orderBy('system')
    .limit(limit)
    .execute()
  return rows.map((r) => ({
    entityId: r.entity_id,
    system: r.system,
    reason: JSON.parse(r.reason) as Reason,
    attempts: Number(r.attempts),
  }))
}
