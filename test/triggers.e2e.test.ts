import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { startSyncFixture, sugarPassword } from './support/sync-fixture.js'
import type { SyncFixture } from './support/sync-fixture.js'
import { startTriggerReceiver } from './support/trigger-receiver.js'
import type { TriggerReceiver } from './support/trigger-receiver.js'
import { simFetch } from '../src/sandbox/hubspot/sim-fetch.js'
import { sugarTestClient } from '../src/sandbox/sugarcrm/test-client.js'
import { setImmediate as setImmediatePromise } from 'node:timers/promises'
import { runSync } from '../src/app/sync/run-sync.js'
import { RunLease } from '../src/app/run-lease.js'
import { silentLogger } from '../src/app/logger.js'
import { mappingsReading } from '../src/app/triggers/run-triggered.js'

const hubspotSecret = 'hs-app-secret-7f3a9c'
const sugarSecret = 'sugar-hook-secret-51be'

const people = `  people:
    entity: person
    systems:
      - { system: sugar, objects: [Contacts] }
      - { system: hubspot, objects: [contacts] }
    match: [email]
    fields:
      - { name: email, sugar: email1, hubspot: email }
      - { sugar: first_name, hubspot: firstname }
      - { sugar: last_name, hubspot: lastname }
      - { sugar: title, hubspot: jobtitle, policy: most-recent, tolerance: 0 }
`

const seeds = {
  sugar: {
    contacts: [
      { id: 'c-ann', first_name: 'Ann', last_name: 'Lee', email1: 'ann@globex.example', title: 'CTO' },
      { id: 'c-bo', first_name: 'Bo', last_name: 'Kim', email1: 'bo@initech.example', title: 'VP Sales' },
    ],
  },
  hubspot: { owners: [], contacts: [] },
}

