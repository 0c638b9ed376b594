import { AssociationTypes } from '@hubspot/api-client'
import type { WriteOp, WriteResult } from '../../domain/records.js'
import { chunk } from '../kit/chunk.js'
import { redact } from '../kit/redact.js'
import type { HubSpotApi, HubSpotSdk } from './client.js'
import type { HubSpotObject } from './properties.js'

/** v4 association batches; 100 keeps well inside every v4 endpoint's limit. */
const assocBatchSize = 100

interface Pending {
  readonly index: number
  readonly op: WriteOp
}

interface Link {
  readonly index: number
  readonly from: string
  readonly to: string
}

type CreateBody = Parameters<HubSpotSdk['associations']['create']>[2]

/** The association a ref lives in: a contact's primary company, a company's parent (child → parent). */
function relation(object: HubSpotObject): { ref: 'company' | 'parent'; typeId: number } {
  return object === 'contacts'
    ? { ref: 'company', typeId: AssociationTypes.primaryContactToCompany }
    : { ref: 'parent', typeId: AssociationTypes.childToParentCompany }
}

/** Current target of the relation per record, from the v4 batch read. */
async function current(api: HubSpotApi, object: HubSpotObject, ids: readonly string[], typeId: number): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  for (const part of chunk([...new Set(ids)], assocBatchSize)) {
    const res = await api.call(`read ${object} associations`, (sdk) => sdk.associations.getPage(object, 'companies', { inputs: part.map((id) => ({ id })) }))
    for (const row of res.results) {
      const target = row.to.find((t) => t.associationTypes.some((a) => a.typeId === typeId))
      if (target) out.set(row._from.id, String(target.toObjectId))
    }
  }
  return out
}

function fail(op: WriteOp, ref: string, message: string, secrets: readonly string[]): WriteResult {
  const code = /does not exist|not found/i.test(message) ? 'not_found' : 'invalid'
  return { ok: false, ref: op.ref, code, vendorCode: 'ASSOCIATION_FAILED', message: redact(`fields were written but the ${ref} association failed: ${message}`, secrets) }
}

async function createLinks(api: HubSpotApi, object: HubSpotObject, links: readonly Link[], typeId: number, pending: readonly Pending[], out: WriteResult[]): Promise<void> {
  const { ref } = relation(object)
  for (const part of chunk(links, assocBatchSize)) {
    const inputs = part.map((l) => ({ _from: { id: l.from }, to: { id: l.to }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: typeId }] }))
    const body = { inputs } as unknown as CreateBody
    const res = await api.call(`associate ${object}`, (sdk) => sdk.associations.create(object, 'companies', body))
    const made = new Set(res.results.map((r) => `${String(r.fromObjectId)}>${String(r.toObjectId)}`))
    const errors = ('errors' in res ? (res.errors as { message?: string }[]) : []).map((e) => e.message ?? 'failed')
    for (const link of part) {
      if (made.has(`${link.from}>${link.to}`)) continue
      const op = pending.find((p) => p.index === link.index)?.op
      if (op) out[link.index] = fail(op, ref, errors[0] ?? 'HubSpot did not create it', api.secrets)
    }
  }
}

async function removeLinks(api: HubSpotApi, object: HubSpotObject, links: readonly Link[], typeId: number): Promise<void> {
  for (const part of chunk(links, assocBatchSize)) {
    if (object === 'contacts') {
      // Dropping the primary label keeps the contact associated with its former company.
      const inputs = part.map((l) => ({ _from: { id: l.from }, to: { id: l.to }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: typeId }] }))
      await api.call(`unset primary company`, (sdk) => sdk.associations.archiveLabels(object, 'companies', { inputs } as unknown as CreateBody))
    } else {
      const inputs = part.map((l) => ({ _from: { id: l.from }, to: [{ id: l.to }] }))
      await api.call(`remove parent company`, (sdk) => sdk.associations.archive(object, 'companies', { inputs }))
    }
  }
}

/**
 * Applies the company (contacts) or parent (companies) refs of successful updates through the
 * v4 associations API: reads the current association, then removes or moves it. Records whose
 * association fails get a failure result naming it.
 */
export async function syncRelations(api: HubSpotApi, object: HubSpotObject, updates: readonly Pending[], out: WriteResult[]): Promise<void> {
  const { ref, typeId } = relation(object)
  const pending = updates.filter((u) => u.op.kind === 'update' && out[u.index]?.ok === true && u.op.refs !== undefined && ref in u.op.refs)
  if (pending.length === 0) return
  const ids = pending.map((p) => (p.op.kind === 'update' ? p.op.id : ''))
  // Setting a primary company demotes the old one by itself, so contacts that only get a new
  // company need no read; clearing one, or moving a parent, must know the current target.
  const blind = object === 'contacts' && pending.every((p) => (p.op.refs?.[ref] ?? null) !== null)
  const now = blind ? new Map<string, string>() : await current(api, object, ids, typeId)
  const add: Link[] = []
  const remove: Link[] = []
  for (const p of pending) {
    if (p.op.kind !== 'update') continue
    const wanted = p.op.refs?.[ref] ?? null
    const existing = now.get(p.op.id) ?? null
    if (wanted === existing) continue
    // A new primary company replaces the old one by itself; a parent must be removed first.
    if (existing !== null && (wanted === null || object === 'companies')) remove.push({ index: p.index, from: p.op.id, to: existing })
    if (wanted !== null) add.push({ index: p.index, from: p.op.id, to: wanted })
  }
  await removeLinks(api, object, remove, typeId)
  await createLinks(api, object, add, typeId, pending, out)
  // Moving an association moves the record's last-modified time past the one its update reported.
  for (const link of [...remove, ...add]) {
    const result = out[link.index]
    if (result?.ok) out[link.index] = { ok: true, ref: result.ref, id: result.id }
  }
}
