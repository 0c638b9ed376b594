import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { startHubSpotSim } from './server.js'
import type { HubSpotSim } from './server.js'
import { simFetch } from './sim-fetch.js'

const token = 'pat-na1-test-search-0001'
const base = Date.parse('2025-02-01T00:00:00.000Z')
let sim: HubSpotSim
let call: ReturnType<typeof simFetch>

// 10,050 contacts, one a second; every third has a phone; ids ascend with time.
before(async () => {
  const contacts = Array.from({ length: 10_050 }, (_, i) => ({
    properties: {
      email: `p${i}@s${i % 7}.example.com`,
      firstname: `P${i}`,
      ...(i % 3 === 0 ? { phone: `+1 555 ${i}` } : {}),
      createdate: base + i * 1000,
      lastmodifieddate: base + i * 1000,
    },
  }))
  sim = await startHubSpotSim({ seed: { token, contacts } })
  call = simFetch(sim.url, token)
})
after(() => sim.close())

const search = (body: unknown) => call('POST', '/crm/v3/objects/contacts/search', body)
const gte = (ms: number) => [{ filters: [{ propertyName: 'lastmodifieddate', operator: 'GTE', value: String(ms) }] }]

describe('hubspot sim: search', () => {
  it('filters GTE on lastmodifieddate (ms or ISO), sorts ascending and pages with after', async () => {
    const from = base + 10_000 * 1000
    const sorts = [{ propertyName: 'lastmodifieddate', direction: 'ASCENDING' }]
    const first = await search({ filterGroups: gte(from), sorts, limit: 30, properties: ['email'] })
    assert.equal(first.status, 200)
    assert.equal(first.body.total, 50)
    assert.equal(first.body.results[0].properties.email, 'p10000@s4.example.com')
    assert.equal(first.body.paging.next.after, '30')
    const rest = await search({ filterGroups: gte(from), sorts, limit: 30, after: '30', properties: ['email'] })
    assert.equal(rest.body.results.length, 20)
    assert.equal(rest.body.paging, undefined)
    const iso = await search({ filterGroups: [{ filters: [{ propertyName: 'lastmodifieddate', operator: 'GTE', value: new Date(from).toISOString() }] }], limit: 1 })
    assert.equal(iso.body.total, 50)
  })

  it('supports EQ, IN (case-insensitive), LTE, HAS_PROPERTY and OR of filter groups', async () => {
    const eq = await search({ filterGroups: [{ filters: [{ propertyName: 'email', operator: 'EQ', value: 'P5@S5.EXAMPLE.COM' }] }] })
    assert.equal(eq.body.total, 1)
    const inList = await search({ filterGroups: [{ filters: [{ propertyName: 'email', operator: 'IN', values: ['p1@s1.example.com', 'p2@s2.example.com', 'nobody@x.com'] }] }] })
    assert.equal(inList.body.total, 2)
    const lte = await search({ filterGroups: [{ filters: [{ propertyName: 'lastmodifieddate', operator: 'LTE', value: String(base + 9000) }] }] })
    assert.equal(lte.body.total, 10)
    const has = await search({ filterGroups: [{ filters: [{ propertyName: 'phone', operator: 'HAS_PROPERTY' }, { propertyName: 'lastmodifieddate', operator: 'LTE', value: String(base + 8000) }] }] })
    assert.equal(has.body.total, 3)
    const either = await search({ filterGroups: [{ filters: [{ propertyName: 'firstname', operator: 'EQ', value: 'P7' }] }, { filters: [{ propertyName: 'firstname', operator: 'EQ', value: 'P8' }] }] })
    assert.equal(either.body.total, 2)
  })

  it('refuses limits above 200, unknown properties and too many filters', async () => {
    assert.equal((await search({ limit: 201 })).status, 400)
    const unknown = await search({ filterGroups: [{ filters: [{ propertyName: 'nope', operator: 'EQ', value: '1' }] }] })
    assert.equal(unknown.status, 400)
    assert.equal(unknown.body.category, 'VALIDATION_ERROR')
    const many = Array.from({ length: 6 }, () => ({ filters: [{ propertyName: 'email', operator: 'HAS_PROPERTY' }] }))
    assert.equal((await search({ filterGroups: many })).status, 400)
  })

  it('answers 400 to a page past the 10,000-result window, and sends no rate-limit headers', async () => {
    const sorts = [{ propertyName: 'lastmodifieddate', direction: 'ASCENDING' }]
    const last = await search({ sorts, limit: 200, after: '9800' })
    assert.equal(last.status, 200)
    assert.equal(last.body.total, 10_050)
    assert.equal(last.body.paging.next.after, '10000')
    assert.equal(last.headers.get('x-hubspot-ratelimit-remaining'), null)
    const past = await search({ sorts, limit: 200, after: '10000' })
    assert.equal(past.status, 400)
    assert.equal(past.body.category, 'VALIDATION_ERROR')
    assert.equal((await search({ sorts, limit: 200, after: '9900' })).status, 400)
  })

  it('sorts descending with "-property" and by id without sorts', async () => {
    const desc = await search({ sorts: ['-lastmodifieddate'], limit: 1, properties: ['email'] })
    assert.equal(desc.body.results[0].properties.email, 'p10049@s4.example.com')
    const plain = await search({ limit: 2 })
    assert.ok(BigInt(plain.body.results[0].id) < BigInt(plain.body.results[1].id))
  })
})
