import type { Connector } from '../../domain/connector.js'
import type { ExportTarget } from '../../domain/export/resolve-target.js'
import type { ObjectSchema } from '../../domain/object-schema.js'
import type { Cursor } from '../../domain/records.js'
import type { ExportIndexRow, Store } from '../../store/store.js'
import { withOverlap } from '../sync/changed-batches.js'
import { accountOwnerReader, crmIndexOf } from './build-crm-index.js'
import type { CrmIndex } from './build-crm-index.js'
import { crmFields } from './crm-fields.js'
import { indexFields } from './index-fields.js'
import { accountRow, contactRow } from './index-rows.js'

/**
 * A stored index older than this is read again in full. Salesforce empties its recycle bin
 * after 15 days, and a record purged from it is no longer reported as deleted, so an
 * incremental read from an older cursor could keep a deleted account for good.
 */
export const INDEX_MAX_AGE_DAYS = 14

/** What refreshing the index needs. */
export interface IndexRefreshDeps {
  readonly connector: Connector
  readonly store: Store
  readonly now: () => Date
}

/** How to refresh. */
export interface IndexRefreshOptions {
  /** Seconds each stored cursor is moved back, so changes stamped late by a skewed clock are not missed. */
  readonly overlapSeconds: number
  /** False in `plan --export`: the index is refreshed in memory and nothing is written to the store. */
  readonly persist: boolean
}

/** How the index was brought up to date: a full read (and why) or an incremental one, and what it read. */
export interface IndexRefresh {
  readonly cold: boolean
  /** Why the org was read in full; empty for an incremental refresh. */
  readonly why: string
  readonly read: { readonly accounts: number; readonly contacts: number }
  readonly removed: number
  /**
   * Drops records the run found gone (a HubSpot company archived, a contact deleted) from the
   * stored index, so later exports do not meet them again. Does nothing in a plan.
   */
  forget(rows: readonly Pick<ExportIndexRow, 'kind' | 'id'>[]): Promise<void>
}

/**
 * The target's account index, from the store, brought up to date from the CRM's cursors: only
 * accounts and contacts changed since each object's stored cursor (less the overlap window)
 * are read, deleted ones are removed, changed ones replaced, so a rename, a new parent or a
 * new owner reaches the index. A first export (or an index read for another shape, or too
 * old) reads the org once in full. Reads ask for the fields matching needs only. The refresh
 * is saved in one transaction after every read succeeded, so a failed read leaves the
 * previous index whole and the next export reads from the previous cursors again.
 */
export async function refreshCrmIndex(target: ExportTarget, schemas: ReadonlyMap<string, ObjectSchema>, deps: IndexRefreshDeps, options: IndexRefreshOptions): Promise<{ crm: CrmIndex; refresh: IndexRefresh }> {
  const fields = indexFields(target, schemas)
  const shape = JSON.stringify({ system: target.system, kind: target.kind, accountOwnerField: target.config.accountOwnerField ?? null, account: fields.account, contact: fields.contact })
  const startedAt = deps.now()
  const stored = await deps.store.loadExportIndex(target.name)
  const why = coldReason(stored, shape, [fields.accountObject, fields.contactObject], startedAt)
  const cold = why !== ''
  const rows = new Map<string, ExportIndexRow>()
  if (!cold) for (const row of stored!.rows) rows.set(`${row.kind}/${row.id}`, row)
  const f = crmFields[target.kind]
  const ownerOf = accountOwnerReader(target, schemas.get(fields.accountObject))
  const upserts: ExportIndexRow[] = []
  const removes: Pick<ExportIndexRow, 'kind' | 'id'>[] = []
  const cursors: Record<string, string> = {}
  const read = { accounts: 0, contacts: 0 }
  let removed = 0
  for (const kind of ['account', 'contact'] as const) {
    const object = kind === 'account' ? fields.accountObject : fields.contactObject
    const since: Cursor | undefined = cold ? undefined : withOverlap({ value: stored!.cursors[object]! }, options.overlapSeconds)
    // An object with nothing to read keeps its cursor; an empty one read in full starts from now.
    let cursor = cold ? startedAt.toISOString() : stored!.cursors[object]!
    for await (const page of deps.connector.read(object, since, { fields: kind === 'account' ? fields.account : fields.contact })) {
      for (const r of page.records) {
        read[kind === 'account' ? 'accounts' : 'contacts']++
        const key = `${kind}/${r.id}`
        if (r.deleted) {
          if (rows.delete(key)) removed++
          if (!cold) removes.push({ kind, id: r.id })
          continue
        }
        const row = kind === 'account' ? accountRow(r, f, ownerOf) : contactRow(r, f)
        rows.set(key, row)
        if (!cold) upserts.push(row)
      }
      cursor = page.cursor.value
    }
    cursors[object] = cursor
  }
  const state = { shape, cursors, refreshedAt: startedAt.toISOString() }
  const forget = async (gone: readonly Pick<ExportIndexRow, 'kind' | 'id'>[]): Promise<void> => {
    if (options.persist && gone.length > 0) await deps.store.saveExportIndex(target.name, { state, replace: false, upserts: [], removes: gone })
  }
  if (options.persist) {
    // A cold read replaces every stored row: records gone since (deleted, purged) go with them.
    await deps.store.saveExportIndex(target.name, { state, replace: cold, upserts: cold ? [...rows.values()] : upserts, removes })
  }
  return { crm: crmIndexOf(rows.values()), refresh: { cold, why, read, removed, forget } }
}

/** Why the stored index cannot be refreshed incrementally, or '' when it can. */
function coldReason(stored: Awaited<ReturnType<Store['loadExportIndex']>>, shape: string, objects: readonly string[], now: Date): string {
  if (stored === undefined) return 'no index stored yet'
  if (stored.shape !== shape) return 'the index was read for another system, account owner field or field list'
  if (objects.some((o) => stored.cursors[o] === undefined)) return 'the stored index has no cursor for every object'
  const age = now.getTime() - Date.parse(stored.refreshedAt)
  if (!(age <= INDEX_MAX_AGE_DAYS * 86_400_000)) return `the index is older than ${INDEX_MAX_AGE_DAYS} days (deletes that old may no longer be reported)`
  return ''
}
