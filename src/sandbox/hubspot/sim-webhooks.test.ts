import assert from 'node:assert/strict'
import { createHmac } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import { startWebhookCatcher } from '../kit/webhook-catcher.js'
import { startHubSpotSim } from './server.js'
import type { HubSpotSim } from './server.js'
import { simFetch } from './sim-fetch.js'

const token = 'pat-na1-test-hooks-0001'
const appSecret = 'app-secret-for-tests'
let sim: HubSpotSim
let call: ReturnType<typeof simFetch>

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const eventsOf = (body: string): any[] => JSON.parse(body)

before(async () => {
  sim = await startHubSpotSim({ seed: { token, contacts: [{ id: '501', properties: { email: 'seeded@acme.com', firstname: 'Seed' } }] } })
  call = simFetch(sim.url, token)
})
after(() => sim.close())

describe('HubSpot simulator webhooks', () => {
  it('delivers creation, property change (only for values that changed) and deletion events, signed v3', async () => {
    const catcher = await startWebhookCatcher()
    sim.webhooks.configure({ targetUrl: `${catcher.url}/hook?x=1`, appSecret, appId: 42 })
    const created = await call('POST', '/crm/v3/objects/contacts', { properties: { email: 'new@acme.com', firstname: 'New' } })
    await sim.webhooks.idle()
    await call('PATCH', `/crm/v3/objects/contacts/${created.body.id}`, { properties: { firstname: 'New', jobtitle: 'CTO' } })
    await sim.webhooks.idle()
    await call('DELETE', '/crm/v3/objects/contacts/501')
    await sim.webhooks.idle()
    sim.webhooks.configure(undefined)
    await catcher.close()

    const events = catcher.caught.flatMap((c) => eventsOf(c.body))
    assert.deepEqual(events.map((e) => [e.subscriptionType, e.objectId, e.propertyName, e.propertyValue]), [
      ['contact.creation', Number(created.body.id), undefined, undefined],
      ['contact.propertyChange', Number(created.body.id), 'jobtitle', 'CTO'],
      ['contact.deletion', 501, undefined, undefined],
    ])
    for (const e of events) {
      assert.equal(e.portalId, sim.state.portalId)
      assert.equal(e.appId, 42)
      assert.equal(e.attemptNumber, 0)
      assert.equal(typeof e.eventId, 'number')
      assert.equal(typeof e.subscriptionId, 'number')
      assert.equal(typeof e.occurredAt, 'number')
    }
    assert.equal(new Set(events.map((e) => e.eventId)).size, events.length)
    for (const c of catcher.caught) {
      const timestamp = String(c.headers['x-hubspot-request-timestamp'])
      const expected = createHmac('sha256', appSecret).update(`POST${c.url}${c.body}${timestamp}`).digest('base64')
      assert.equal(c.headers['x-hubspot-signature-v3'], expected)
    }
  })

  it('gathers the events of one call into requests of at most 100', async () => {
    const catcher = await startWebhookCatcher()
    const inputs = Array.from({ length: 60 }, (_, i) => ({ properties: { email: `bulk${i}@acme.com`, firstname: 'A' } }))
    const made = await call('POST', '/crm/v3/objects/contacts/batch/create', { inputs })
    assert.equal(made.status, 201)
    sim.webhooks.configure({ targetUrl: catcher.url, appSecret })
    // 60 contacts x 2 changed properties = 120 events in one call.
    const updated = await call('POST', '/crm/v3/objects/contacts/batch/update', { inputs: made.body.results.map((r: { id: string }) => ({ id: r.id, properties: { firstname: 'B', lastname: 'C' } })) })
    assert.equal(updated.status, 200)
    await sim.webhooks.idle()
    sim.webhooks.configure(undefined)
    await catcher.close()
    assert.deepEqual(catcher.caught.map((c) => eventsOf(c.body).length), [100, 20])
  })

  it('retries a failed delivery with the next attempt number and a fresh signature', async () => {
    const catcher = await startWebhookCatcher([500, 503])
    sim.webhooks.configure({ targetUrl: catcher.url, appSecret, retryDelaysMs: [10, 10, 10] })
    await call('POST', '/crm/v3/objects/contacts', { properties: { email: 'retry@acme.com' } })
    await sim.webhooks.idle()
    sim.webhooks.configure(undefined)
    await catcher.close()
    assert.deepEqual(catcher.caught.map((c) => eventsOf(c.body)[0].attemptNumber), [0, 1, 2])
    for (const c of catcher.caught) {
      const expected = createHmac('sha256', appSecret).update(`POST${c.url}${c.body}${String(c.headers['x-hubspot-request-timestamp'])}`).digest('base64')
      assert.equal(c.headers['x-hubspot-signature-v3'], expected)
    }
    assert.deepEqual(sim.webhooks.sender.attempts.slice(-3).map((a) => a.status), [500, 503, 204])
  })

  it('drops, duplicates and reverses deliveries when a test asks', async () => {
    const catcher = await startWebhookCatcher()
    sim.webhooks.configure({ targetUrl: catcher.url, appSecret })
    const edit = async (title: string): Promise<void> => {
      await call('POST', '/crm/v3/objects/contacts', { properties: { email: `${title}@acme.com` } })
      await sim.webhooks.idle()
    }
    sim.webhooks.sender.plan('drop', 'duplicate')
    await edit('dropped')
    await edit('twice')
    sim.webhooks.sender.hold()
    await edit('first')
    await edit('second')
    sim.webhooks.sender.release({ reverse: true })
    await sim.webhooks.idle()
    sim.webhooks.configure(undefined)
    await catcher.close()
    const ids = catcher.caught.map((c) => eventsOf(c.body)[0].objectId)
    assert.equal(ids.length, 4)
    assert.equal(ids[0], ids[1], 'the duplicated delivery came twice')
    assert.ok(ids[2] > ids[3], 'the held deliveries came newest first')
  })
})
