import type { RelationshipSchema } from '../../domain/object-schema.js'
import type { WriteOp, WriteResult } from '../../domain/records.js'
import { chunk } from '../kit/chunk.js'
import { sendOnce } from '../kit/create-once.js'
import { redact } from '../kit/redact.js'
import { SalesforceCallError, writeFailureCode } from './errors.js'
import { lookupRecords } from './lookup.js'
import type { ReadContext } from './read.js'
import { relationshipsOf } from './schema.js'

/** The most records one sObject Collections request takes. */
export const collectionSize = 200

export interface WriteContext extends ReadContext {
  /** Send `Sforce-Auto-Assign: TRUE` on Lead creates so the org's assignment rules pick the owner. */
  readonly autoAssignLeadsOnCreate: boolean
}

interface Pending {
  readonly index: number
  readonly op: WriteOp
  readonly body: Record<string, unknown>
}

interface SfSaveResult {
  readonly id?: string
  readonly success: boolean
  readonly errors?: readonly { readonly statusCode: string; readonly message: string; readonly fields?: readonly string[] }[]
}

const failure = (ref: string, vendorCode: string, message: string): WriteResult => ({ ok: false, ref, code: writeFailureCode(vendorCode), vendorCode, message })

/** The record body Salesforce takes for one op, refs turned into their lookup fields; or why it cannot be sent. */
function toBody(object: string, op: WriteOp, relationships: readonly RelationshipSchema[]): { body: Record<string, unknown> } | { failed: WriteResult } {
  const body: Record<string, unknown> = { attributes: { type: object } }
  if (op.kind === 'update') body.id = op.id
  for (const [name, value] of Object.entries(op.fields)) body[name] = value === '' ? null : value
  for (const [name, id] of Object.entries(op.refs ?? {})) {
    const relationship = relationships.find((r) => r.name === name)
    if (!relationship) return { failed: failure(op.ref, 'INVALID_FIELD', `${object} has no ${name} relationship in Salesforce`) }
    body[relationship.field] = id ?? null
  }
  return { body }
}

function toResult(op: WriteOp, answer: SfSaveResult | undefined): WriteResult {
  if (answer?.success && answer.id) return { ok: true, ref: op.ref, id: answer.id }
  const errors = answer?.errors ?? []
  const first = errors[0]
  const message = errors.map((e) => (e.fields && e.fields.length > 0 ? `${e.message} (${e.fields.join(', ')})` : e.message)).join('; ')
  return failure(op.ref, first?.statusCode ?? 'UNKNOWN_EXCEPTION', message || 'Salesforce gave no result for this record')
}

async function send(ctx: WriteContext, object: string, kind: WriteOp['kind'], items: readonly Pending[]): Promise<SfSaveResult[]> {
  const autoAssign = kind === 'create' && object === 'Lead' && ctx.autoAssignLeadsOnCreate
  return ctx.session.call(`${kind} ${object}`, (conn) =>
    conn.request<SfSaveResult[]>({
      method: kind === 'create' ? 'POST' : 'PATCH',
      url: '/composite/sobjects',
      body: JSON.stringify({ allOrNone: false, records: items.map((p) => p.body) }),
      // The REST API applies assignment rules unless told not to: only ask for them on purpose.
      headers: { 'content-type': 'application/json', 'Sforce-Auto-Assign': autoAssign ? 'TRUE' : 'FALSE' },
    }),
    // A create sent twice makes two records: after a lost answer the batch is looked up first.
    { idempotent: kind !== 'create' },
  )
}

/**
 * Sends one collection. A field Salesforce does not know fails the whole request (400
 * INVALID_FIELD): the records carrying it fail, the rest are sent again. Another whole-request
 * 400 is narrowed by sending the records one by one.
 */
async function sendChunk(ctx: WriteContext, object: string, kind: WriteOp['kind'], items: readonly Pending[], results: WriteResult[]): Promise<void> {
  let pending = items
  while (pending.length > 0) {
    try {
      const answers = await send(ctx, object, kind, pending)
      pending.forEach((p, i) => (results[p.index] = toResult(p.op, answers[i])))
      return
    } catch (error) {
      if (!(error instanceof SalesforceCallError) || error.code !== 'bad_request') throw error
      const field = /No such column '([^']+)'/.exec(error.message)?.[1]?.toLowerCase()
      const carries = (p: Pending): boolean => field !== undefined && Object.keys(p.body).some((k) => k.toLowerCase() === field)
      if (!pending.some(carries)) {
        if (pending.length === 1) results[pending[0]!.index] = failure(pending[0]!.op.ref, error.vendorCode ?? 'UNKNOWN_EXCEPTION', error.message)
        else for (const p of pending) await sendChunk(ctx, object, kind, [p], results)
        return
      }
      for (const p of pending.filter(carries)) results[p.index] = failure(p.op.ref, error.vendorCode ?? 'INVALID_FIELD', error.message)
      pending = pending.filter((p) => !carries(p))
    }
  }
}

/**
 * Creates and updates through sObject Collections, 200 records a call, `allOrNone: false`.
 * A create collection whose answer was lost is looked up by its keys before it is sent again.
 */
export async function writeRecords(ctx: WriteContext, object: string, ops: readonly WriteOp[]): Promise<WriteResult[]> {
  const describe = await ctx.describe(object)
  const relationships = relationshipsOf(object, describe.fields)
  const results: WriteResult[] = new Array<WriteResult>(ops.length)
  const byKind: Record<WriteOp['kind'], Pending[]> = { create: [], update: [] }
  ops.forEach((op, index) => {
    const built = toBody(object, op, relationships)
    if ('failed' in built) results[index] = built.failed
    else byKind[op.kind].push({ index, op, body: built.body })
  })
  for (const items of chunk(byKind.create, collectionSize)) {
    await sendOnce(items, {
      send: (todo) => sendChunk(ctx, object, 'create', todo, results),
      lookup: (key) => lookupRecords(ctx, object, key),
      createOf: (p) => (p.op.kind === 'create' ? p.op : undefined),
      settle: (p, result) => void (results[p.index] = result),
      done: (p) => results[p.index] !== undefined,
      maxAttempts: ctx.session.maxAttempts,
      backoff: (n) => ctx.session.backoff(n),
    })
  }
  for (const items of chunk(byKind.update, collectionSize)) await sendChunk(ctx, object, 'update', items, results)
  // Salesforce echoes refused values (an invalid email) in its messages, which revsync stores.
  const secrets = ctx.session.secrets()
  return results.map((r) => (r.ok ? r : { ...r, message: redact(r.message, secrets) }))
}
