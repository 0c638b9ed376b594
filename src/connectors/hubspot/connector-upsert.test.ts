import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { WriteOp } from '../../domain/records.js'
import { startHubSpotSim } from '../../sandbox/hubspot/server.js'
import type { HubSpotSim } from '../../sandbox/hubspot/server.js'
import { createHubSpotConnector } from './connector.js'

const token = 'pat-na1-upsert-token'
const upsert = (email: string, lastname: string): WriteOp => ({ kind: 'create', ref: email, fields: { email, lastname }, key: { field: 'email', value: email }, upsert: true })

describe('HubSpot connector: creates by upsert on a unique key', () => {
  let sim: HubSpotSim
  const connect = () => createHubSpotConnector({ kind: 'hubspot', url: sim.url, auth: { token } }, { sleep: async () => {} })

  before(async () => {
    sim = await startHubSpotSim({ seed: { token, owners: [], contacts: [{ properties: { email: 'known@upsert.example', lastname: 'Known', jobtitle: 'Kept' } }] } })
  })
  after(() => sim.close())

  it('says it upserts contacts by email, and nothing else', () => {
    const connector = connect()
    assert.equal(connector.upserts?.('contacts', 'email'), true)
    assert.equal(connector.upserts?.('contacts', 'firstname'), false)
    assert.equal(connector.upserts?.('companies', 'domain'), false)
  })

  it('creates the new and updates the one holding the key in one call, telling which was matched', async () => {
    const connector = connect()
    const before = connector.callCount()
    const results = await connector.write('contacts', [upsert('new@upsert.example', 'New'), upsert('KNOWN@upsert.example', 'Updated')])
    assert.ok(results.every((r) => r.ok), JSON.stringify(results))
    const [created, matched] = results
    assert.ok(created?.ok && matched?.ok)
    assert.equal(created.matched, undefined, 'a new record is a create')
    assert.equal(matched.matched, true, 'the record holding the email is a match')
    const known = [...sim.state.records.contacts.values()].filter((r) => r.properties.email === 'known@upsert.example')
    assert.equal(known.length, 1, 'no second contact for the known email')
    assert.equal(known[0]?.id, matched.id)
    assert.equal(known[0]?.properties.lastname, 'Updated')
    assert.equal(known[0]?.properties.jobtitle, 'Kept', 'a property the upsert does not name keeps its value')
    assert.equal(connector.callCount() - before, 1, 'one upsert call, no lookup before it')
  })
})
