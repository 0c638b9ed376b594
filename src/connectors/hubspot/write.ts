import { AssociationTypes } from '@hubspot/api-client'
import type { WriteOp, WriteResult } from '../../domain/records.js'
import { chunk } from '../kit/chunk.js'
import { sendOnce } from '../kit/create-once.js'
import { errorTarget, existingRecordOf, toFailure } from './batch-errors.js'
import type { BatchErrorLike } from './batch-errors.js'
import type { HubSpotApi, HubSpotSdk } from './client.js'
import { HubSpotRequestError } from './errors.js'
import { wireValue } from './fields.js'
import { lookupRecords } from './lookup.js'
import { modifiedProperty, ownerProperty } from './properties.js'
import type { HubSpotObject, PropertyCache } from './properties.js'
import { syncRelations } from './write-associations.js'

/** HubSpot's batch create/update limit. */
export const writeBatchSize = 100

/** An op and its position in the caller's list (also its `objectWriteTraceId`). */
export interface Item {
  readonly index: number
  readonly op: WriteOp
}

interface Answer {
  readonly results: readonly { readonly id: string; readonly objectWriteTraceId?: string; readonly updatedAt?: Date; readonly properties?: Readonly<Record<string, string | null>>; readonly _new?: boolean }[]
  readonly errors: readonly BatchErrorLike[]
}

type CreateBody = Parameters<HubSpotSdk['objects']['batchApi']['create']>[1]
type UpdateBody = Parameters<HubSpotSdk['objects']['batchApi']['update']>[1]
type UpsertBody = Parameters<HubSpotSdk['objects']['batchApi']['upsert']>[1]

/**
 * Whether a create keyed on `field` can be an upsert: HubSpot upserts by a unique property, and
 * keeps contact emails unique without flagging the property (as batch read by email relies on).
 */
export function upsertsBy(object: string, field: string): boolean {
  return object === 'contacts' && field === 'email'
}

/** The properties an op writes; the owner ref becomes `hubspot_owner_id`, blank clears it. */
export function toProperties(op: WriteOp, dropBlanks: boolean): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(op.fields)) {
    if (!(dropBlanks && (value === null || value === ''))) out[name] = wireValue(value)
  }
  if (op.refs && 'owner' in op.refs && !(dropBlanks && !op.refs.owner)) out[ownerProperty] = op.refs.owner ?? ''
  return out
}

function inlineAssociations(object: HubSpotObject, op: WriteOp) {
  const target = object === 'contacts' ? op.refs?.company : op.refs?.parent
  if (!target) return []
  const typeId = object === 'contacts' ? AssociationTypes.primaryContactToCompany : AssociationTypes.childToParentCompany
  return [{ to: { id: target }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: typeId }] }]
}

function modifiedAt(object: HubSpotObject, r: Answer['results'][number]): string | undefined {
  const raw = r.properties?.[modifiedProperty(object)]
  if (raw) return new Date(Date.parse(raw)).toISOString()
  return r.updatedAt?.toISOString()
}

/** Puts each result and error of a batch answer at its op's position. */
function assign(object: HubSpotObject, items: readonly Item[], answer: Answer, out: WriteResult[], secrets: readonly string[]): void {
  const byTrace = new Map(items.map((item) => [String(item.index), item]))
  const untraced: Answer['results'][number][] = []
  for (const r of answer.results) {
    const item = r.objectWriteTraceId === undefined ? undefined : byTrace.get(r.objectWriteTraceId)
    // An upsert that found its key's record updated it (`new: false`): a match, not a create.
    if (item) out[item.index] = { ok: true, ref: item.op.ref, id: r.id, ...optional('modifiedAt', modifiedAt(object, r)), ...(r._new === false ? { matched: true as const } : {}) }
    else untraced.push(r)
  }
  for (const error of answer.errors) {
    const target = errorTarget(error)
    const item = (target.traceId !== undefined ? byTrace.get(target.traceId) : undefined) ?? items.find((i) => i.op.kind === 'update' && i.op.id === target.id)
    // A contact this very batch made is another input's, never this one's.
    const existing = item ? existingRecordOf(item.op, error) : undefined
    const mine = existing?.ok === true && !answer.results.some((r) => r.id === existing.id) ? existing : undefined
    if (item) out[item.index] = mine ?? toFailure(item.op.ref, error, secrets)
  }
  const open = items.filter((i) => out[i.index] === undefined)
  open.forEach((item, n) => {
    // Without trace ids an update is known by its id, and created records follow the inputs.
    const r = item.op.kind === 'update' ? untraced.find((u) => item.op.kind === 'update' && u.id === item.op.id) : untraced.length === open.length ? untraced[n] : undefined
    out[item.index] = r
      ? { ok: true, ref: item.op.ref, id: r.id, ...optional('modifiedAt', modifiedAt(object, r)) }
      : { ok: false, ref: item.op.ref, code: 'unknown', vendorCode: 'NO_RESULT', message: 'HubSpot answered the batch without a result for this input' }
  })
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>)
}

/**
 * Sends one batch. HubSpot answers 207 with per-input errors when each input carries an
 * `objectWriteTraceId`; should it refuse the whole batch instead (400/409), the batch is
 * halved until the bad inputs stand alone, so one bad record never fails the others.
 */
async function runBatch(api: HubSpotApi, object: HubSpotObject, items: readonly Item[], send: (items: readonly Item[]) => Promise<Answer>, out: WriteResult[]): Promise<void> {
  try {
    assign(object, items, await send(items), out, api.secrets)
  } catch (error) {
    if (!(error instanceof HubSpotRequestError) || ![400, 404, 409].includes(error.status)) throw error
    const first = items[0]
    if (items.length === 1 && first) {
      const body = (error.body ?? {}) as BatchErrorLike
      out[first.index] = existingRecordOf(first.op, body) ?? toFailure(first.op.ref, body, api.secrets)
      return
    }
    const mid = Math.ceil(items.length / 2)
    await runBatch(api, object, items.slice(0, mid), send, out)
    await runBatch(api, object, items.slice(mid), send, out)
  }
}

