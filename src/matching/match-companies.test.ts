import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { AccountRecord } from './account-record.js'
import { createCompanyIndex } from './company-index.js'
import { matchCompanies } from './match-companies.js'

const ACCOUNTS: AccountRecord[] = [
  { id: 'acme', name: 'Acme Corp', website: 'acme.com', contactCount: 5 },
  { id: 'acme-uk', name: 'Acme UK', website: 'acme.com', parentId: 'acme', contactCount: 9 },
  { id: 'ug', name: 'UserGems, Inc.' },
  { id: 'globex', name: 'Globex', contactEmailDomains: { 'globex.de': 4 } },
  { id: 'initech-1', name: 'Initech Group' },
  { id: 'initech-2', name: 'Initech Holdings' },
]

describe('matchCompanies', () => {
  const report = matchCompanies(
    [
      { ref: 'line-1', email: 'jane@acme.com' },
      { name: 'User Gems' },
      { email: 'bob@globex.de' },
      { name: 'Initech' },
      { name: 'Hooli', email: 'ann@gmail.com' },
    ],
    ACCOUNTS,
  )

  it('returns one row per input, in order, with its reference', () => {
    assert.deepEqual(report.rows.map((r) => r.ref), ['line-1', '2', '3', '4', '5'])
    assert.deepEqual(report.rows.map((r) => r.result.accountId), ['acme', 'ug', 'globex', null, null])
  })

  it('summarizes matched by rule, ambiguous and unmatched', () => {
    assert.deepEqual(report.summary, {
      total: 5,
      matched: 3,
      matchedByRule: { domain: 1, name: 1, contacts: 1 },
      decidedBy: { single: 2, score: 0, parent: 1, contacts: 0, 'tie-break': 0 },
      ambiguous: 1,
      unmatched: 1,
    })
  })

  it('writes rows that survive a JSON round trip (for JSONL)', () => {
    const row = report.rows[0]
    assert.deepEqual(JSON.parse(JSON.stringify(row)), row)
  })

  it('accepts a prebuilt index', () => {
    const index = createCompanyIndex(ACCOUNTS)
    assert.equal(matchCompanies([{ name: 'Acme Corporation' }], index).rows[0]?.result.accountId, 'acme')
  })
})
