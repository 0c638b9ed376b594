import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { RemoteRecord, WriteOp, WriteResult } from '../../domain/records.js'
import { AnswerLost, sendOnce } from './create-once.js'

const record = (id: string, email: string, extra: Partial<RemoteRecord> = {}): RemoteRecord => ({ id, object: 'contacts', fields: { email }, modifiedAt: '2026-01-01T00:00:00.000Z', ...extra })
const create = (ref: string, email?: string): WriteOp => ({ kind: 'create', ref, fields: { email: email ?? null }, ...(email ? { key: { field: 'email', value: email } } : {}) })

/** Runs `sendOnce` over ops whose first send loses its answer; `held` is what the system holds afterwards. */
async function afterLostAnswer(ops: readonly WriteOp[], held: readonly RemoteRecord[]) {
  const results = new Map<WriteOp, WriteResult>()
  const sends: string[][] = []
  await sendOnce(ops, {
    send: async (todo) => {
      sends.push(todo.map((o) => o.ref))
      if (sends.length === 1) throw new AnswerLost('create', new Error('socket hang up'))
      for (const op of todo) results.set(op, { ok: true, ref: op.ref, id: `new-${op.ref}` })
    },
    lookup: async ({ values }) => new Map(values.map((v) => [v, held.filter((r) => r.fields['email'] === v)])),
    createOf: (op) => (op.kind === 'create' ? op : undefined),
    settle: (op, result) => void results.set(op, result),
    done: (op) => results.has(op),
    maxAttempts: 3,
    backoff: async () => {},
  })
  return { results: ops.map((o) => results.get(o)), sends }
}

describe('sendOnce: creates after a lost answer', () => {
  it('links what one record holds, refuses a key two records hold, and resends only the rest', async () => {
    const ops = [create('a', 'a@x.example'), create('b', 'b@x.example'), create('c', 'c@x.example'), create('d')]
    const { results, sends } = await afterLostAnswer(ops, [record('1', 'a@x.example'), record('2', 'b@x.example'), record('3', 'b@x.example')])
    assert.deepEqual(results[0], { ok: true, ref: 'a', id: '1', modifiedAt: '2026-01-01T00:00:00.000Z', recovered: true })
    assert.equal(results[1]?.ok === false && results[1].code, 'duplicate')
    assert.deepEqual(sends, [['a', 'b', 'c', 'd'], ['c', 'd']], 'only the creates nothing was found for are sent again')
  })

  it('never takes a deleted record or a converted lead, nor a key two creates of the batch share', async () => {
    const ops = [create('a', 'a@x.example'), create('b', 'b@x.example'), create('b2', 'B@x.example')]
    const held = [record('1', 'a@x.example', { deleted: true }), record('2', 'a@x.example', { convertedTo: { object: 'Contacts', id: '9' } }), record('3', 'b@x.example')]
    const { sends } = await afterLostAnswer(ops, held)
    assert.deepEqual(sends[1], ['a', 'b', 'b2'])
  })

  it('throws the last failure once the attempts run out', async () => {
    const final = new Error('still resetting')
    await assert.rejects(
      sendOnce([create('a', 'a@x.example')], {
        send: async () => { throw new AnswerLost('create', final) },
        lookup: async () => new Map(),
        createOf: (op) => (op.kind === 'create' ? op : undefined),
        settle: () => {},
        done: () => false,
        maxAttempts: 2,
        backoff: async () => {},
      }),
      (e) => e === final,
    )
  })
})
