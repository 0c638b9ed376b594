import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { WriteOp } from '../../domain/records.js'
import { startFaultProxy } from '../../sandbox/kit/fault-proxy.js'
import type { FaultProxy } from '../../sandbox/kit/fault-proxy.js'
import { startHubSpotSim } from '../../sandbox/hubspot/server.js'
import type { HubSpotSim } from '../../sandbox/hubspot/server.js'
import { createHubSpotConnector } from './connector.js'

const token = 'pat-na1-lost-answer-token'
const contact = (email: string, keyed = true): WriteOp => ({ kind: 'create', ref: email, fields: { email, lastname: 'Lost' }, ...(keyed ? { key: { field: 'email', value: email } } : {}) })

describe('HubSpot connector: lost answers and timeouts', () => {
  let sim: HubSpotSim
  let proxy: FaultProxy
  const connect = () => createHubSpotConnector({ kind: 'hubspot', url: proxy.url, timeoutSeconds: 0.3, auth: { token } }, { sleep: async () => {} })
  const contactsWith = (email: string) => [...sim.state.records.contacts.values()].filter((r) => !r.archived && r.properties.email === email)

  before(async () => {
    sim = await startHubSpotSim({ seed: { token, owners: [{ email: 'jane@acme.example', firstName: 'Jane', lastName: 'Doe' }], contacts: [{ properties: { email: 'known@answer.example', lastname: 'Known' } }] } })
    proxy = await startFaultProxy(sim.url)
  })
  after(async () => {
    await proxy.close()
    await sim.close()
  })

  it('a call accepted and never answered times out and is sent again', async () => {
    const connector = connect()
    proxy.inject({ method: 'GET', path: /^\/crm\/v3\/owners/, mode: 'hang', times: 1 })
    const hitsBefore = proxy.hits()
    const users = await connector.users()
    assert.equal(proxy.hits(), hitsBefore + 1, 'the first call went unanswered')
    assert.ok(users.some((u) => u.email === 'jane@acme.example'))
  })

  it('a batch create applied but unanswered is looked up by email, not sent twice', async () => {
    const connector = connect()
    const ops = ['a1@answer.example', 'a2@answer.example'].map((e) => contact(e))
    proxy.inject({ method: 'POST', path: /^\/crm\/v3\/objects\/contacts\/batch\/create/, mode: 'reset', times: 1 })
    const results = await connector.write('contacts', ops)
    assert.deepEqual(results.map((r) => r.ok && r.recovered), [true, true])
    for (const [i, op] of ops.entries()) {
      const made = contactsWith(String(op.fields['email']))
      assert.equal(made.length, 1)
      assert.equal(results[i]?.ok && results[i].id, made[0]?.id)
    }
  })

  it('a 409 "Contact already exists. Existing ID" for the create\'s own key is read as that contact', async () => {
    const [existing] = contactsWith('known@answer.example')
    const [result] = await connect().write('contacts', [contact('known@answer.example')])
    assert.deepEqual(result, { ok: true, ref: 'known@answer.example', id: existing?.id, recovered: true })
    assert.equal(contactsWith('known@answer.example').length, 1)
  })

  it('without a key the 409 stays a refused duplicate', async () => {
    const [result] = await connect().write('contacts', [contact('known@answer.example', false)])
    assert.equal(result?.ok, false)
    assert.equal(!result?.ok && result?.code, 'duplicate')
  })
})
