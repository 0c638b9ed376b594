import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import type { FieldRow } from '../domain/mapping.js'
import type { FieldValue } from '../domain/records.js'
import { decideRow } from './decide-row.js'
import type { RowSide } from './decide-row.js'

function row(policy: FieldRow['policy'], extra: Partial<FieldRow> = {}): FieldRow {
  return { key: 'title', index: 0, policy, compare: 'exact', toleranceMs: 2000, paths: new Map(), ...extra }
}

/** Sides in System of Record order: [system, value, changedAt]; every side reads and writes. */
function sides(...list: [string, FieldValue | undefined, number?][]): RowSide[] {
  return list.map(([system, value, changedAt]) => ({ system, value, changedAt: changedAt ?? 0, source: true, target: true }))
}

interface Case {
  name: string
  row: FieldRow
  sides: RowSide[]
  last: FieldValue | undefined
  winner?: FieldValue
  writes?: string[]
  hold?: string
}

const cases: Case[] = [
  { name: 'SoR: the top value wins and lower systems are set to it', row: row('system-of-record'), sides: sides(['sugar', 'CEO'], ['hubspot', 'CTO']), last: 'CTO', winner: 'CEO', writes: ['hubspot'] },
  { name: 'SoR: a change in a lower system is reverted', row: row('system-of-record'), sides: sides(['sugar', 'CEO'], ['hubspot', 'VP']), last: 'CEO', winner: 'CEO', writes: ['hubspot'] },
  { name: 'SoR: a lower value wins while every higher one is blank', row: row('system-of-record'), sides: sides(['sugar', '  '], ['hubspot', 'VP']), last: undefined, winner: 'VP', writes: ['sugar'] },
  { name: 'SoR: agreement writes nothing', row: row('system-of-record'), sides: sides(['sugar', 'CEO'], ['hubspot', ' CEO ']), last: 'CEO', winner: 'CEO', writes: [] },
  { name: 'SoR: a record being created gets the winner', row: row('system-of-record'), sides: sides(['sugar', 'CEO'], ['hubspot', undefined]), last: undefined, winner: 'CEO', writes: ['hubspot'] },
  { name: 'SoR: a blank winner is not written into a new record', row: row('system-of-record'), sides: sides(['sugar', null], ['hubspot', undefined]), last: undefined, winner: null, writes: [] },
  { name: 'always: the top system wins even when blank', row: row('always'), sides: sides(['sugar', ''], ['hubspot', 'VP']), last: 'VP', winner: null, writes: ['hubspot'] },
  { name: 'most-recent: the later change wins', row: row('most-recent'), sides: sides(['sugar', 'A', 10_000], ['hubspot', 'B', 20_000]), last: 'old', winner: 'B', writes: ['sugar'] },
  { name: 'most-recent: an unchanged side never overwrites a changed one', row: row('most-recent'), sides: sides(['sugar', 'old', 90_000], ['hubspot', 'B', 20_000]), last: 'old', winner: 'B', writes: ['sugar'] },
  { name: 'most-recent: a change to blank never wins and is refilled', row: row('most-recent'), sides: sides(['sugar', 'old', 0], ['hubspot', null, 50_000]), last: 'old', winner: 'old', writes: ['hubspot'] },
  { name: 'most-recent: two changes within the tolerance are held', row: row('most-recent'), sides: sides(['sugar', 'A', 10_000], ['hubspot', 'B', 11_000]), last: 'old', hold: 'most-recent.too-close' },
  { name: 'most-recent: two changes to the same value agree', row: row('most-recent'), sides: sides(['sugar', 'A', 10_000], ['hubspot', 'A', 10_500]), last: 'old', winner: 'A', writes: [] },
  { name: 'manual: a change on one side propagates', row: row('manual'), sides: sides(['sugar', 'old'], ['hubspot', 'B']), last: 'old', winner: 'B', writes: ['sugar'] },
  { name: 'manual: different changes on two sides are held', row: row('manual'), sides: sides(['sugar', 'A'], ['hubspot', 'B']), last: 'old', hold: 'manual.conflict' },
  { name: 'manual: a first sync with different values is held', row: row('manual'), sides: sides(['sugar', 'A'], ['hubspot', 'B']), last: undefined, hold: 'manual.conflict' },
  { name: 'manual: a change to blank never wins and is refilled', row: row('manual'), sides: sides(['sugar', null], ['hubspot', 'old']), last: 'old', winner: 'old', writes: ['sugar'] },
  { name: 'manual: a change to blank is no conflict with a change to a value', row: row('manual'), sides: sides(['sugar', ''], ['hubspot', 'B']), last: 'old', winner: 'B', writes: ['sugar'] },
  { name: 'most-recent: a blank first sync with a new record writes nothing', row: row('most-recent'), sides: sides(['sugar', null], ['hubspot', undefined]), last: undefined, winner: null, writes: [] },
  { name: 'ignore-case: case alone is no difference', row: row('system-of-record', { compare: 'ignore-case' }), sides: sides(['sugar', 'Jane@Acme.com'], ['hubspot', 'jane@acme.com']), last: 'jane@acme.com', winner: 'Jane@Acme.com', writes: [] },
]

describe('decideRow: one field row of one entity', () => {
  for (const c of cases) {
    it(c.name, () => {
      const decision = decideRow(c.row, c.sides, c.last)
      if (c.hold) {
        assert.equal(decision.kind, 'hold')
        assert.equal(decision.reason.rule, c.hold)
        return
      }
      assert.equal(decision.kind, 'set', JSON.stringify(decision))
      if (decision.kind !== 'set') return
      assert.equal(decision.winner, c.winner)
      assert.deepEqual(decision.writes, c.writes)
      assert.ok(decision.reason.detail.length > 0)
    })
  }

  it('one way: only the target is written, and its own change is overwritten', () => {
    const oneWay: RowSide[] = [
      { system: 'sugar', value: 'CEO', changedAt: 0, source: true, target: false },
      { system: 'hubspot', value: 'Boss', changedAt: 99_000, source: false, target: true },
    ]
    for (const policy of ['system-of-record', 'most-recent', 'manual'] as const) {
      const decision = decideRow(row(policy), oneWay, 'CEO')
      assert.equal(decision.kind, 'set')
      assert.deepEqual(decision.kind === 'set' && [decision.winner, decision.writes], ['CEO', ['hubspot']], policy)
    }
  })

  it('one way: a blank source, or none yet, never blanks the target outside `always`', () => {
    const target: RowSide = { system: 'hubspot', value: 'Head of Ops', changedAt: 99_000, source: false, target: true }
    const blankSource: RowSide = { system: 'sugar', value: '  ', changedAt: 0, source: true, target: false }
    // The source record is being created, so it has no value yet (and is not read).
    const newSource: RowSide = { system: 'sugar', value: undefined, changedAt: 0, source: false, target: false }
    for (const policy of ['system-of-record', 'most-recent', 'manual', 'always'] as const) {
      for (const [label, source] of [['blank', blankSource], ['new', newSource]] as const) {
        for (const last of [undefined, null]) {
          const decision = decideRow(row(policy), [source, target], last)
          assert.equal(decision.kind, 'set')
          if (decision.kind !== 'set') continue
          const blanked = policy === 'always' && label === 'blank'
          assert.deepEqual([decision.winner, decision.writes], [null, blanked ? ['hubspot'] : []], `${policy}, ${label} source, last ${String(last)}`)
          if (!blanked) assert.equal(decision.reason.rule, 'no-value')
        }
      }
    }
  })
})
