import { afterEach, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { startProxiedSyncFixture } from './support/proxied-sync-fixture.js'
import type { ProxiedSyncFixture } from './support/proxied-sync-fixture.js'

/** People that exist in one system only, so a sync creates each of them in the other. */
const people = Array.from({ length: 30 }, (_, i) => ({ first: `Pat${i}`, last: `Lost${i}`, email: `pat${i}@lost.example`, company: `Lost Co ${i}` }))

const sugarHubspot = `  people:
    entity: person
    systems:
      - { system: sugar, objects: [Leads], createAs: Leads }
      - { system: hubspot, objects: [contacts] }
    match: [email]
    fields:
      - { name: email, sugar: email1, hubspot: email }
      - { sugar: first_name, hubspot: firstname }
      - { sugar: last_name, hubspot: lastname }
`

const sugarSalesforce = `  people:
    entity: person
    systems:
      - { system: sugar, objects: [Leads] }
      - { system: sfdc, objects: [Lead], createAs: Lead }
    match: [email]
    fields:
      - { name: email, sugar: email1, sfdc: Email }
      - { sugar: last_name, sfdc: LastName }
      - { sugar: account_name, sfdc: Company }
`

const sugarLeads = people.map((p) => ({ first_name: p.first, last_name: p.last, email1: p.email, account_name: p.company }))
const hubspotContacts = people.map((p) => ({ properties: { email: p.email, firstname: p.first, lastname: p.last } }))

/** How many records carry each email, from a simulator's own state. */
function countByEmail(emails: readonly (string | null | undefined)[]): Map<string, number> {
  const out = new Map<string, number>()
  for (const e of emails) if (e) out.set(e.toLowerCase(), (out.get(e.toLowerCase()) ?? 0) + 1)
  return out
}

function assertEachOnce(counts: Map<string, number>, where: string): void {
  for (const p of people) assert.equal(counts.get(p.email), 1, `${p.email} is in ${where} exactly once`)
  assert.equal(counts.size, people.length, `${where} holds no one else`)
}

const sugarEmails = (f: ProxiedSyncFixture): Map<string, number> => countByEmail(f.sugar.state.records('Leads').map((r) => r.email[0]?.email_address ?? null))
const hubspotEmails = (f: ProxiedSyncFixture): Map<string, number> => countByEmail([...f.hubspot.state.records.contacts.values()].filter((r) => !r.archived).map((r) => r.properties.email))
const salesforceEmails = (f: ProxiedSyncFixture): Map<string, number> => countByEmail((f.salesforce?.state.live('Lead') ?? []).map((r) => (typeof r.Email === 'string' ? r.Email : null)))

/** The run after a recovered one: every person is linked, so nothing is matched, created or written. */
async function assertSettled(f: ProxiedSyncFixture): Promise<void> {
  const again = await f.sync()
  assert.deepEqual(again.failed, {})
  assert.equal(again.linked, 0, 'every person was linked by the run that recovered')
  assert.equal(again.writes, 0, 'the next run writes nothing')
}

describe('a create whose answer is lost is not made twice (fault proxy between revsync and the simulator)', () => {
  let f: ProxiedSyncFixture | undefined
  afterEach(async () => {
    await f?.close()
    f = undefined
  })

  it('SugarCRM: the connection resets after Sugar applied a bulk create', async () => {
    f = await startProxiedSyncFixture({ sugar: {}, hubspot: { owners: [], contacts: hubspotContacts } }, sugarHubspot)
    f.proxies.get('sugar')?.inject({ method: 'POST', path: /^\/rest\/v11\/bulk/, mode: 'reset', times: 1 })
    const report = await f.sync()
    assert.equal(f.proxies.get('sugar')?.hits(), 1, 'the bulk create was applied and its answer lost')
    assert.deepEqual(report.failed, {})
    assert.equal(report.created['sugar'], people.length)
    assertEachOnce(sugarEmails(f), 'SugarCRM')
    await assertSettled(f)
  })

  it('HubSpot: the connection resets after HubSpot applied a batch create', async () => {
    f = await startProxiedSyncFixture({ sugar: { leads: sugarLeads }, hubspot: { owners: [], contacts: [] } }, sugarHubspot)
    f.proxies.get('hubspot')?.inject({ method: 'POST', path: /^\/crm\/v3\/objects\/contacts\/batch\/create/, mode: 'reset', times: 1 })
    const report = await f.sync()
    assert.equal(f.proxies.get('hubspot')?.hits(), 1, 'the batch create was applied and its answer lost')
    assert.deepEqual(report.failed, {})
    assert.equal(report.created['hubspot'], people.length)
    assertEachOnce(hubspotEmails(f), 'HubSpot')
    await assertSettled(f)
    assertEachOnce(sugarEmails(f), 'SugarCRM')
  })

  it('Salesforce: the connection resets after Salesforce applied an sObject Collections create', async () => {
    f = await startProxiedSyncFixture(
      { sugar: { leads: sugarLeads }, hubspot: { owners: [], contacts: [] }, salesforce: { users: [{ Username: 'admin@acme.example', Email: 'admin@acme.example', LastName: 'Admin' }] } },
      sugarSalesforce,
    )
    f.proxies.get('sfdc')?.inject({ method: 'POST', path: /\/composite\/sobjects/, mode: 'reset', times: 1 })
    const report = await f.sync()
    assert.equal(f.proxies.get('sfdc')?.hits(), 1, 'the collection create was applied and its answer lost')
    assert.deepEqual(report.failed, {})
    assert.equal(report.created['sfdc'], people.length)
    assertEachOnce(salesforceEmails(f), 'Salesforce')
    await assertSettled(f)
  })

  it('HubSpot: calls accepted and never answered time out and are retried, and the run finishes', async () => {
    f = await startProxiedSyncFixture({ sugar: { leads: sugarLeads }, hubspot: { owners: [], contacts: [] } }, sugarHubspot, { hubspot: 0.5 })
    const proxy = f.proxies.get('hubspot')
    proxy?.inject({ method: 'POST', path: /^\/crm\/v3\/objects\/contacts\/batch\/read/, mode: 'hang', times: 1 })
    proxy?.inject({ method: 'POST', path: /^\/crm\/v3\/objects\/contacts\/batch\/create/, mode: 'hang', times: 1 })
    const report = await f.sync()
    assert.equal(proxy?.hits(), 2, 'a lookup and a create were each left unanswered once')
    assert.deepEqual(report.failed, {})
    assert.equal(report.created['hubspot'], people.length)
    assertEachOnce(hubspotEmails(f), 'HubSpot')
    await assertSettled(f)
  })
})
