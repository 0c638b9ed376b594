import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { CompanyIndex, createCompanyIndex } from './company-index.js'
import { normalizeCompanyName } from './normalize-company-name.js'

function ids(accounts: readonly { id: string }[]): string[] {
  return accounts.map((a) => a.id).sort()
}

function likely(index: CompanyIndex, name: string): string[] {
  return ids(index.nameCandidates(normalizeCompanyName(name)!, 0).likely)
}

describe('CompanyIndex', () => {
  it('files accounts under the registrable domain of their website or domain', () => {
    const index = createCompanyIndex([
      { id: 'a', name: 'Acme', website: 'https://www.acme.com/about' },
      { id: 'b', name: 'Acme UK', domain: 'uk.acme.com' },
      { id: 'c', name: 'Acme Pizza', website: 'https://facebook.com/acmepizza' },
    ])
    assert.deepEqual(ids(index.byDomain('acme.com')), ['a', 'b'])
    assert.deepEqual(index.byDomain('facebook.com'), [])
    assert.equal(index.get('c')?.domain, null)
  })

  it('finds name candidates by same name, same distinctive words, spacing and typos', () => {
    const index = createCompanyIndex([
      { id: 'usergems', name: 'UserGems, Inc.' },
      { id: 'acme-group', name: 'Acme Group' },
      { id: 'hvv', name: 'Hamburger Verkehrsverbund GmbH' },
      { id: 'other', name: 'Globex' },
    ])
    assert.deepEqual(likely(index, 'User Gems'), ['usergems'])
    assert.deepEqual(likely(index, 'ACME Holdings'), ['acme-group'])
    assert.deepEqual(likely(index, 'Hamburger Verkehrsvebrund'), ['hvv'])
    assert.deepEqual(likely(index, 'Initech'), [])
  })

  it('offers related names (a shared word, initials) for near-miss reports', () => {
    const index = createCompanyIndex([
      { id: 'acme', name: 'Acme Corp' },
      { id: 'ibm', name: 'International Business Machines' },
    ])
    assert.deepEqual(ids(index.nameCandidates(normalizeCompanyName('Acme Bank')!, 5).related), ['acme'])
    assert.deepEqual(ids(index.nameCandidates(normalizeCompanyName('IBM')!, 5).related), ['ibm'])
  })

  it('keeps the top contact email domain and the contact count', () => {
    const index = createCompanyIndex([{ id: 'g', name: 'Globex', contactEmailDomains: { 'globex.de': 8, 'Sales.Globex.de': 4, 'gmail.com': 3 } }])
    const g = index.get('g')
    assert.equal(g?.topContactDomain, 'globex.de')
    assert.equal(g?.topContactDomainCount, 12)
    assert.equal(g?.contactCount, 15)
    assert.deepEqual(ids(index.byContactDomain('globex.de')), ['g'])
  })

  it('updates incrementally: replace and remove take the old keys out', () => {
    const index = new CompanyIndex()
    index.upsert({ id: 'x', name: 'Initech', website: 'initech.com' })
    index.upsert({ id: 'y', name: 'Initech', website: 'initech.io' })
    assert.equal(index.size, 2)
    index.upsert({ id: 'x', name: 'Globex', website: 'globex.com' })
    assert.deepEqual(likely(index, 'Initech'), ['y'])
    assert.deepEqual(likely(index, 'Globex'), ['x'])
    assert.deepEqual(index.byDomain('initech.com'), [])
    assert.equal(index.remove('y'), true)
    assert.equal(index.remove('y'), false)
    assert.deepEqual(likely(index, 'Initech'), [])
    assert.equal(index.size, 1)
    index.upsert({ id: 'z', name: 'Initech' })
    assert.deepEqual(likely(index, 'Initech'), ['z'])
  })

  it('scores only a handful of candidates among many similar names', () => {
    const index = new CompanyIndex()
    const industries = ['Bank', 'Foods', 'Motors', 'Media', 'Energy', 'Realty', 'Dental', 'Hotels']
    for (let i = 0; i < 20000; i += 1) index.upsert({ id: `s${i}`, name: `Brand${i.toString(36)} ${industries[i % industries.length]} GmbH` })
    const { likely: found } = index.nameCandidates(normalizeCompanyName('Brand7ps Bank AG')!, 8)
    assert.ok(found.length <= 3, `${found.length} candidates`)
    assert.ok(found.some((a) => a.id === `s${parseInt('7ps', 36)}`))
  })
})
