import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, it } from 'node:test'
import type { Connector } from '../../domain/connector.js'
import { startHubSpotSim } from '../../sandbox/hubspot/server.js'
import type { HubSpotSim } from '../../sandbox/hubspot/server.js'
import { simFetch } from '../../sandbox/hubspot/sim-fetch.js'
import { createHubSpotConnector } from './connector.js'

const token = 'pat-na1-remove-test-7f6e5d'
let sim: HubSpotSim
let hubspot: Connector

before(async () => {
  const companies = [
    { id: '900', properties: { name: 'Acme', domain: 'acme.com' } },
    { id: '901', properties: { name: 'Globex', domain: 'globex.com' } },
    { id: '902', properties: { name: 'Initech', domain: 'initech.com' } },
  ]
  const contacts = [
    { id: '501', properties: { email: 'ann@acme.com' }, companyId: '900' },
    { id: '502', properties: { email: 'bob@acme.com' } },
  ]
  sim = await startHubSpotSim({ seed: { token, companies, contacts } })
  hubspot = createHubSpotConnector({ kind: 'hubspot', url: sim.url, auth: { token } }, { sleep: async () => {} })
})
after(() => sim.close())
beforeEach(async () => {
  await faults({ serverErrorBurst: 0, rateLimitEvery: 0 })
  await fetch(`${sim.url}/__sandbox/calls`, { method: 'DELETE' })
})

async function faults(settings: Record<string, number>): Promise<void> {
  const res = await fetch(`${sim.url}/__sandbox/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(settings) })
  assert.equal(res.status, 200)
}

describe('hubspot connector: remove', () => {
  it('archives two records in one batch call and counts a missing id as removed', async () => {
    const results = await hubspot.remove('contacts', ['501', '404404', '502'])
    assert.deepEqual(results, [
      { ok: true, ref: '501', id: '501' },
      { ok: true, ref: '404404', id: '404404' },
      { ok: true, ref: '502', id: '502' },
    ])
    assert.equal(sim.calls.get('contacts.batch.archive'), 1)
    for (const id of ['501', '502']) {
      const record = sim.state.records.contacts.get(id)
      assert.equal(record?.archived, true)
      assert.equal(typeof record?.archivedAt, 'number')
    }
    assert.equal(sim.state.records.contacts.has('404404'), false)
    assert.equal(sim.state.emails.has('ann@acme.com'), false)
    // Gone from reads and lookups; listed only among the archived, as HubSpot shows them.
    const found = await hubspot.lookup('contacts', { field: 'id', values: ['501', '502'] })
    assert.equal(found.size, 0)
    const archived = await simFetch(sim.url, token)('GET', '/crm/v3/objects/contacts?archived=true')
    assert.deepEqual(archived.body.results.map((r: { id: string }) => r.id), ['501', '502'])
    // Removing them again is still a success.
    assert.ok((await hubspot.remove('contacts', ['501'])).every((r) => r.ok))
  })

  it('archives 250 ids in three calls of at most 100, one result per id in order', async () => {
    const ids = ['900', '901', ...Array.from({ length: 248 }, (_, i) => String(880_000 + i))]
    const results = await hubspot.remove('companies', ids)
    assert.equal(sim.calls.get('companies.batch.archive'), 3)
    assert.deepEqual(results.map((r) => r.ref), ids)
    assert.ok(results.every((r) => r.ok))
    assert.equal(sim.state.records.companies.get('900')?.archived, true)
    assert.equal(sim.state.records.companies.get('901')?.archived, true)
  })

  it('retries a 5xx burst and reports a blank id without failing the others', async () => {
    await faults({ serverErrorBurst: 2 })
    const results = await hubspot.remove('companies', ['902', ' '])
    assert.deepEqual(results[0], { ok: true, ref: '902', id: '902' })
    assert.deepEqual(results[1] && !results[1].ok && [results[1].ref, results[1].code], [' ', 'invalid'])
    assert.equal(sim.state.records.companies.get('902')?.archived, true)
    assert.equal(sim.calls.get('companies.batch.archive'), 3)
  })

  it('sends nothing for no ids', async () => {
    assert.deepEqual(await hubspot.remove('contacts', []), [])
    assert.equal(sim.calls.get('contacts.batch.archive'), undefined)
  })
})
