import { ConnectorError } from '../../domain/connector.js'
import type { WriteOp, WriteResult } from '../../domain/records.js'
import { chunk } from '../kit/chunk.js'
import { sendOnce } from '../kit/create-once.js'
import { defaultRetryPolicy } from '../kit/retry.js'
import { redact } from '../kit/redact.js'
import type { SugarClient } from './client.js'
import { isTransientStatus, sugarErrorBody, writeFailure } from './errors.js'
import { toSugarBody } from './fields.js'
import { lookupRecords } from './lookup.js'
import { sugarToIsoUtc } from './sugar-time.js'

/** Requests per `/bulk` call. Sugar runs them one by one in one PHP request, so bigger calls risk its time limit. */
export const bulkSize = 100
/** Sends of one request that Sugar answered 429/502/503/504 inside a bulk, before reporting it failed. */
const maxRounds = 4

interface BulkAnswer {
  readonly contents: unknown
  readonly status: number
}

interface BulkRequest {
  readonly url: string
  readonly method: 'POST' | 'PUT' | 'DELETE'
  readonly data?: string
}

function toRequest(module: string, op: WriteOp): BulkRequest {
  const data = JSON.stringify(toSugarBody(module, op))
  const path = `/v11/${encodeURIComponent(module)}`
  return op.kind === 'create' ? { url: path, method: 'POST', data } : { url: `${path}/${encodeURIComponent(op.id)}`, method: 'PUT', data }
}

function toResult(op: WriteOp, answer: BulkAnswer | undefined): WriteResult {
  if (!answer) return { ok: false, ref: op.ref, code: 'unknown', vendorCode: 'missing_result', message: 'the bulk answer had no entry for this request' }
  if (answer.status < 200 || answer.status >= 300) return writeFailure(op.ref, answer.status, answer.contents)
  const record = (answer.contents ?? {}) as { id?: unknown; date_modified?: unknown }
  const id = typeof record.id === 'string' ? record.id : op.kind === 'update' ? op.id : ''
  const modifiedAt = typeof record.date_modified === 'string' ? sugarToIsoUtc(record.date_modified) : undefined
  return { ok: true, ref: op.ref, id, ...(modifiedAt ? { modifiedAt } : {}) }
}

/**
 * Creates and updates through `POST /bulk`, 100 requests a call, one result per op in order.
 * A record Sugar refuses (422 missing_parameter, an inactive assigned user, 404) is a failed
 * result; the others in the call are written. Requests answered 429/5xx-unavailable inside
 * the bulk were not run, so they are sent again (up to 4 times). A whole call that still
 * fails after the HTTP client's retries throws.
 */
export async function writeRecords(client: SugarClient, module: string, ops: readonly WriteOp[]): Promise<WriteResult[]> {
  if (module === 'Users') throw new ConnectorError('sugarcrm', 'bad_request', 'Users are read, never written')
  const results = new Array<WriteResult>(ops.length)
  const requests = new Map<number, BulkRequest>()
  ops.forEach((op, i) => {
    try {
      requests.set(i, toRequest(module, op))
    } catch (error) {
      results[i] = { ok: false, ref: op.ref, code: 'invalid', vendorCode: 'revsync_invalid_op', message: (error as Error).message }
    }
  })
  const settle = (i: number, answer: BulkAnswer | undefined, last: boolean): boolean => {
    if (!last && answer && isTransientStatus(answer.status)) return false
    results[i] = toResult(ops[i] as WriteOp, answer)
    return true
  }
  for (const part of chunk([...requests.keys()], bulkSize)) {
    // A bulk holding a create is never resent blindly: what a lost attempt made is looked up first.
    await sendOnce(part, {
      send: (todo) => writeChunk(client, todo, (i) => requests.get(i) as BulkRequest, settle, todo.every((i) => ops[i]?.kind !== 'create')),
      lookup: (key) => lookupRecords(client, module, key),
      createOf: (i) => {
        const op = ops[i]
        return op?.kind === 'create' ? op : undefined
      },
      settle: (i, result) => void (results[i] = result),
      done: (i) => results[i] !== undefined,
      maxAttempts: defaultRetryPolicy.maxAttempts,
      backoff: (n) => client.backoff(n),
    })
  }
  // Sugar echoes refused values (an unknown related id) in its messages, which revsync stores.
  const secrets = client.secrets()
  return results.map((r) => (r.ok ? r : { ...r, message: redact(r.message, secrets) }))
}

/** One delete's result: a 404 other than `no_method` (an unknown module) means the record is already gone, so done. */
function toRemoveResult(id: string, answer: BulkAnswer | undefined): WriteResult {
  if (!answer) return { ok: false, ref: id, code: 'unknown', vendorCode: 'missing_result', message: 'the bulk answer had no entry for this request' }
  const gone = answer.status === 404 && sugarErrorBody(answer.contents, 404).error !== 'no_method'
  if (!gone && (answer.status < 200 || answer.status >= 300)) return writeFailure(id, answer.status, answer.contents)
  return { ok: true, ref: id, id }
}

/**
 * Deletes through `POST /bulk` (`DELETE /v11/{module}/{id}` sub-requests), 100 a call, so N
 * ids cost ceil(N / 100) calls plus resends; Sugar marks each record deleted. One result per
 * id in order, `ref` being the id; an id Sugar answers 404 for is already gone, so done.
 * Transient sub-request answers are resent like writes; a whole call failing throws.
 */
export async function removeRecords(client: SugarClient, module: string, ids: readonly string[]): Promise<WriteResult[]> {
  if (module === 'Users') throw new ConnectorError('sugarcrm', 'bad_request', 'Users are read, never deleted')
  const results = new Array<WriteResult>(ids.length)
  const todo: number[] = []
  ids.forEach((id, i) => {
    if (id.trim() === '') results[i] = { ok: false, ref: id, code: 'invalid', vendorCode: 'revsync_invalid_op', message: 'a record id is required to delete' }
    else todo.push(i)
  })
  const path = `/v11/${encodeURIComponent(module)}`
  const request = (i: number): BulkRequest => ({ url: `${path}/${encodeURIComponent(ids[i] as string)}`, method: 'DELETE' })
  for (const part of chunk(todo, bulkSize)) {
    await writeChunk(client, part, request, (i, answer, last) => {
      if (!last && answer && isTransientStatus(answer.status)) return false
      results[i] = toRemoveResult(ids[i] as string, answer)
      return true
    })
  }
  const secrets = client.secrets()
  return results.map((r) => (r.ok ? r : { ...r, message: redact(r.message, secrets) }))
}

/**
 * Sends one chunk; `settle` records an answer, or returns false to send that request again.
 * A chunk holding a create is not `idempotent`: a lost answer then throws `AnswerLost`.
 */
async function writeChunk(
  client: SugarClient,
  indices: readonly number[],
  request: (i: number) => BulkRequest,
  settle: (i: number, answer: BulkAnswer | undefined, last: boolean) => boolean,
  idempotent = true,
): Promise<void> {
  let todo = indices
  for (let round = 1; todo.length > 0; round++) {
    const answers = await client.request<BulkAnswer[]>({ method: 'POST', path: '/rest/v11/bulk', body: { requests: todo.map(request) }, idempotent })
    todo = todo.filter((index, k) => !settle(index, Array.isArray(answers) ? answers[k] : undefined, round >= maxRounds))
    if (todo.length > 0) await client.backoff(round)
  }
}
