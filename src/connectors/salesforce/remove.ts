import type { WriteResult } from '../../domain/records.js'
import { chunk } from '../kit/chunk.js'
import { redact } from '../kit/redact.js'
import { SalesforceCallError, writeFailureCode } from './errors.js'
import type { ReadContext } from './read.js'
import { collectionSize } from './write.js'

interface SfDeleteResult {
  readonly id?: string
  readonly success: boolean
  readonly errors?: readonly { readonly statusCode: string; readonly message: string }[]
}

/**
 * Per-record codes that mean the record is already gone: in the recycle bin or purged
 * (`ENTITY_IS_DELETED`), or no record has the id (`INVALID_CROSS_REFERENCE_KEY`).
 */
const goneCodes = new Set(['ENTITY_IS_DELETED', 'INVALID_CROSS_REFERENCE_KEY', 'NOT_FOUND'])

const failure = (ref: string, vendorCode: string, message: string): WriteResult => ({ ok: false, ref, code: writeFailureCode(vendorCode), vendorCode, message })

/** 15 or 18 base-62 characters; anything else would also break the comma-separated `ids` parameter. */
const idShape = /^[0-9A-Za-z]{15}(?:[0-9A-Za-z]{3})?$/

/** Why an id is not sent at all: malformed, or (by its key prefix) the id of another object. */
function refusal(object: string, id: string, keyPrefix: string | null | undefined): WriteResult | undefined {
  if (!idShape.test(id)) return failure(id, 'MALFORMED_ID', `malformed id ${id}`)
  // The collection delete takes ids of any object: never let a wrong id delete a record of another type.
  if (keyPrefix && id.slice(0, 3) !== keyPrefix) return failure(id, 'MALFORMED_ID', `${object} ID: id value of incorrect type: ${id}`)
  return undefined
}

function toResult(id: string, answer: SfDeleteResult | undefined): WriteResult {
  const errors = answer?.errors ?? []
  const first = errors[0]
  if (answer?.success || (first !== undefined && goneCodes.has(first.statusCode))) return { ok: true, ref: id, id }
  const message = errors.map((e) => e.message).join('; ')
  return failure(id, first?.statusCode ?? 'UNKNOWN_EXCEPTION', message || 'Salesforce gave no result for this record')
}

async function send(ctx: ReadContext, object: string, ids: readonly string[]): Promise<SfDeleteResult[]> {
  const query = new URLSearchParams({ ids: ids.join(','), allOrNone: 'false' }).toString().replace(/%2C/g, ',')
  return ctx.session.call(`remove ${object}`, (conn) => conn.request<SfDeleteResult[]>({ method: 'DELETE', url: `/composite/sobjects?${query}` }))
}

/** Sends one collection; a whole-request 400 is narrowed by sending the ids one by one. */
async function sendChunk(ctx: ReadContext, object: string, ids: readonly string[], answers: Map<string, WriteResult>): Promise<void> {
  try {
    const results = await send(ctx, object, ids)
    ids.forEach((id, i) => answers.set(id, toResult(id, results[i])))
  } catch (error) {
    if (!(error instanceof SalesforceCallError) || error.code !== 'bad_request') throw error
    if (ids.length === 1) answers.set(ids[0]!, failure(ids[0]!, error.vendorCode ?? 'UNKNOWN_EXCEPTION', error.message))
    else for (const id of ids) await sendChunk(ctx, object, [id], answers)
  }
}

/**
 * Moves records to the recycle bin through the sObject Collections delete, 200 ids a call,
 * `allOrNone=false`. Ids already gone count as removed, so a retried call is harmless.
 */
export async function removeRecords(ctx: ReadContext, object: string, ids: readonly string[]): Promise<WriteResult[]> {
  if (ids.length === 0) return []
  const { keyPrefix } = await ctx.describe(object)
  const answers = new Map<string, WriteResult>()
  const pending: string[] = []
  // The same id twice is sent once; both positions get its result.
  for (const id of new Set(ids)) {
    const refused = refusal(object, id, keyPrefix)
    if (refused) answers.set(id, refused)
    else pending.push(id)
  }
  for (const batch of chunk(pending, collectionSize)) await sendChunk(ctx, object, batch, answers)
  // Salesforce may echo what it refused in its messages, which revsync stores.
  const secrets = ctx.session.secrets()
  return ids.map((id) => {
    const r = answers.get(id)!
    return r.ok ? r : { ...r, message: redact(r.message, secrets) }
  })
}
