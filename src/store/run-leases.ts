import type { Kysely } from 'kysely'
import type { RunKind, RunLease } from '../domain/run.js'
import type { Database } from './database.js'
import type { LeaseTake } from './store.js'

type LeaseKey = Pick<RunLease, 'kind' | 'name' | 'runId'>

function leaseFromRow(row: Database['run_leases']): RunLease {
  return { kind: row.kind as RunKind, name: row.name, runId: row.run_id, pid: Number(row.pid), host: row.host, startedAt: row.started_at, expiresAt: row.expires_at }
}

/**
 * Takes the lease of `claim.kind`/`claim.name` for `claim.runId` when nobody holds it or its
 * holder's lease expired by `now`: one `insert … on conflict do update … where expired
 * returning`, atomic on both dialects without a transaction (PostgreSQL re-checks the
 * condition on the row a concurrent taker just wrote; SQLite runs one writer at a time), so
 * of two takers exactly one wins. The winner then marks every run of that mapping or target
 * still `running` as `interrupted`: holding the lease, it knows none of them can be alive.
 */
export async function takeLease(db: Kysely<Database>, claim: RunLease, now: string): Promise<LeaseTake> {
  const row = {
    kind: claim.kind,
    name: claim.name,
    run_id: claim.runId,
    pid: claim.pid,
    host: claim.host,
    started_at: claim.startedAt,
    expires_at: claim.expiresAt,
  }
  // A holder that releases between our failed upsert and our look at it leaves no row to
  // show; trying again then takes the free lease. Three tries end any such race in practice.
  for (let attempt = 0; attempt < 3; attempt++) {
    const won = await db
      .insertInto('run_leases')
      .values(row)
      .onConflict((oc) =>
        oc
          .columns(['kind', 'name'])
          .doUpdateSet((eb) => ({
            run_id: eb.ref('excluded.run_id'),
            pid: eb.ref('excluded.pid'),
            host: eb.ref('excluded.host'),
            started_at: eb.ref('excluded.started_at'),
            expires_at: eb.ref('excluded.expires_at'),
          }))
          .where('run_leases.expires_at', '<=', now),
      )
      .returning('run_id')
      .executeTakeFirst()
    if (won?.run_id === claim.runId) return { taken: true, interrupted: await markInterrupted(db, claim, now) }
    const holder = await db.selectFrom('run_leases').selectAll().where('kind', '=', claim.kind).where('name', '=', claim.name).executeTakeFirst()
    if (holder) return { taken: false, holder: leaseFromRow(holder) }
  }
  throw new Error(`store: could not take the lease of ${claim.kind} "${claim.name}": it kept changing hands`)
}

/** Runs of the lease's mapping or target left `running` by a holder that never finished. */
async function markInterrupted(db: Kysely<Database>, claim: RunLease, now: string): Promise<string[]> {
  const rows = await db
    .updateTable('runs')
    .set({ status: 'interrupted', finished_at: now, summary: JSON.stringify({ interrupted: `stopped without finishing; found by run ${claim.runId}, which took over its lease` }) })
    .where('kind', '=', claim.kind)
    .where('name', '=', claim.name)
    .where('status', '=', 'running')
    .where('id', '!=', claim.runId)
    .returning('id')
    .execute()
  return rows.map((r) => r.id)
}

/** Moves the holder's expiry on; false when `lease.runId` no longer holds it (it was taken over). */
export async function renewLease(db: Kysely<Database>, lease: LeaseKey, expiresAt: string): Promise<boolean> {
  const result = await db
    .updateTable('run_leases')
    .set({ expires_at: expiresAt })
    .where('kind', '=', lease.kind)
    .where('name', '=', lease.name)
    .where('run_id', '=', lease.runId)
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

/** Gives the lease up, if `lease.runId` still holds it; a lease taken over is left to its new holder. */
export async function releaseLease(db: Kysely<Database>, lease: LeaseKey): Promise<void> {
  await db.deleteFrom('run_leases').where('kind', '=', lease.kind).where('name', '=', lease.name).where('run_id', '=', lease.runId).execute()
}

/** Every lease held or left behind, expired ones included, by kind and name. */
export async function listLeases(db: Kysely<Database>): Promise<RunLease[]> {
  const rows = await db.selectFrom('run_leases').selectAll().orderBy('kind').orderBy('name').execute()
  return rows.map(leaseFromRow)
}
