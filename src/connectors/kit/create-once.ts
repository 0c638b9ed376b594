import type { CreateKey, RemoteRecord, WriteOp, WriteResult } from '../../domain/records.js'

/** A create op: the only kind whose blind resend can make a second record. */
export type CreateOp = Extract<WriteOp, { kind: 'create' }>

/**
 * Thrown by a client for a request that must not be sent again blindly (a create), when it
 * failed in a way that leaves open whether the system applied it: the connection reset, the
 * call timed out, or a 5xx came back after sending. `final` is the error to report should no
 * further attempt be made.
 */
export class AnswerLost extends Error {
  readonly final: unknown

  constructor(what: string, final: unknown) {
    super(`${what}: the answer was lost (${final instanceof Error ? final.message : String(final)})`)
    this.name = 'AnswerLost'
    this.final = final
  }
}

/** The op's key, lower-cased and trimmed as lookups group values. */
export function keyValue(key: CreateKey): string {
  return key.value.trim().toLowerCase()
}

/** What `sendOnce` needs from a connector. */
export interface CreateOnceDeps<I> {
  /** Sends the items and settles each one's result; throws `AnswerLost` when the answer was lost. */
  send(items: readonly I[]): Promise<void>
  /** The records holding each key value now, grouped by the value lower-cased (the connector's `lookup`). */
  lookup(key: { readonly field: string; readonly values: readonly string[] }): Promise<Map<string, RemoteRecord[]>>
  /** The create op of an item, if it is one (a batch may mix creates and updates). */
  createOf(item: I): CreateOp | undefined
  settle(item: I, result: WriteResult): void
  /** True once an item has its result (a send may settle some items before it fails). */
  done(item: I): boolean
  /** Sends in all, the first included. */
  readonly maxAttempts: number
  /** Waits before attempt `n + 1`. */
  backoff(n: number): Promise<void>
}

/**
 * Sends a batch so that a lost answer never makes a record twice. After an `AnswerLost`, each
 * create with a key is looked up by it before anything is sent again: one record holding the
 * key is the one the lost attempt made, so the create counts as done (`recovered`) with its
 * id; two are refused as a duplicate (never guessed between). Only what was not found is sent
 * again. A create without a key cannot be looked up and is sent again as before. When the
 * attempts run out, the last attempt's error is thrown as the call's failure.
 */
export async function sendOnce<I>(items: readonly I[], deps: CreateOnceDeps<I>): Promise<void> {
  let pending = items
  for (let attempt = 1; pending.length > 0; attempt++) {
    try {
      await deps.send(pending)
      return
    } catch (error) {
      if (!(error instanceof AnswerLost)) throw error
      if (attempt >= deps.maxAttempts) throw error.final
      pending = pending.filter((item) => !deps.done(item))
      const found = await findMade(pending, deps)
      pending = pending.filter((item) => !found.has(item))
      for (const [item, result] of found) deps.settle(item, result)
      if (pending.length > 0) await deps.backoff(attempt)
    }
  }
}

/** Results for the pending creates whose key now finds a record, by item. */
async function findMade<I>(pending: readonly I[], deps: CreateOnceDeps<I>): Promise<Map<I, WriteResult>> {
  const keyed = new Map<string, { item: I; op: CreateOp }[]>()
  for (const item of pending) {
    const op = deps.createOf(item)
    if (!op?.key || keyValue(op.key) === '') continue
    const slot = `${op.key.field}\u0000${keyValue(op.key)}`
    keyed.set(slot, [...(keyed.get(slot) ?? []), { item, op }])
  }
  const out = new Map<I, WriteResult>()
  const byField = new Map<string, string[]>()
  for (const group of keyed.values()) {
    const first = group[0]
    // Two creates of one key in a batch: a record found for it could be either's. Sent again.
    if (group.length !== 1 || !first?.op.key) continue
    byField.set(first.op.key.field, [...(byField.get(first.op.key.field) ?? []), keyValue(first.op.key)])
  }
  for (const [field, values] of byField) {
    const records = await deps.lookup({ field, values })
    for (const value of values) {
      const entry = keyed.get(`${field}\u0000${value}`)?.[0]
      // A converted lead is history, never the record just made.
      const live = (records.get(value) ?? []).filter((r) => !r.deleted && !r.convertedTo)
      if (!entry || live.length === 0) continue
      const { item, op } = entry
      if (live.length === 1) out.set(item, { ok: true, ref: op.ref, id: (live[0] as RemoteRecord).id, modifiedAt: (live[0] as RemoteRecord).modifiedAt, recovered: true })
      else out.set(item, { ok: false, ref: op.ref, code: 'duplicate', vendorCode: 'ANSWER_LOST', message: `the answer to this create was lost, and ${live.length} records now hold ${field} ${value} (${live.map((r) => r.id).join(', ')}); not guessed, not sent again` })
    }
  }
  return out
}