function answerOf(res: { results: Answer['results']; errors?: readonly unknown[] }): Answer {
  return { results: res.results, errors: (res.errors ?? []) as BatchErrorLike[] }
}

function sendCreates(api: HubSpotApi, object: HubSpotObject) {
  return async (items: readonly Item[]): Promise<Answer> => {
    const inputs = items.map(({ index, op }) => ({ properties: toProperties(op, true), associations: inlineAssociations(object, op), objectWriteTraceId: String(index) }))
    const body = { inputs } as unknown as CreateBody
    return answerOf(await api.call(`create ${object}`, (sdk) => sdk.objects.batchApi.create(object, body), { idempotent: false }))
  }
}

/**
 * Upserts keyed on the create's key. Sending one twice updates the record the first made, so
 * unlike a create it is retried like any idempotent call after a lost answer.
 */
function sendUpserts(api: HubSpotApi, object: HubSpotObject) {
  return async (items: readonly Item[]): Promise<Answer> => {
    const inputs = items.map(({ index, op }) => {
      const key = op.kind === 'create' ? op.key : undefined
      return { idProperty: key?.field ?? '', id: key?.value ?? '', properties: toProperties(op, true), objectWriteTraceId: String(index) }
    })
    const body: UpsertBody = { inputs }
    return answerOf(await api.call(`upsert ${object}`, (sdk) => sdk.objects.batchApi.upsert(object, body)))
  }
}

function sendUpdates(api: HubSpotApi, object: HubSpotObject) {
  return async (items: readonly Item[]): Promise<Answer> => {
    const inputs = items.map(({ index, op }) => ({ id: op.kind === 'update' ? op.id : '', properties: toProperties(op, false), objectWriteTraceId: String(index) }))
    const body: UpdateBody = { inputs }
    return answerOf(await api.call(`update ${object}`, (sdk) => sdk.objects.batchApi.update(object, body)))
  }
}

/** Splits updates into rounds with each id at most once (HubSpot refuses duplicate ids in a batch); later ops go later. */
function updateRounds(items: readonly Item[]): Item[][] {
  const rounds: Item[][] = []
  const seen = new Map<string, number>()
  for (const item of items) {
    const id = item.op.kind === 'update' ? item.op.id : ''
    const round = seen.get(id) ?? 0
    seen.set(id, round + 1)
    ;(rounds[round] ??= []).push(item)
  }
  return rounds
}

/**
 * Sends creates in batches of 100, never twice: after a lost answer the batch's keys are
 * looked up (a contact's email by batch read, which is exact) and only what was not found is
 * sent again; a 409 naming the existing contact of the key is read as that contact.
 */
async function createRecords(api: HubSpotApi, properties: PropertyCache, object: HubSpotObject, creates: readonly Item[], out: WriteResult[]): Promise<void> {
  for (const part of chunk(creates, writeBatchSize)) {
    await sendOnce(part, {
      send: (todo) => runBatch(api, object, todo, sendCreates(api, object), out),
      lookup: (key) => lookupRecords(api, properties, object, key),
      createOf: (item) => (item.op.kind === 'create' ? item.op : undefined),
      settle: (item, result) => void (out[item.index] = result),
      done: (item) => out[item.index] !== undefined,
      maxAttempts: api.maxAttempts,
      backoff: (n) => api.backoff(n),
    })
  }
}

/**
 * Writes ops in batches of 100: creates (with their company or parent association inline),
 * then updates, then the association changes of updates. One result per op, in order.
 */
export async function writeRecords(api: HubSpotApi, properties: PropertyCache, object: HubSpotObject, ops: readonly WriteOp[]): Promise<WriteResult[]> {
  const out: WriteResult[] = new Array(ops.length)
  const items = ops.map((op, index) => ({ index, op }))
  const isUpsert = (op: WriteOp): boolean => op.kind === 'create' && op.upsert === true && op.key !== undefined && upsertsBy(object, op.key.field)
  await createRecords(api, properties, object, items.filter((i) => i.op.kind === 'create' && !isUpsert(i.op)), out)
  const upserts = items.filter((i) => isUpsert(i.op))
  for (const part of chunk(upserts, writeBatchSize)) await runBatch(api, object, part, sendUpserts(api, object), out)
  // Upsert inputs take no associations; a company is set as on an update of the record it reached.
  const upserted = upserts.flatMap((i): Item[] => {
    const result = out[i.index]
    // A new record with no company needs no association call; one found by its key may hold an old one.
    const relevant = result?.ok === true && i.op.refs !== undefined && (result.matched === true || Object.values(i.op.refs).some((v) => v))
    return relevant && result?.ok && i.op.refs !== undefined ? [{ index: i.index, op: { kind: 'update', ref: i.op.ref, id: result.id, fields: i.op.fields, refs: i.op.refs } }] : []
  })
  const updates = items.filter((i) => i.op.kind === 'update')
  const withProperties: Item[] = []
  for (const item of updates) {
    // An update that only moves a company or parent needs no property write.
    if (Object.keys(toProperties(item.op, false)).length > 0) withProperties.push(item)
    else if (item.op.kind === 'update') out[item.index] = { ok: true, ref: item.op.ref, id: item.op.id }
  }
  for (const round of updateRounds(withProperties)) {
    for (const part of chunk(round, writeBatchSize)) await runBatch(api, object, part, sendUpdates(api, object), out)
  }
  await syncRelations(api, object, [...upserted, ...updates], out)
  return out
}
