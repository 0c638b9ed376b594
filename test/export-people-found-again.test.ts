import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { HubSpotSim } from '../src/sandbox/hubspot/server.js'
import type { SalesforceSim } from '../src/sandbox/salesforce/server.js'
import type { SfRecord } from '../src/sandbox/salesforce/state.js'
import { jobChange, sfToken, startHubSpotExport, startSalesforceExport } from './support/export-fixture.js'
import type { ExportFixture } from './support/export-fixture.js'
import { salesforceScenarioSeed, sfAccounts } from './support/export-seeds.js'

/*
 * An export must find a person it or someone else already put in the CRM: through a lead
 * that was converted into a contact since, and never by creating a person it could not
 * find again.
 */

describe('salesforce export: a converted lead leads to its contact', () => {
  let f: ExportFixture & { sim: SalesforceSim; live(object: string): SfRecord[] }
  let contactId = ''
  /** A call to the simulator's REST API, as any Salesforce client makes it. */
  const call = async <T>(method: string, path: string, body: unknown): Promise<{ status: number; body: T }> => {
    const res = await fetch(`${f.sim.url}/services/data/v60.0${path}`, { method, headers: { authorization: `Bearer ${sfToken}`, 'content-type': 'application/json' }, body: JSON.stringify(body) })
    const text = await res.text()
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T }
  }

  before(async () => {
    f = await startSalesforceExport(salesforceScenarioSeed(), `  cail:\n    system: sfdc\n    defaultOwner: dana@acme-org.test\n    accountOwnerField: SDR_Owner__c\n`)
    // Over the vendor API: a lead, converted onto Acme, whose contact then got a new email and last name.
    const lead = await call<{ id: string }>('POST', '/sobjects/Lead', { FirstName: 'Olga', LastName: 'Original', Company: 'Acme', Email: 'olga@acme.com' })
    const converted = await call<{ contactId: string }>('POST', '/__sandbox/convertLead', { leadId: lead.body.id, accountId: sfAccounts.acme })
    assert.equal(converted.status, 200)
    contactId = converted.body.contactId
    const edited = await call('PATCH', `/sobjects/Contact/${contactId}`, { Email: 'olga.married@acme.com', LastName: 'Married' })
    assert.equal(edited.status, 204)
  })
  after(() => f.close())

  for (const leadIndex of ['lookup', 'read'] as const) {
    it(`updates the contact, not a second one on the account, when the signal has the lead's email (leads ${leadIndex === 'read' ? 'read in full' : 'looked up'})`, async () => {
      const contactsBefore = f.live('Contact').length
      const r = await f.export('cail', [jobChange('Olga', 'Original', 'olga@acme.com', { name: 'Acme' }, { person: { title: `Head of Sales ${leadIndex}` } })], { leadIndex })
      const o = r.outcomes[0]
      assert.equal(o?.outcome, 'updated', JSON.stringify(o?.reasons))
      assert.equal(o?.object, 'Contact')
      assert.equal(o?.recordId, contactId)
      assert.equal(f.live('Contact').length, contactsBefore, 'no second contact')
      const why = o?.reasons.find((x) => x.rule === 'existing.email')
      assert.match(why?.detail ?? '', /converted Lead/)
      assert.equal(f.live('Contact').find((c) => c.Id === contactId)?.Title, `Head of Sales ${leadIndex}`)
    })
  }
})

describe('hubspot export: a person who could never be found again', () => {
  let f: ExportFixture & { sim: HubSpotSim }
  const contacts = () => [...f.sim.state.records.contacts.values()].filter((r) => !r.archived)
  const owner = { id: '41600002', email: 'dana@acme-org.test', firstName: 'Dana', lastName: 'Owner', archived: false }
  const target = (name: string, extra = '') => `  ${name}:\n    system: hubspot\n    defaultOwner: dana@acme-org.test\n${extra}`

  before(async () => {
    f = await startHubSpotExport({ owners: [owner], companies: [], contacts: [] }, `${target('strict')}${target('lenient', '    allowUnmatchable: true\n')}`)
  })
  after(() => f.close())

  const noEmail = (first: string | undefined, last: string, company: Record<string, string>) => ({ person: { ...(first ? { firstName: first } : {}), lastName: last, title: 'VP Sales' }, company })

  it('refuses a signal with no email and no name at a company domain as invalid, naming the line and the reason', async () => {
    const before = contacts().length
    const r = await f.export('strict', [jobChange('Ann', 'Email', 'ann@known-co.io', { name: 'Known Co' }), noEmail('Una', 'Nowhere', { name: 'Nameonly Labs' }), noEmail('Dom', 'Domain', { name: 'Domain Co', domain: 'domain-co.io' })])
    assert.deepEqual(r.invalid.map((l) => [l.line, l.errors.map((e) => e.field)]), [[2, ['person.email']]])
    const [error] = r.invalid[0]?.errors ?? []
    assert.match(error?.message ?? '', /could never be found again/)
    assert.match(error?.fix ?? '', /company\.domain.*allowUnmatchable: true/)
    assert.deepEqual(r.counts, { created: 2, updated: 0, skipped: 0, failed: 0 }, 'the email and the name at a domain are exported')
    assert.equal(contacts().length, before + 2)
    assert.equal(contacts().filter((c) => c.properties.lastname === 'Nowhere').length, 0, 'nothing without a way to find it again')
  })

  it('exports such a signal when the target allows it', async () => {
    const r = await f.export('lenient', [noEmail('Una', 'Lenient', { name: 'Nameonly Labs' })])
    assert.equal(r.invalid.length, 0)
    assert.equal(r.counts.created, 1)
    assert.equal(contacts().filter((c) => c.properties.lastname === 'Lenient').length, 1)
  })
})
