import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { generateHubSpotSeed } from './generate-seed.js'
import { startHubSpotSim } from './server.js'
import type { HubSpotSim } from './server.js'
import { simFetch } from './sim-fetch.js'

const token = 'pat-na1-test-objects-0001'
let clock = Date.parse('2025-01-10T12:00:00.000Z')
let sim: HubSpotSim
let call: ReturnType<typeof simFetch>

before(async () => {
  const seed = { ...generateHubSpotSeed({ contacts: 25, companies: 5, owners: 3 }), token }
  sim = await startHubSpotSim({ seed, now: () => clock })
  call = simFetch(sim.url, token)
})
after(() => sim.close())

describe('hubspot sim: auth and errors', () => {
  it('answers 401 INVALID_AUTHENTICATION without the right bearer token', async () => {
    for (const client of [simFetch(sim.url, 'wrong-token-123'), simFetch(sim.url, undefined)]) {
      const res = await client('GET', '/crm/v3/objects/contacts')
      assert.equal(res.status, 401)
      assert.equal(res.body.status, 'error')
      assert.equal(res.body.category, 'INVALID_AUTHENTICATION')
      assert.match(res.body.correlationId, /^[0-9a-f-]{36}$/)
    }
  })

  it('refuses an unknown object type as HubSpot does', async () => {
    const res = await call('GET', '/crm/v3/objects/widgets')
    assert.equal(res.status, 400)
    assert.match(res.body.message, /Unable to infer object type from: widgets/)
  })

  it('sends the rate-limit headers on object calls', async () => {
    const res = await call('GET', '/crm/v3/objects/companies?limit=1')
    assert.equal(res.headers.get('x-hubspot-ratelimit-interval-milliseconds'), '10000')
    assert.ok(Number(res.headers.get('x-hubspot-ratelimit-daily-remaining')) > 0)
  })
})

describe('hubspot sim: list and single records', () => {
  it('pages the list by id with limit (max 100) and after', async () => {
    assert.equal((await call('GET', '/crm/v3/objects/contacts?limit=101')).status, 400)
    const ids: string[] = []
    let next: string | undefined
    do {
      const res = await call('GET', `/crm/v3/objects/contacts?limit=10${next ? `&after=${next}` : ''}&properties=email,hubspot_owner_id`)
      assert.equal(res.status, 200)
      for (const r of res.body.results) {
        ids.push(r.id)
        assert.deepEqual(Object.keys(r.properties).sort(), ['email', 'hubspot_owner_id'])
      }
      next = res.body.paging?.next?.after
    } while (next)
    assert.equal(ids.length, 25)
    assert.equal(new Set(ids).size, 25)
    assert.ok(ids.every((id) => /^\d{11}$/.test(id)))
  })

  it('returns the default properties, ISO timestamps in milliseconds and hs_object_id', async () => {
    const res = await call('GET', '/crm/v3/objects/companies?limit=1')
    const company = res.body.results[0]
    assert.deepEqual(Object.keys(company.properties).sort(), ['createdate', 'domain', 'hs_lastmodifieddate', 'hs_object_id', 'name'])
    assert.equal(company.properties.hs_object_id, company.id)
    assert.match(company.properties.hs_lastmodifieddate, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
  })

  it('moves lastmodifieddate on every write, in milliseconds', async () => {
    const created = await call('POST', '/crm/v3/objects/contacts', { properties: { email: 'Edit.Me@Example.com', firstname: 'Edit' } })
    assert.equal(created.status, 201)
    assert.equal(created.body.properties.email, 'edit.me@example.com')
    assert.equal(created.body.properties.createdate, created.body.properties.lastmodifieddate)
    clock += 1234
    const patched = await call('PATCH', `/crm/v3/objects/contacts/${created.body.id}`, { properties: { jobtitle: 'CTO' } })
    assert.equal(patched.status, 200)
    assert.equal(Date.parse(patched.body.properties.lastmodifieddate) - Date.parse(created.body.properties.lastmodifieddate), 1234)
    const read = await call('GET', `/crm/v3/objects/contacts/edit.me@example.com?idProperty=email&properties=jobtitle,lastmodifieddate`)
    assert.equal(read.body.properties.jobtitle, 'CTO')
  })

  it('answers 409 CONFLICT with the existing id for a second contact with the same email', async () => {
    const first = await call('POST', '/crm/v3/objects/contacts', { properties: { email: 'twice@example.com' } })
    const second = await call('POST', '/crm/v3/objects/contacts', { properties: { email: 'TWICE@example.com' } })
    assert.equal(second.status, 409)
    assert.equal(second.body.category, 'CONFLICT')
    assert.equal(second.body.message, `Contact already exists. Existing ID: ${first.body.id}`)
  })

  it('archives a record: gone from reads, listed with archived=true', async () => {
    const created = await call('POST', '/crm/v3/objects/companies', { properties: { name: 'Short Lived' } })
    assert.equal((await call('DELETE', `/crm/v3/objects/companies/${created.body.id}`)).status, 204)
    assert.equal((await call('GET', `/crm/v3/objects/companies/${created.body.id}`)).status, 404)
    const archived = await call('GET', '/crm/v3/objects/companies?archived=true')
    assert.deepEqual(archived.body.results.map((r: { id: string }) => r.id), [created.body.id])
    assert.equal(archived.body.results[0].archived, true)
  })
})

describe('hubspot sim: seed', () => {
  it('generates the same portal for the same options', () => {
    assert.deepEqual(generateHubSpotSeed({ contacts: 50 }), generateHubSpotSeed({ contacts: 50 }))
    const seed = generateHubSpotSeed({ contacts: 50, owners: 4 })
    assert.equal(new Set(seed.contacts?.map((c) => c.properties.email)).size, 50)
    assert.equal(seed.owners?.filter((o) => o.archived).length, 1)
  })

  it('refuses a seed with an unknown property, naming where', async () => {
    await assert.rejects(startHubSpotSim({ seed: { token, contacts: [{ properties: { favourite_colour: 'teal' } }] } }), /contacts\[0\]\.properties\.favourite_colour/)
  })
})
