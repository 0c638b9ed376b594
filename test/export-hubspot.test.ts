import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { SignalOutcome } from '../src/app/export/export-report.js'
import type { HubSpotSim } from '../src/sandbox/hubspot/server.js'
import { jobChange, startHubSpotExport } from './support/export-fixture.js'
import type { ExportFixture } from './support/export-fixture.js'

const owner = (id: string, first: string, archived = false) => ({ id, email: `${first.toLowerCase()}@acme-org.test`, firstName: first, lastName: 'Owner', archived })
const owners = { dana: '41600002', sam: '41600003', ivan: '41600004', rita: '41600005', rob: '41600006', alex: '41600007' }

const seed = {
  owners: [owner('41600001', 'Admin'), owner(owners.dana, 'Dana'), owner(owners.sam, 'Sam'), owner(owners.ivan, 'Ivan', true), owner(owners.rita, 'Rita'), owner(owners.rob, 'Rob'), owner(owners.alex, 'Alex')],
  companies: [
    { id: '901', properties: { name: 'Acme Corp', domain: 'acme.com', hubspot_owner_id: owners.sam } },
    { id: '902', properties: { name: 'Initech', domain: 'initech.com', hubspot_owner_id: owners.ivan } },
  ],
  contacts: [{ id: '11', properties: { email: 'carl@acme.com', firstname: 'Carl', lastname: 'Contact', jobtitle: 'Old title', phone: '+1 555 0100', hubspot_owner_id: owners.rob }, companyId: '901' }],
}

const exportsYaml = `  contacts:
    system: hubspot
    defaultOwner: dana@acme-org.test
    accountOwnerField: hubspot_owner_id
    fields:
      contact:
        - { field: hs_lead_status, source: { static: OPEN } }
  cna:
    system: hubspot
    recordSync: contact-and-account
    defaultOwner: dana@acme-org.test
    accountOwner: alex@acme-org.test
    accountOwnerField: hubspot_owner_id
  rr:
    system: hubspot
    defaultOwner: dana@acme-org.test
    leadRouting: { kind: round-robin, pool: [rita@acme-org.test, ivan@acme-org.test, rob@acme-org.test] }
`

let f: ExportFixture & { sim: HubSpotSim }
const contact = (email: string) => [...f.sim.state.records.contacts.values()].filter((r) => !r.archived && r.properties.email === email)
const only = (o: readonly SignalOutcome[]): SignalOutcome => {
  assert.equal(o.length, 1)
  return o[0]!
}

before(async () => {
  f = await startHubSpotExport(seed, exportsYaml)
})
after(() => f.close())

describe('hubspot export', () => {
  it('always-contact: a contact associated with the matched company, owned by its company owner', async () => {
    const r = await f.export('contacts', [jobChange('Jane', 'Doe', 'jane@acme.com', { name: 'ACME, Inc.' })])
    const o = only(r.outcomes)
    const [jane] = contact('jane@acme.com')
    assert.equal(o.outcome, 'created')
    assert.equal(jane?.properties.associatedcompanyid, '901')
    assert.equal(jane?.properties.hubspot_owner_id, owners.sam)
    assert.equal(jane?.properties.hs_lead_status, 'OPEN')
    assert.equal(jane?.properties.hs_linkedin_url, 'https://www.linkedin.com/in/jane-doe')
    assert.equal(o.owner.reason.rule, 'owner.account-field')
  })

  it('always-contact: no company matches, so a contact without a company and the default owner', async () => {
    const companies = f.sim.state.records.companies.size
    const r = await f.export('contacts', [jobChange('Nat', 'Nocompany', 'nat@unknown-hs.io', { name: 'Unknown HS' })])
    const [nat] = contact('nat@unknown-hs.io')
    assert.equal(nat?.properties.associatedcompanyid ?? null, null)
    assert.equal(nat?.properties.hubspot_owner_id, owners.dana)
    assert.equal(f.sim.state.records.companies.size, companies, 'always-contact never creates companies')
    assert.match(only(r.outcomes).reasons.find((x) => x.rule === 'record-type.contact')?.detail ?? '', /never creates companies/)
  })

  it('contact-and-account: matched company used; otherwise a company created, owned by accountOwner, and the contact on it', async () => {
    const r = await f.export('cna', [jobChange('Ida', 'Initech', 'ida@initech.com', { name: 'Initech' }), jobChange('Fay', 'Fresh', 'fay@fresh-hs.io', { name: 'Fresh HS', domain: 'fresh-hs.io', city: 'Lyon' })])
    const [matched, created] = r.outcomes
    assert.equal(contact('ida@initech.com')[0]?.properties.associatedcompanyid, '902')
    // Initech's owner is archived (a deactivated user): the default owner takes the contact.
    assert.equal(contact('ida@initech.com')[0]?.properties.hubspot_owner_id, owners.dana)
    assert.match(matched?.owner.reason.detail ?? '', /inactive/)
    assert.equal(created?.account.created, true)
    const company = f.sim.state.records.companies.get(String(created?.account.id))
    assert.equal(company?.properties.name, 'Fresh HS')
    assert.equal(company?.properties.domain, 'fresh-hs.io')
    assert.equal(company?.properties.city, 'Lyon')
    assert.equal(company?.properties.hubspot_owner_id, owners.alex)
    const [fay] = contact('fay@fresh-hs.io')
    assert.equal(fay?.properties.associatedcompanyid, company?.id)
    assert.equal(fay?.properties.hubspot_owner_id, owners.alex, 'the contact follows the new company owner')
  })

  it('updates an existing contact found by email, never duplicating it', async () => {
    const r = await f.export('contacts', [jobChange('Carl', 'Contact', 'Carl@Acme.com', { name: 'Acme' }, { person: { title: 'CRO', phone: '+1 555 7777' } })])
    const o = only(r.outcomes)
    assert.equal(o.outcome, 'updated')
    assert.equal(o.recordId, '11')
    const [carl] = contact('carl@acme.com')
    assert.equal(contact('carl@acme.com').length, 1)
    assert.equal(carl?.properties.jobtitle, 'CRO')
    assert.equal(carl?.properties.phone, '+1 555 0100', 'phone is update-if-empty')
    assert.equal(carl?.properties.hubspot_owner_id, owners.rob, 'reassignExisting is off')
  })

  it('round robin for contacts without a company skips the archived owner', async () => {
    const r = await f.export('rr', [jobChange('R', 'One', 'r1@rr-hs.io', { name: 'RR One' }), jobChange('R', 'Two', 'r2@rr-hs.io', { name: 'RR Two' })])
    assert.deepEqual(r.outcomes.map((o) => o.owner.id), [owners.rita, owners.rob])
    assert.equal(contact('r2@rr-hs.io')[0]?.properties.hubspot_owner_id, owners.rob)
  })
})
