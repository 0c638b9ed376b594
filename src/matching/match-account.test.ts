import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { AccountRecord } from './account-record.js'
import { createCompanyIndex } from './company-index.js'
import { createFreeMailSet } from './free-mail.js'
import { matchAccount } from './match-account.js'
import type { CompanyQuery } from './match-account.js'
import type { AccountMatchOptions } from './match-options.js'

function match(accounts: AccountRecord[], query: CompanyQuery, options: AccountMatchOptions = {}) {
  return matchAccount(query, createCompanyIndex(accounts), options)
}

describe('rule (a): domain', () => {
  const accounts: AccountRecord[] = [
    { id: 'acme', name: 'Acme Corp', website: 'https://www.acme.com' },
    { id: 'globex', name: 'Globex', website: 'globex.de' },
  ]
  const cases: [string, CompanyQuery, string][] = [
    ['company website', { website: 'https://acme.com/about' }, 'domain acme.com (https://acme.com/about) = website https://www.acme.com'],
    ['bare company domain', { domain: 'acme.com' }, 'domain acme.com = website https://www.acme.com'],
    ['email on a subdomain', { email: 'Jane@Sales.Acme.com' }, 'email domain acme.com (Jane@Sales.Acme.com) = website https://www.acme.com'],
    ['domain beats a different name', { name: 'Globex', email: 'jane@acme.com' }, 'email domain acme.com (jane@acme.com) = website https://www.acme.com'],
  ]
  for (const [label, query, evidence] of cases) {
    it(label, () => {
      const r = match(accounts, query)
      assert.equal(r.status, 'matched')
      assert.equal(r.rule, 'domain')
      assert.equal(r.accountId, 'acme')
      assert.equal(r.score, 1)
      assert.equal(r.evidence[0], evidence)
    })
  }

  it('prefers the company website over the email domain', () => {
    const r = match(accounts, { website: 'globex.de', email: 'jane@acme.com' })
    assert.equal(r.accountId, 'globex')
  })

  it('never matches on a free-mail domain, and says why', () => {
    const withGmail: AccountRecord[] = [...accounts, { id: 'gmail', name: 'Gmail', website: 'gmail.com' }]
    for (const query of [{ email: 'jane@gmail.com' }, { domain: 'gmail.com' }, { email: 'JANE@hotmail.co.uk' }]) {
      const r = match(withGmail, query)
      assert.equal(r.status, 'unmatched', JSON.stringify(query))
      assert.match(r.evidence[0] ?? '', /free-mail domain and never matches/)
    }
  })

  it('falls through to the name when the email is free-mail', () => {
    const r = match(accounts, { name: 'ACME, Inc.', email: 'jane@gmail.com' })
    assert.equal(r.rule, 'name')
    assert.equal(r.accountId, 'acme')
  })

  it('honours free-mail overrides from config', () => {
    const freeMail = createFreeMailSet({ remove: ['gmail.com'] })
    const r = match([{ id: 'g', name: 'Google Mail', website: 'gmail.com' }], { email: 'x@gmail.com' }, { freeMail })
    assert.equal(r.accountId, 'g')
  })
})

