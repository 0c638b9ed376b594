// Issue 9, items 1 and 2, over HTTP against the simulators: a blank never overwrites a value
// outside `always`, and nothing is created (or linked) while match candidates compete.
import { afterEach, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { startSyncFixture, sugarPassword } from './support/sync-fixture.js'
import type { SyncFixture } from './support/sync-fixture.js'
import { sugarTestClient } from '../src/sandbox/sugarcrm/test-client.js'
import type { RemoteRecord } from '../src/domain/records.js'
import { settleReview } from '../src/app/review/settle-review.js'
import { execFile } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { promisify } from 'node:util'
import { hubspotToken } from './support/sync-fixture.js'

const main = new URL('../src/cli/main.ts', import.meta.url).pathname

/** Runs the CLI on the fixture's store and simulators, as a person would from a shell. */
async function cli(f: SyncFixture, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const file = join(dirname(f.storePath), 'revsync.yaml')
  await writeFile(file, `store: ${f.storePath}
systems:
  sugar: { kind: sugarcrm, url: ${f.sugar.url}, auth: { username: admin, password: "\${SUGAR_PASSWORD}" } }
  hubspot: { kind: hubspot, url: ${f.hubspot.url}, auth: { token: "\${HUBSPOT_TOKEN}" } }
mappings:
${mapping('{ sugar: title, hubspot: jobtitle }')}`)
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', main, '-c', file, ...args], { env: { ...process.env, SUGAR_PASSWORD: sugarPassword, HUBSPOT_TOKEN: hubspotToken } })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}

/** A two-way people mapping whose title row is given, so each test picks its direction and policy. */
function mapping(titleRow: string): string {
  return `  people:
    entity: person
    systems:
      - { system: sugar, objects: [Leads, Contacts], createAs: Leads }
      - { system: hubspot, objects: [contacts] }
    match: [email]
    fields:
      - { name: email, sugar: email1, hubspot: email }
      - { sugar: first_name, hubspot: firstname }
      - { sugar: last_name, hubspot: lastname }
      - ${titleRow}
`
}

async function hubspotByEmail(f: SyncFixture, email: string): Promise<RemoteRecord[]> {
  const found = await f.app.connectors.get('hubspot')?.lookup('contacts', { field: 'email', values: [email] })
  return found?.get(email) ?? []
}

async function sugarByEmail(f: SyncFixture, email: string): Promise<RemoteRecord[]> {
  const sugar = f.app.connectors.get('sugar')
  const leads = (await sugar?.lookup('Leads', { field: 'email1', values: [email] }))?.get(email) ?? []
  const contacts = (await sugar?.lookup('Contacts', { field: 'email1', values: [email] }))?.get(email) ?? []
  return [...leads, ...contacts].filter((r) => !r.deleted)
}

async function edit(f: SyncFixture, system: string, object: string, id: string, fields: Record<string, string | null>): Promise<void> {
  const [result] = (await f.app.connectors.get(system)?.write(object, [{ kind: 'update', ref: 'e', id, fields }])) ?? []
  assert.equal(result?.ok, true, JSON.stringify(result))
}

describe('data safety: blanks and competing match candidates', () => {
  let f: SyncFixture
  afterEach(() => f.close())

  for (const policy of ['system-of-record', 'most-recent', 'manual']) {
    it(`a one-way ${policy} row keeps the target's value for a person the source system does not know yet`, async () => {
      f = await startSyncFixture(
        { sugar: { users: [] }, hubspot: { owners: [], contacts: [{ properties: { email: 'nia@hooli.example', firstname: 'Nia', lastname: 'Obi', jobtitle: 'Head of Ops' } }] } },
        mapping(`{ sugar: title, hubspot: jobtitle, direction: sugar -> hubspot, policy: ${policy} }`),
      )
      const first = await f.sync()
      assert.deepEqual(first.created, { sugar: 1 })
      assert.deepEqual(first.updated, {}, 'the new Sugar lead has no title, and a blank never wins outside `always`')
      const [nia] = await hubspotByEmail(f, 'nia@hooli.example')
      assert.equal(nia?.fields['jobtitle'], 'Head of Ops')
      const [lead] = await sugarByEmail(f, 'nia@hooli.example')
      assert.equal(lead?.fields['title'] ?? null, null, 'the one-way source is never written')
      assert.equal((await f.sync()).writes, 0, 'a second run writes nothing')
      // Once Sugar holds a title, it is mirrored into HubSpot as the direction says.
      await edit(f, 'sugar', 'Leads', lead?.id ?? '', { title: 'COO' })
      assert.deepEqual((await f.sync()).updated, { hubspot: 1 })
      assert.equal((await hubspotByEmail(f, 'nia@hooli.example'))[0]?.fields['jobtitle'], 'COO')
    })
  }

  it('a one-way `always` row does mirror a blank source: only `always` lets a blank win', async () => {
    f = await startSyncFixture(
      { sugar: { users: [], leads: [{ id: 'lead-nia', first_name: 'Nia', last_name: 'Obi', email1: 'nia@hooli.example' }] }, hubspot: { owners: [], contacts: [{ properties: { email: 'nia@hooli.example', firstname: 'Nia', lastname: 'Obi', jobtitle: 'Head of Ops' } }] } },
      mapping('{ sugar: title, hubspot: jobtitle, direction: sugar -> hubspot, policy: always }'),
    )
    await f.sync()
    assert.equal((await hubspotByEmail(f, 'nia@hooli.example'))[0]?.fields['jobtitle'] ?? null, null)
  })

  it('two Sugar records sharing the email of one HubSpot contact: nothing is created or linked while they compete, on later runs too', async () => {
    // One clock for the simulators and the runs, so a later run reads only what changed since.
    const clock = { ms: Date.parse('2026-05-04T09:00:00.000Z') }
    f = await startSyncFixture(
      {
        sugar: {
          users: [],
          leads: [{ id: 'lead-bo', first_name: 'Bo', last_name: 'Kim', email1: 'bo@initech.example', title: 'VP' }, { id: 'lead-ann', first_name: 'Ann', last_name: 'Lee', email1: 'ann@globex.example' }],
          contacts: [{ id: 'c-bo', first_name: 'Bo', last_name: 'Kim', email1: 'BO@initech.example', title: 'VP Sales' }],
        },
        hubspot: { owners: [], contacts: [{ properties: { email: 'bo@initech.example', firstname: 'Bo', lastname: 'Kim', jobtitle: 'Sales' } }] },
      },
      mapping('{ sugar: title, hubspot: jobtitle }'),
      () => clock.ms,
    )
    const first = await f.sync()
    assert.deepEqual(first.created, { hubspot: 1 }, 'only Ann: no third Sugar record, no second HubSpot contact')
    assert.equal(first.held, 3)
    const [bo] = await hubspotByEmail(f, 'bo@initech.example')
    const hubspotHold = first.problems.find((p) => p.reason.detail.includes('matches 2 sugar records'))?.reason
    assert.equal(hubspotHold?.rule, 'match.ambiguous')
    assert.ok(hubspotHold?.detail.includes('lead-bo') && hubspotHold.detail.includes('c-bo'), hubspotHold?.detail)
    assert.equal((await sugarByEmail(f, 'bo@initech.example')).length, 2)
    assert.equal((await f.app.store.findEntities('people', 'hubspot', [bo?.id ?? ''])).size, 0, 'the held contact is not linked')
    assert.equal((await f.app.store.findEntities('people', 'sugar', ['lead-bo', 'c-bo'])).size, 0, 'nor are the Sugar records')

    // Another person changes, so the next run's Sugar cursor moves past the Bo records.
    clock.ms += 10 * 60_000
    await edit(f, 'sugar', 'Leads', 'lead-ann', { title: 'CTO' })
    clock.ms += 1000
    assert.deepEqual((await f.sync()).updated, { hubspot: 1 })
    // Later, the HubSpot contact and one Sugar record change; the other Sugar record does not, and
    // is not read again. They still compete, so both changed ones are held and nothing is created.
    clock.ms += 10 * 60_000
    await edit(f, 'hubspot', 'contacts', bo?.id ?? '', { jobtitle: 'Head of Sales' })
    await edit(f, 'sugar', 'Contacts', 'c-bo', { title: 'VP of Sales' })
    clock.ms += 1000
    const later = await f.sync()
    assert.deepEqual(later.created, {})
    assert.equal(later.writes, 0)
    assert.equal(later.held, 2)
    assert.ok(later.problems.every((p) => p.reason.detail.includes('lead-bo') && p.reason.detail.includes('c-bo')), JSON.stringify(later.problems))
    assert.equal((await f.app.store.findEntities('people', 'sugar', ['c-bo'])).size, 0, 'the changed Sugar record is not linked to the HubSpot contact')
    assert.equal((await sugarByEmail(f, 'bo@initech.example')).length, 2)
    assert.equal((await hubspotByEmail(f, 'bo@initech.example')).length, 1)

    // A person removes the duplicate lead: the contact and the HubSpot contact now match one to one.
    clock.ms += 10 * 60_000
    const sugar = await sugarTestClient(f.sugar, 'admin', sugarPassword)
    assert.equal((await sugar.call('DELETE', '/rest/v11/Leads/lead-bo')).status, 200)
    await edit(f, 'hubspot', 'contacts', bo?.id ?? '', { firstname: 'Bo' })
    clock.ms += 1000
    const settled = await f.sync()
    assert.deepEqual(settled.created, {})
    assert.equal(settled.held, 0)
    assert.equal((await f.app.store.findEntities('people', 'hubspot', [bo?.id ?? ''])).get(bo?.id ?? ''), (await f.app.store.findEntities('people', 'sugar', ['c-bo'])).get('c-bo'))
    assert.equal((await f.sync()).writes, 0)
  })

  it('the held contact waits in the review queue as one match item; the record a person picks is linked by the next run, with nothing created', async () => {
    f = await startSyncFixture(
      {
        sugar: {
          users: [],
          leads: [{ id: 'lead-bo', first_name: 'Bo', last_name: 'Kim', email1: 'bo@initech.example', title: 'VP' }],
          contacts: [{ id: 'c-bo', first_name: 'Bo', last_name: 'Kim', email1: 'bo@initech.example', title: 'VP Sales' }],
        },
        hubspot: { owners: [], contacts: [{ properties: { email: 'bo@initech.example', firstname: 'Bo', lastname: 'Kim' } }] },
      },
      mapping('{ sugar: title, hubspot: jobtitle }'),
    )
    await f.sync()
    const [bo] = await hubspotByEmail(f, 'bo@initech.example')
    const open = await f.app.store.listReviews({ status: 'open' })
    assert.equal(open.length, 1, JSON.stringify(open))
    const [item] = open
    assert.equal(item?.rowKey, '@match')
    assert.equal(item?.entityId, `hubspot:contacts/${bo?.id ?? ''}`)
    assert.deepEqual(item?.candidates.map((c) => c.value).sort(), ['sugar:Contacts/c-bo', 'sugar:Leads/lead-bo'])
    // Held again by the next run: still one item.
    await edit(f, 'hubspot', 'contacts', bo?.id ?? '', { firstname: 'Bo' })
    assert.deepEqual((await f.sync()).created, {})
    assert.equal((await f.app.store.listReviews({ status: 'open' })).length, 1)
    await assert.rejects(settleReview(f.app.store, item?.id ?? '', { value: 'x' }, 'ops@acme.example', new Date().toISOString()), /is a match: pick the record to link with --take/)
    const listed = await cli(f, ['review'])
    assert.equal(listed.code, 0, listed.stderr)
    assert.ok(listed.stdout.includes(`record hubspot:contacts/${bo?.id ?? ''}  row @match`), listed.stdout)
    assert.ok(listed.stdout.includes('sugar:Contacts/c-bo') && listed.stdout.includes('sugar:Leads/lead-bo'), listed.stdout)
    const resolved = await cli(f, ['review', 'resolve', item?.id ?? '', '--take', 'c-bo'])
    assert.equal(resolved.code, 0, resolved.stderr)
    const applied = await f.sync()
    assert.deepEqual(applied.created, {})
    assert.deepEqual(applied.updated, { hubspot: 1 }, 'the linked pair is synced: the Sugar title reaches HubSpot')
    assert.equal((await hubspotByEmail(f, 'bo@initech.example'))[0]?.fields['jobtitle'], 'VP Sales')
    const entity = (await f.app.store.findEntities('people', 'hubspot', [bo?.id ?? ''])).get(bo?.id ?? '')
    assert.ok(entity)
    assert.equal((await f.app.store.findEntities('people', 'sugar', ['c-bo'])).get('c-bo'), entity)
    assert.equal((await f.app.store.findEntities('people', 'sugar', ['lead-bo'])).size, 0, 'the other candidate stays unlinked')
    assert.notEqual((await f.app.store.listReviews({ status: 'resolved' }))[0]?.appliedAt ?? null, null)
    assert.equal((await f.sync()).writes, 0)
    assert.equal((await sugarByEmail(f, 'bo@initech.example')).length, 2)
    assert.equal((await hubspotByEmail(f, 'bo@initech.example')).length, 1)
  })
})
