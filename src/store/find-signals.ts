import type { Kysely } from 'kysely'
import { chunk, IDS_PER_QUERY } from './chunk.js'
import type { Database } from './database.js'
import type { SignalRecord, SignalStatus } from './store.js'

/** The processed signals among `keys` of one export target, by key; chunked like every lookup. */
export async function findSignals(
  db: Kysely<Database>,
  target: string,
  keys: readonly string[],
): Promise<Map<string, Omit<SignalRecord, 'target' | 'key'>>> {
  const found = new Map<string, Omit<SignalRecord, 'target' | 'key'>>()
  for (const slice of chunk([...new Set(keys)], IDS_PER_QUERY)) {
    const rows = await db.selectFrom('signals').selectAll().where('target', '=', target).where('key', 'in', slice).execute()
    for (const r of rows) {
      found.set(r.key, { status: r.status as SignalStatus, outcome: JSON.parse(r.outcome), runId: r.run_id, at: r.at })
    }
  }
  return found
}
