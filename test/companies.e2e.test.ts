import { afterEach, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { startSyncFixture } from './support/sync-fixture.js'
import type { SyncFixture } from './support/sync-fixture.js'
import type { RemoteRecord } from '../src/domain/records.js'
import type { SugarSeed } from '../src/sandbox/sugarcrm/seed.js'
import type { HubSpotSeed } from '../src/sandbox/hubspot/seed.js'

const mappings = `  companies:
    entity: company
    systems:
      - { system: sugar, objects: [Accounts] }
      - { system: hubspot, objects: [companies] }
    match: [website, name]
    fields:
      - { name: name, sugar: name, hubspot: name }
      - { name: website, sugar: website, hubspot: website }
      - { sugar: industry, hubspot: industry, direction: sugar -> hubspot }
    relationships:
      parent: {}
  people:
    entity: person
    systems:
      - { system: sugar, objects: [Contacts] }
      - { system: hubspot, objects: [contacts] }
    match: [email]
    fields:
      - { name: email, sugar: email1, hubspot: email }
      - { sugar: last_name, hubspot: lastname }
    relationships:
      company: {}
`

const accounts: NonNullable<SugarSeed['accounts']> = [
  { id: 'acc-acme', name: 'Acme Corp', website: 'https://www.acmecorp.com' },
  { id: 'acc-acme-eu', name: 'Acme Europe GmbH', website: 'https://acmecorp.com/eu', parent_id: 'acc-acme' },
  { id: 'acc-globex', name: 'Globex, Inc.', website: 'globex-corp.com' },
]

const hubspotCompanySeed: NonNullable<HubSpotSeed['companies']> = [
  { id: '9001', properties: { name: 'ACME Corporation', website: 'acmecorp.com' } },
  { id: '9002', properties: { name: 'Globex' } },
]

const seeds = {
  sugar: {
    users: [],
    accounts,
    contacts: [
      { id: 'c-ann', last_name: 'Lee', email1: 'ann@acmecorp.com', account_id: 'acc-acme-eu' },
      { id: 'c-bo', last_name: 'Kim', email1: 'bo@globex-corp.com', account_id: 'acc-globex' },
    ],
  },
  hubspot: {
    owners: [],
    // HubSpot already knows Acme (by another spelling) and Globex (by name only).
    companies: hubspotCompanySeed,
    contacts: [],
  },
}


async function hubspotCompanies(f: SyncFixture): Promise<RemoteRecord[]> {
  const out: RemoteRecord[] = []
  for await (const page of f.app.connectors.get('hubspot')?.read('companies') ?? []) out.push(...page.records)
  return out
}

describe('companies: matching by domain and name, parent hierarchy, and people placed on their company', () => {
  let f: SyncFixture
  afterEach(() => f.close())

  it('matches existing companies through the matching module, keeps the hierarchy, and links people to the right company', async () => {
    f = await startSyncFixture(seeds, mappings)
    const companies = await f.sync('companies')
    assert.equal(companies.linked, 2, 'Acme by domain (the parent, not the child on the same domain) and Globex by name')
    assert.deepEqual(companies.created, { hubspot: 1 }, 'only Acme Europe is new to HubSpot')
    const all = await hubspotCompanies(f)
    assert.equal(all.length, 3)
    const europe = all.find((c) => c.fields['name'] === 'Acme Europe GmbH')
    assert.equal(europe?.refs?.parent, '9001', 'the child sits under the matched parent in HubSpot')
    const acmeEntity = (await f.app.store.findEntities('companies', 'sugar', ['acc-acme'])).get('acc-acme')
    const acmeLinks = (await f.app.store.getLinks('companies', [acmeEntity ?? ''])).get(acmeEntity ?? '') ?? []
    assert.deepEqual(acmeLinks.map((l) => l.recordId).sort(), ['9001', 'acc-acme'])
    const history = await f.app.store.getEntityHistory('companies', acmeEntity ?? '')
    assert.match(history.find((i) => i.action === 'link')?.reasons[0]?.detail ?? '', /matched hubspot companies 9001 by domain/)

    const people = await f.sync('people')
    assert.deepEqual(people.created, { hubspot: 2 })
    const found = await f.app.connectors.get('hubspot')?.lookup('contacts', { field: 'email', values: ['ann@acmecorp.com', 'bo@globex-corp.com'] })
    assert.equal(found?.get('ann@acmecorp.com')?.[0]?.refs?.company, europe?.id, 'Ann is placed on Acme Europe, the company she has in Sugar')
    assert.equal(found?.get('bo@globex-corp.com')?.[0]?.refs?.company, '9002')
    assert.equal((await f.sync('companies')).writes, 0)
    assert.equal((await f.sync('people')).writes, 0)
  })

  it('a person whose company is not synced yet keeps its company unchanged, with a warning', async () => {
    f = await startSyncFixture(seeds, mappings)
    const people = await f.sync('people')
    assert.deepEqual(people.created, { hubspot: 2 })
    assert.equal(people.warnings, 2)
    assert.deepEqual(people.problems, [])
    const found = await f.app.connectors.get('hubspot')?.lookup('contacts', { field: 'email', values: ['ann@acmecorp.com'] })
    assert.equal(found?.get('ann@acmecorp.com')?.[0]?.refs?.company ?? null, null)
    // Once the companies are synced, the next people run places Ann, though nothing about her changed.
    await f.sync('companies')
    const retried = await f.sync('people')
    assert.deepEqual(retried.updated, { hubspot: 2 })
    const after = await f.app.connectors.get('hubspot')?.lookup('contacts', { field: 'email', values: ['ann@acmecorp.com'] })
    assert.ok(after?.get('ann@acmecorp.com')?.[0]?.refs?.company, 'placed on her company')
  })
})
