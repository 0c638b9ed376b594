import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { PlannedWrite } from '../../engine/entity-plan.js'
import type { WriteOutcome } from './execute-writes.js'
import { guardMatched } from './guard-matched.js'

const write: PlannedWrite = { system: 'hubspot', object: 'contacts', kind: 'update', recordId: '7', fields: { email: 'ann@globex.example' }, refs: {}, before: {}, reasons: [] }
const outcome = (entityId: string, id: string, matched: boolean): WriteOutcome => ({ entityId, write: { ...write, recordId: id }, result: { ok: true, ref: entityId, id, ...(matched ? { matched: true as const } : {}) } })
const store = (links: Record<string, string>) => ({ findEntities: async (_m: string, _s: string, ids: readonly string[]) => new Map(ids.flatMap((id) => (links[id] ? [[id, links[id]] as [string, string]] : []))) })

describe('guardMatched: an upsert that reached a record another entity holds', () => {
  it('becomes a conflict naming the holder, so the link is not moved', async () => {
    const [out] = await guardMatched('people', [outcome('e2', '7', true)], store({ '7': 'e1' }))
    assert.equal(out?.result.ok, false)
    assert.ok(!out?.result.ok && out?.result.code === 'conflict' && out.result.message.includes('e1'))
  })

  it('leaves a match of an unlinked record, a record its own entity holds, and plain writes alone', async () => {
    const outcomes = [outcome('e2', '8', true), outcome('e3', '9', true), outcome('e4', '7', false)]
    const guarded = await guardMatched('people', outcomes, store({ '9': 'e3', '7': 'e1' }))
    assert.deepEqual(guarded, outcomes)
  })
})