describe('hierarchy among accounts on the same domain', () => {
  it('one account on the domain: that account', () => {
    const r = match([{ id: 'a', name: 'Acme', website: 'acme.com' }], { email: 'x@acme.com' })
    assert.equal(r.decidedBy, 'single')
  })

  it('a parent and its child: the parent, even with fewer contacts', () => {
    const r = match(
      [
        { id: 'child', name: 'Acme UK', website: 'acme.com', parentId: 'parent', contactCount: 50 },
        { id: 'parent', name: 'Acme Holdings', website: 'www.acme.com', contactCount: 2 },
      ],
      { email: 'x@acme.com' },
    )
    assert.equal(r.accountId, 'parent')
    assert.equal(r.decidedBy, 'parent')
    assert.deepEqual(r.candidates.map((c) => c.accountId), ['child'])
    assert.match(r.evidence.join('\n'), /parent Acme Holdings \(parent\) chosen over its child Acme UK \(child\)/)
  })

  it('a grandparent wins over its grandchildren', () => {
    const r = match(
      [
        { id: 'g', name: 'Acme Group', website: 'acme.com' },
        { id: 'm', name: 'Acme Europe', parentId: 'g' },
        { id: 'c1', name: 'Acme DE', website: 'acme.com', parentId: 'm' },
        { id: 'c2', name: 'Acme FR', website: 'acme.com', parentId: 'm' },
      ],
      { email: 'x@acme.com' },
    )
    assert.equal(r.accountId, 'g')
  })

  it('several unrelated accounts: the one with more contacts', () => {
    const r = match(
      [
        { id: 'a1', name: 'Acme', website: 'acme.com', contactCount: 3 },
        { id: 'a2', name: 'Acme Inc', website: 'acme.com', contactCount: 12 },
        { id: 'a3', name: 'ACME', website: 'acme.com', contactCount: 7 },
      ],
      { email: 'x@acme.com' },
    )
    assert.equal(r.accountId, 'a2')
    assert.equal(r.decidedBy, 'contacts')
    assert.match(r.evidence.join('\n'), /most contacts: Acme Inc \(a2\) 12 vs Acme \(a1\) 3, ACME \(a3\) 7/)
  })

  it('a tie on contacts: the lowest id, reported', () => {
    const accounts: AccountRecord[] = [
      { id: 'b', name: 'Acme B', website: 'acme.com', contactCount: 4 },
      { id: 'a', name: 'Acme A', website: 'acme.com', contactCount: 4 },
      { id: 'c', name: 'Acme C', website: 'acme.com', contactCount: 1 },
    ]
    const r = match(accounts, { email: 'x@acme.com' })
    assert.equal(r.accountId, 'a')
    assert.equal(r.decidedBy, 'tie-break')
    assert.match(r.evidence.join('\n'), /tie-break: 2 accounts with 4 contacts each; chose the lowest id, a/)
  })

  it('a tie on contacts with tieBreak "ambiguous": reported, not guessed', () => {
    const accounts: AccountRecord[] = [
      { id: 'b', name: 'Acme B', website: 'acme.com', contactCount: 4 },
      { id: 'a', name: 'Acme A', website: 'acme.com', contactCount: 4 },
    ]
    const r = match(accounts, { email: 'x@acme.com' }, { tieBreak: 'ambiguous' })
    assert.equal(r.status, 'ambiguous')
    assert.equal(r.accountId, null)
    assert.deepEqual(r.candidates.map((c) => c.accountId).sort(), ['a', 'b'])
  })
})

