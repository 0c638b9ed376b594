import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { generateSalesforceSeed } from './generate-seed.js'
import { parseSalesforceSeed } from './seed.js'
import { createSalesforceState } from './state.js'

describe('generateSalesforceSeed', () => {
  it('makes the same valid org for the same options', () => {
    const a = generateSalesforceSeed({ people: 1000, seed: 3 })
    assert.deepEqual(generateSalesforceSeed({ people: 1000, seed: 3 }), a)
    assert.notDeepEqual(generateSalesforceSeed({ people: 1000, seed: 4 }), a)
    const state = createSalesforceState(parseSalesforceSeed(a), () => Date.parse('2026-02-01T00:00:00Z'))
    assert.equal(state.live('Contact').length + state.live('Lead').length, 1000)
    assert.equal(state.live('User').filter((u) => u.IsActive !== true).length, 1, 'one inactive user')
    const emails = [...state.live('Contact'), ...state.live('Lead')].map((r) => r.Email)
    assert.equal(new Set(emails).size, 1000, 'emails are unique')
    assert.ok(state.live('Contact').every((c) => state.records.get('Account')!.has(String(c.AccountId))))
    assert.ok(state.live('Lead').every((l) => typeof l.Company === 'string' && l.IsConverted === false))
  })

  it('stamps records a few to a second, in the past, in creation order', () => {
    const seed = generateSalesforceSeed({ people: 30, contactShare: 1, recordsPerSecond: 7, modifiedFrom: '2026-01-05T09:00:00.000Z' })
    const stamps = [...(seed.accounts ?? []), ...(seed.contacts ?? [])].map((c) => String(c.SystemModstamp))
    assert.equal(stamps[0], '2026-01-05T09:00:00.000+0000')
    assert.equal(stamps.filter((s) => s === stamps[0]).length, 7)
    assert.deepEqual([...stamps].sort(), stamps)
  })
})
