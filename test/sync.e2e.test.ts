import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { startSyncFixture } from './support/sync-fixture.js'
import type { SyncFixture } from './support/sync-fixture.js'
import { generateSugarSeed } from '../src/sandbox/sugarcrm/generate-seed.js'

const oneWayPeople = `  people:
    entity: person
    systems:
      - system: sugar
        objects: [Contacts]
      - system: hubspot
        objects: [contacts]
    match: [email]
    fields:
      - { name: email, sugar: email1, hubspot: email, direction: sugar -> hubspot }
      - { sugar: first_name, hubspot: firstname, direction: sugar -> hubspot }
      - { sugar: last_name, hubspot: lastname, direction: sugar -> hubspot }
      - { sugar: title, hubspot: jobtitle, direction: sugar -> hubspot }
      - { sugar: phone_work, hubspot: phone, direction: sugar -> hubspot }
`

/** HubSpot contacts by lower-cased email, from the simulator's own state. */
async function hubspotContacts(f: SyncFixture): Promise<Map<string, Record<string, string | null>[]>> {
  const response = await fetch(`${f.hubspot.url}/crm/v3/objects/contacts?limit=100&properties=email,firstname,lastname,jobtitle,phone`, { headers: { authorization: 'Bearer pat-na1-test-token-1234' } })
  assert.equal(response.status, 200)
  const byEmail = new Map<string, Record<string, string | null>[]>()
  let page = (await response.json()) as { results: { properties: Record<string, string | null> }[]; paging?: { next?: { after: string } } }
  for (;;) {
    for (const r of page.results) {
      const email = (r.properties.email ?? '').toLowerCase()
      byEmail.set(email, [...(byEmail.get(email) ?? []), r.properties])
    }
    if (!page.paging?.next) break
    const next = await fetch(`${f.hubspot.url}/crm/v3/objects/contacts?limit=100&after=${page.paging.next.after}&properties=email,firstname,lastname,jobtitle,phone`, { headers: { authorization: 'Bearer pat-na1-test-token-1234' } })
    page = (await next.json()) as typeof page
  }
  return byEmail
}

describe('one-way people sync SugarCRM -> HubSpot over real HTTP', () => {
  const seed = generateSugarSeed({ contacts: 230, leads: 0, seed: 3 })
  const sugarContacts = seed.contacts ?? []
  const firstEmail = String(sugarContacts[0]?.['email1'])
  let f: SyncFixture

  before(async () => {
    f = await startSyncFixture(
      {
        sugar: seed,
        // One person HubSpot already knows, under a differently cased email: matched, not duplicated.
        hubspot: { owners: [], contacts: [{ properties: { email: firstEmail.toUpperCase(), firstname: 'Old', lastname: 'Name', jobtitle: 'Stale title' } }] },
      },
      oneWayPeople,
    )
  })
  after(() => f.close())

  it('creates every Sugar contact in HubSpot once, matching the one that exists by email', async () => {
    const report = await f.sync()
    assert.equal(report.read['sugar'], sugarContacts.length)
    assert.equal(report.created['hubspot'], sugarContacts.length - 1)
    assert.equal(report.updated['hubspot'], 1)
    assert.equal(report.linked, 1)
    assert.deepEqual(report.failed, {})
    const contacts = await hubspotContacts(f)
    assert.equal(contacts.size, sugarContacts.length)
    for (const c of sugarContacts) {
      const found = contacts.get(String(c['email1']).toLowerCase())
      assert.equal(found?.length, 1, `exactly one HubSpot contact for ${String(c['email1'])}`)
      assert.equal(found?.[0]?.['jobtitle'] ?? null, (c['title'] as string | undefined) ?? null)
      assert.equal(found?.[0]?.['lastname'], c.last_name)
    }
  })

  it('a second run with no outside changes writes nothing', async () => {
    const report = await f.sync()
    assert.equal(report.writes, 0)
    assert.deepEqual(report.created, {})
    assert.deepEqual(report.updated, {})
  })

  it('an edit in Sugar reaches HubSpot on the next run, and only that record is written', async () => {
    const target = sugarContacts[5]
    const sugar = f.app.connectors.get('sugar')
    assert.ok(sugar && target?.id)
    const [result] = await sugar.write('Contacts', [{ kind: 'update', ref: 'x', id: target.id, fields: { title: 'Chief Revenue Officer' } }])
    assert.equal(result?.ok, true)
    const report = await f.sync()
    assert.equal(report.writes, 1)
    assert.deepEqual(report.updated, { hubspot: 1 })
    const contacts = await hubspotContacts(f)
    assert.equal(contacts.get(String(target['email1']).toLowerCase())?.[0]?.['jobtitle'], 'Chief Revenue Officer')
  })

  it('records every write with its reason, so explain can tell the history of a record', async () => {
    const runs = await f.app.store.listRuns(10)
    assert.equal(runs.length, 3)
    assert.ok(runs.every((r) => r.status === 'succeeded'))
    const items = await f.app.store.getRunItems(runs[2]?.id ?? '')
    const created = items.find((i) => i.action === 'create')
    assert.ok(created?.recordId)
    const history = await f.app.store.getRecordHistory('hubspot', created.recordId)
    assert.equal(history[0]?.action, 'create')
    assert.ok(history[0]?.reasons.some((r) => r.rule === 'create'))
    assert.ok(history[0]?.reasons.some((r) => r.rule === 'system-of-record' && r.fields?.includes('email') && r.fields.includes('jobtitle')))
  })
})

describe('crash safety: a run killed after its writes, then rerun, creates no duplicate', () => {
  const seed = generateSugarSeed({ contacts: 120, leads: 0, seed: 5 })
  const count = seed.contacts?.length ?? 0

  it('killed before the cursor commit', async () => {
    const f = await startSyncFixture({ sugar: seed, hubspot: { owners: [], contacts: [] } }, oneWayPeople)
    try {
      await assert.rejects(f.sync('people', { beforeCursorCommit: () => { throw new Error('killed') } }), /killed/)
      const again = await f.sync()
      assert.equal(again.created['hubspot'] ?? 0, 0, 'nothing is created twice')
      // Creates into HubSpot go by upsert on the email: the unrecorded ones are matched by it and linked.
      assert.equal(again.linked, again.writes, 'every write of the rerun is a match of an unrecorded create')
      assert.equal((await f.sync()).writes, 0, 'and once linked, nothing is written again')
      const contacts = await hubspotContacts(f)
      assert.equal(contacts.size, count)
      assert.ok([...contacts.values()].every((list) => list.length === 1))
    } finally {
      await f.close()
    }
  })

  it('killed after the writes reached HubSpot but before they were recorded', async () => {
    const f = await startSyncFixture({ sugar: seed, hubspot: { owners: [], contacts: [] } }, oneWayPeople)
    try {
      // Batches are 50 entities: the second batch's creates land in HubSpot, then the process "dies".
      await assert.rejects(f.sync('people', { afterWrites: (batch) => { if (batch === 1) throw new Error('killed') } }), /killed/)
      const app = await f.reopen()
      const runs = await app.store.listRuns(5)
      assert.equal(runs[0]?.status, 'failed')
      const again = await f.sync()
      assert.equal(again.linked, 50, 'the 50 unrecorded creates are found by email and linked')
      assert.equal(again.created['hubspot'], count - 100)
      const contacts = await hubspotContacts(f)
      assert.equal(contacts.size, count)
      assert.ok([...contacts.values()].every((list) => list.length === 1), 'no duplicate contact')
      assert.equal((await f.sync()).writes, 0)
    } finally {
      await f.close()
    }
  })
})