describe('near-real-time triggers over HTTP: simulator webhooks, verified, run just the changed records', () => {
  let f: SyncFixture
  let receiver: TriggerReceiver
  let annInHubSpot = ''
  let hubspot: ReturnType<typeof simFetch>

  /** Waits until both simulators have nothing left to send and every triggered run has finished. */
  async function quiet(): Promise<void> {
    for (let seen = -1; seen !== receiver.answers.length; ) {
      seen = receiver.answers.length
      await f.hubspot.webhooks.idle()
      await f.sugar.hooks.sender.idle()
      await receiver.settled()
    }
  }

  async function editAnnInHubSpot(title: string): Promise<void> {
    const answer = await hubspot('PATCH', `/crm/v3/objects/contacts/${annInHubSpot}`, { properties: { jobtitle: title } })
    assert.equal(answer.status, 200, JSON.stringify(answer.body))
  }

  const annInSugar = (): unknown => f.sugar.state.records('Contacts').find((r) => r.id === 'c-ann')?.values.title
  /** Writes the triggered runs made to one system since `from` reports. */
  const writesTo = (system: string, from: number): number => receiver.reports.slice(from).reduce((n, r) => n + (r.updated[system] ?? 0) + (r.created[system] ?? 0), 0)

  before(async () => {
    f = await startSyncFixture(seeds, people)
    hubspot = simFetch(f.hubspot.url, 'pat-na1-test-token-1234')
    const first = await f.sync()
    assert.equal(first.created['hubspot'], 2)
    const found = await f.app.connectors.get('hubspot')?.lookup('contacts', { field: 'email', values: ['ann@globex.example'] })
    annInHubSpot = found?.get('ann@globex.example')?.[0]?.id ?? ''
    assert.notEqual(annInHubSpot, '')
    receiver = await startTriggerReceiver(f, { hubspot: hubspotSecret, sugar: sugarSecret })
    f.hubspot.webhooks.configure({ targetUrl: `${receiver.url}/hooks/hubspot`, appSecret: hubspotSecret, retryDelaysMs: [20, 40] })
    f.sugar.hooks.configure({ hooks: [{ url: `${receiver.url}/hooks/sugar?secret=${sugarSecret}`, module: 'Contacts', event: 'after_save' }] })
  })
  after(async () => {
    await receiver.close()
    await f.close()
  })

  it('an edit in HubSpot reaches SugarCRM through the signed webhook, with no scheduled run and no cursor moved', async () => {
    const key = { mapping: 'people', system: 'hubspot', object: 'contacts' }
    const cursorBefore = await f.app.store.getCursor(key)
    const from = receiver.reports.length
    await editAnnInHubSpot('Chief Technology Officer')
    await quiet()
    assert.deepEqual(receiver.errors, [])
    assert.equal(annInSugar(), 'Chief Technology Officer')
    assert.equal(writesTo('sugar', from), 1)
    // revsync's own write to Sugar came back as a logic hook and was recognised as an echo.
    assert.ok(receiver.answers.some((a) => a.path === '/hooks/sugar' && a.status === 204))
    assert.equal(writesTo('hubspot', from), 0)
    assert.deepEqual(await f.app.store.getCursor(key), cursorBefore)
  })

  it('the same delivery twice writes once (the second run waits for the first one\'s lease)', async () => {
    const from = receiver.reports.length
    f.hubspot.webhooks.sender.plan('duplicate')
    await editAnnInHubSpot('CTO and co-founder')
    await quiet()
    assert.deepEqual(receiver.errors, [])
    assert.equal(annInSugar(), 'CTO and co-founder')
    const hubspotRuns = receiver.reports.slice(from).filter((r) => (r.read['hubspot'] ?? 0) > 0)
    assert.equal(hubspotRuns.length, 2, 'both deliveries were run')
    assert.equal(writesTo('sugar', from), 1)
  })

  it('two deliveries out of order write once, and the newest value wins', async () => {
    const from = receiver.reports.length
    f.hubspot.webhooks.sender.hold()
    await editAnnInHubSpot('Older title')
    await editAnnInHubSpot('Newest title')
    f.hubspot.webhooks.sender.release({ reverse: true })
    await quiet()
    assert.deepEqual(receiver.errors, [])
    assert.equal(annInSugar(), 'Newest title')
    assert.equal(writesTo('sugar', from), 1)
  })

  it('a delivery that arrives while a scheduled run holds the mapping waits for it, then writes', async () => {
    const from = receiver.reports.length
    const scheduled = new RunLease('sync', 'people', { store: f.app.store, now: () => new Date(), logger: silentLogger, leaseSeconds: 60 })
    await scheduled.take('scheduled-run')
    try {
      await editAnnInHubSpot('Written after the scheduled run')
      await f.hubspot.webhooks.idle()
      // The delivery was accepted; its run waits on the lease, which it says in the log.
      while (!receiver.logLines.some((l) => l.includes('waiting for run scheduled-run'))) await setImmediatePromise()
      assert.equal(receiver.reports.length, from)
      assert.equal(annInSugar(), 'Newest title')
    } finally {
      await scheduled.release()
    }
    await quiet()
    assert.deepEqual(receiver.errors, [])
    assert.equal(annInSugar(), 'Written after the scheduled run')
    assert.equal(writesTo('sugar', from), 1)
    await editAnnInHubSpot('Newest title')
    await quiet()
  })

  it('a bad signature is refused with 401, retried as HubSpot does, and logged without the secret', async () => {
    const answered = receiver.answers.length
    const from = receiver.reports.length
    f.hubspot.webhooks.configure({ targetUrl: `${receiver.url}/hooks/hubspot`, appSecret: 'not-the-app-secret', retryDelaysMs: [20, 40] })
    await editAnnInHubSpot('Forged title')
    await quiet()
    const refusals = receiver.answers.slice(answered).filter((a) => a.path === '/hooks/hubspot')
    assert.equal(refusals.length, 3, 'the first attempt and two retries')
    assert.ok(refusals.every((a) => a.status === 401))
    assert.equal(receiver.reports.length, from)
    assert.equal(annInSugar(), 'Newest title')
    const refusedLines = receiver.logLines.filter((l) => l.includes('webhook refused'))
    assert.ok(refusedLines.some((l) => l.includes('X-HubSpot-Signature-v3 does not match')))
    for (const line of receiver.logLines) {
      assert.ok(!line.includes(hubspotSecret) && !line.includes('not-the-app-secret') && !line.includes(sugarSecret), line)
    }
    f.hubspot.webhooks.configure({ targetUrl: `${receiver.url}/hooks/hubspot`, appSecret: hubspotSecret, retryDelaysMs: [20, 40] })
  })

  it('a stale timestamp is refused with 401', async () => {
    const answered = receiver.answers.length
    f.hubspot.webhooks.sender.lag(6 * 60 * 1000)
    await editAnnInHubSpot('Replayed title')
    await quiet()
    f.hubspot.webhooks.sender.lag(0)
    const answers = receiver.answers.slice(answered).filter((a) => a.path === '/hooks/hubspot')
    assert.ok(answers.length > 0 && answers.every((a) => a.status === 401))
    assert.ok(receiver.logLines.some((l) => l.includes('stale request')))
    assert.equal(annInSugar(), 'Newest title')
  })

  it('a delivery dropped on purpose is caught by the next scheduled sync', async () => {
    const answered = receiver.answers.length
    f.hubspot.webhooks.sender.plan('drop')
    await editAnnInHubSpot('Dropped-webhook title')
    await quiet()
    assert.equal(receiver.answers.slice(answered).filter((a) => a.path === '/hooks/hubspot').length, 0)
    assert.equal(annInSugar(), 'Newest title')
    const scheduled = await f.sync()
    assert.equal(scheduled.updated['sugar'], 1)
    assert.equal(annInSugar(), 'Dropped-webhook title')
    await quiet()
  })

  it('a contact created in HubSpot, its creation delivered twice, is created in SugarCRM once', async () => {
    const from = receiver.reports.length
    f.hubspot.webhooks.sender.plan('duplicate')
    const created = await hubspot('POST', '/crm/v3/objects/contacts', { properties: { email: 'cy@umbrella.example', firstname: 'Cy', lastname: 'Ng', jobtitle: 'CFO' } })
    assert.equal(created.status, 201)
    await quiet()
    assert.deepEqual(receiver.errors, [])
    const inSugar = f.sugar.state.records('Contacts').filter((r) => r.email.some((e) => e.email_address === 'cy@umbrella.example'))
    assert.equal(inSugar.length, 1)
    assert.equal(inSugar[0]?.values.title, 'CFO')
    assert.equal(writesTo('sugar', from), 1)
  })

  it('a contact archived in HubSpot is left to the scheduled run: the triggered run reads nothing and writes nothing', async () => {
    const from = receiver.reports.length
    const cy = await f.app.connectors.get('hubspot')?.lookup('contacts', { field: 'email', values: ['cy@umbrella.example'] })
    const id = cy?.get('cy@umbrella.example')?.[0]?.id ?? ''
    assert.equal((await hubspot('DELETE', `/crm/v3/objects/contacts/${id}`)).status, 204)
    await quiet()
    assert.deepEqual(receiver.errors, [])
    const runs = receiver.reports.slice(from)
    assert.equal(runs.length, 1)
    assert.equal(runs[0]?.writes, 0)
    assert.equal(f.sugar.state.records('Contacts').filter((r) => r.email.some((e) => e.email_address === 'cy@umbrella.example')).length, 1)
  })

  it('records of an object the mapping does not read are refused before the run takes its lease', async () => {
    await assert.rejects(runSync(f.config, 'people', f.app.syncDeps(), { records: { system: 'hubspot', object: 'companies', ids: ['1'] } }), /reads contacts from "hubspot", not "companies"/)
    assert.deepEqual(mappingsReading(f.config, { system: 'hubspot', object: 'companies' }), [])
    assert.deepEqual(mappingsReading(f.config, { system: 'sugar', object: 'Contacts' }), ['people'])
  })

  it('an edit in SugarCRM reaches HubSpot through a web logic hook; a hook without the secret is refused', async () => {
    const sugar = await sugarTestClient(f.sugar, 'admin', sugarPassword)
    const from = receiver.reports.length
    assert.equal((await sugar.call('PUT', '/rest/v11/Contacts/c-bo', { title: 'Head of Sales' })).status, 200)
    await quiet()
    assert.deepEqual(receiver.errors, [])
    assert.equal(writesTo('hubspot', from), 1)
    const bo = await f.app.connectors.get('hubspot')?.lookup('contacts', { field: 'email', values: ['bo@initech.example'] })
    assert.equal(bo?.get('bo@initech.example')?.[0]?.fields['jobtitle'], 'Head of Sales')

    const answered = receiver.answers.length
    f.sugar.hooks.configure({ hooks: [{ url: `${receiver.url}/hooks/sugar`, module: 'Contacts', event: 'after_save' }], retryDelaysMs: [] })
    assert.equal((await sugar.call('PUT', '/rest/v11/Contacts/c-bo', { title: 'Unverified title' })).status, 200)
    await quiet()
    assert.deepEqual(receiver.answers.slice(answered).map((a) => a.status), [401])
    const after = await f.app.connectors.get('hubspot')?.lookup('contacts', { field: 'email', values: ['bo@initech.example'] })
    assert.equal(after?.get('bo@initech.example')?.[0]?.fields['jobtitle'], 'Head of Sales')
  })
})