describe('rule (b): name or a variation', () => {
  const accounts: AccountRecord[] = [
    { id: 'ug', name: 'UserGems, Inc.' },
    { id: 'acme', name: 'ACME, Inc.' },
    { id: 'globex-group', name: 'Globex Group' },
    { id: 'globex-holdings', name: 'Globex Holdings' },
  ]

  it('matches a variation and explains it', () => {
    const r = match(accounts, { name: 'UserGems' })
    assert.equal(r.rule, 'name')
    assert.equal(r.accountId, 'ug')
    assert.equal(r.evidence[0], 'name "UserGems" ~ "UserGems, Inc." 1.00 after removing legal forms')
  })

  it('explains a legal-form difference with its score', () => {
    const r = match(accounts, { name: 'Acme Corp' })
    assert.equal(r.accountId, 'acme')
    assert.equal(r.score, 0.97)
    assert.equal(r.evidence[0], 'name "Acme Corp" ~ "ACME, Inc." 0.97 after removing legal forms')
  })

  it('does not match a near miss, and reports the nearest account and why', () => {
    const r = match(accounts, { name: 'Acme Rockets' })
    assert.equal(r.status, 'unmatched')
    assert.equal(r.nearMiss?.accountId, 'acme')
    assert.equal(r.nearMiss?.shortfall, 'words without a counterpart: rockets')
  })

  it('with descriptorMatching, lets a descriptor on one side through only when the shared word names one account', () => {
    const on = { descriptorMatching: true }
    const alone = match(accounts, { name: 'Acme Bank' }, on)
    assert.deepEqual([alone.status, alone.accountId], ['matched', 'acme'])
    assert.ok(alone.evidence.includes('descriptor on one side only, weighed as a detail: bank'), alone.evidence.join('; '))
    assert.equal(match(accounts, { name: 'Acme Bank' }).status, 'unmatched')
    const shared = match([...accounts, { id: 'acme-foods', name: 'Acme Foods' }], { name: 'Acme Bank' }, on)
    assert.equal(shared.status, 'unmatched')
    assert.match(shared.nearMiss?.shortfall ?? '', /words without a counterpart: bank \(the shared words are on 2 accounts/)
  })

  it('reports a score below the threshold as the shortfall', () => {
    const r = match(accounts, { name: 'UserGems' }, { nameThreshold: 1.01 })
    assert.equal(r.status, 'unmatched')
    assert.equal(r.nearMiss?.shortfall, 'score 1.00 is below the threshold 1.01')
  })

  it('matches initials one account alone has only with initialsMatching, from five letters unless options allow fewer', () => {
    const icbm: AccountRecord[] = [{ id: 'icbm', name: 'International Copper Bearing Machines Corporation' }]
    assert.equal(match(icbm, { name: 'ICBM' }).status, 'unmatched')
    const alone = match(icbm, { name: 'ICBM' }, { initialsMatching: true, minUniqueAcronymLength: 4 })
    assert.deepEqual([alone.status, alone.accountId, alone.score], ['matched', 'icbm', 0.92])
    const icbmc: AccountRecord[] = [{ id: 'icbmc', name: 'International Copper Bearing Machines Consortium' }]
    assert.equal(match(icbmc, { name: 'ICBMC' }).status, 'unmatched')
    const on = { initialsMatching: true }
    assert.deepEqual([match(icbmc, { name: 'ICBMC' }, on).accountId, match(icbmc, { name: 'ICBMC' }, on).score], ['icbmc', 0.92])
    const ibm: AccountRecord[] = [{ id: 'ibm', name: 'International Business Machines Corporation' }]
    assert.equal(match(ibm, { name: 'IBM' }).status, 'unmatched')
    assert.match(match(ibm, { name: 'IBM' }).nearMiss?.shortfall ?? '', /only the initials agree/)
    assert.equal(match(ibm, { name: 'IBM' }, { initialsMatching: true, minUniqueAcronymLength: 3 }).accountId, 'ibm')
  })

  it('keeps initials a weak signal when several accounts share them', () => {
    const two: AccountRecord[] = [{ id: 'ibm', name: 'International Business Machines' }, { id: 'iowa', name: 'Iowa Beef Merchants' }]
    const r = match(two, { name: 'IBM' }, { initialsMatching: true, minUniqueAcronymLength: 3 })
    assert.equal(r.status, 'unmatched')
    assert.match(r.nearMiss?.shortfall ?? '', /only the initials agree/)
    assert.equal(match(two, { name: 'IBM' }, { acronymScore: 0.95 }).status, 'ambiguous')
  })

  it('reports different names tied for the best as ambiguous', () => {
    const r = match(accounts, { name: 'Globex' })
    assert.equal(r.status, 'ambiguous')
    assert.deepEqual(r.candidates.map((c) => c.accountId).sort(), ['globex-group', 'globex-holdings'])
  })

  it('prefers the exact name over one with an extra generic word', () => {
    const r = match([...accounts, { id: 'globex', name: 'Globex GmbH' }], { name: 'Globex' })
    assert.equal(r.accountId, 'globex')
    assert.equal(r.decidedBy, 'score')
  })

  it('prefers the same spelling of a generic word ("Partners Banka" over "Partner banka")', () => {
    const banks: AccountRecord[] = [
      { id: 'b1', name: 'Partner banka', contactCount: 50 },
      { id: 'b2', name: 'Partners Banka' },
    ]
    assert.equal(match(banks, { name: 'Partners Banka PLC' }).accountId, 'b2')
    assert.equal(match(banks, { name: 'PARTNER BANKA A.S.' }).accountId, 'b1')
  })

  it('settles duplicates of one name by contacts, then the tie-break', () => {
    const dupes: AccountRecord[] = [
      { id: 'i2', name: 'Initech LLC', contactCount: 9 },
      { id: 'i1', name: 'INITECH, Inc.', contactCount: 2 },
    ]
    assert.equal(match(dupes, { name: 'Initech' }).accountId, 'i2')
    const even: AccountRecord[] = dupes.map((d) => ({ ...d, contactCount: 5 }))
    const r = match(even, { name: 'Initech' })
    assert.equal(r.accountId, 'i1')
    assert.equal(r.decidedBy, 'tie-break')
  })

  it('prefers the parent among tied names of one hierarchy', () => {
    const r = match(
      [
        { id: 'p', name: 'Initech Inc', contactCount: 1 },
        { id: 'c', name: 'Initech GmbH', parentId: 'p', contactCount: 30 },
      ],
      { name: 'Initech' },
    )
    assert.equal(r.accountId, 'p')
    assert.equal(r.decidedBy, 'parent')
  })
})

describe('rule (c): most contacts at the domain', () => {
  it('matches the account where a majority of contacts are at the domain', () => {
    const r = match([{ id: 'g', name: 'Globex', contactEmailDomains: { 'globex.de': 12, 'gmail.com': 3 } }], { email: 'jane@globex.de' })
    assert.equal(r.rule, 'contacts')
    assert.equal(r.accountId, 'g')
    assert.equal(r.score, 0.8)
    assert.equal(r.evidence[0], '12 of 15 contacts @globex.de')
  })

  it('does not match at half or less, and reports it', () => {
    const r = match([{ id: 'g', name: 'Globex', contactEmailDomains: { 'globex.de': 5, 'gmail.com': 5 } }], { email: 'jane@globex.de' })
    assert.equal(r.status, 'unmatched')
    assert.equal(r.nearMiss?.rule, 'contacts')
    assert.equal(r.nearMiss?.shortfall, '5 of 10 contacts is not more than 50%')
  })

  it('counts contacts without a known domain in the total', () => {
    const r = match([{ id: 'g', name: 'Globex', contactCount: 30, contactEmailDomains: { 'globex.de': 12 } }], { email: 'jane@globex.de' })
    assert.equal(r.status, 'unmatched')
  })

  it('never matches a free-mail majority', () => {
    const r = match([{ id: 'g', name: 'Globex', contactEmailDomains: { 'gmail.com': 9 } }], { email: 'jane@gmail.com' })
    assert.equal(r.status, 'unmatched')
  })

  it('honours the minimum number of contacts', () => {
    const accounts: AccountRecord[] = [{ id: 'g', name: 'Globex', contactEmailDomains: { 'globex.de': 1 } }]
    assert.equal(match(accounts, { email: 'a@globex.de' }).accountId, 'g')
    assert.equal(match(accounts, { email: 'a@globex.de' }, { minContactsAtDomain: 2 }).status, 'unmatched')
  })

  it('comes after the name rule', () => {
    const r = match(
      [
        { id: 'g', name: 'Globex', contactEmailDomains: { 'globex.de': 12 } },
        { id: 'h', name: 'Hooli' },
      ],
      { name: 'Hooli', email: 'jane@globex.de' },
    )
    assert.equal(r.accountId, 'h')
  })
})

describe('no usable input', () => {
  it('says there was nothing to match on', () => {
    const r = match([{ id: 'a', name: 'Acme' }], { name: '  ', email: 'not-an-email' })
    assert.equal(r.status, 'unmatched')
    assert.equal(r.rule, 'none')
    assert.equal(r.evidence[0], 'no usable domain or name to match on')
  })
})
