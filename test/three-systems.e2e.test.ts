import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { startSyncFixture } from './support/sync-fixture.js'
import type { SyncFixture } from './support/sync-fixture.js'
import type { RemoteRecord } from '../src/domain/records.js'

const mapping = `  people:
    entity: person
    systems:
      - { system: sfdc, objects: [Lead, Contact], create: false }
      - { system: sugar, objects: [Contacts] }
      - { system: hubspot, objects: [contacts] }
    match: [email]
    fields:
      - { name: email, sfdc: Email, sugar: email1, hubspot: email }
      - { sfdc: LastName, sugar: last_name, hubspot: lastname }
      - { sfdc: Title, sugar: title, hubspot: jobtitle }
    relationships:
      owner: { order: [sfdc, sugar, hubspot] }
`

async function find(f: SyncFixture, system: string, object: string, field: string, email: string): Promise<RemoteRecord[]> {
  return (await f.app.connectors.get(system)?.lookup(object, { field, values: [email] }))?.get(email) ?? []
}

describe('one mapping across Salesforce, SugarCRM and HubSpot', () => {
  let f: SyncFixture
  before(async () => {
    f = await startSyncFixture(
      {
        salesforce: {
          users: [
            // The first user owns what the seed leaves unowned.
            { Username: 'jane@acme.example', Email: 'jane@acme.example', FirstName: 'Jane', LastName: 'Doe' },
            { Username: 'admin@acme.example', Email: 'admin@acme.example', LastName: 'Admin' },
          ],
          leads: [{ LastName: 'Lee', FirstName: 'Ann', Company: 'Globex', Email: 'ann@globex.example', Title: 'CTO' }],
        },
        sugar: {
          users: [{ id: 'u-jane', user_name: 'jane', first_name: 'Jane', last_name: 'Doe', email1: 'JANE@acme.example', status: 'Active' }],
          contacts: [{ id: 'c-bo', last_name: 'Kim', email1: 'bo@initech.example', title: 'VP Sales', assigned_user_id: 'u-jane' }],
        },
        hubspot: { owners: [{ email: 'jane@acme.example', firstName: 'Jane', lastName: 'Doe' }], contacts: [] },
      },
      mapping,
    )
  })
  after(() => f.close())

  it('creates each person where missing, with the owner translated in every system', async () => {
    const report = await f.sync()
    assert.deepEqual(report.created, { sugar: 1, hubspot: 2 })
    assert.deepEqual(report.failed, {})
    const [annInSugar] = await find(f, 'sugar', 'Contacts', 'email1', 'ann@globex.example')
    const [annInHubSpot] = await find(f, 'hubspot', 'contacts', 'email', 'ann@globex.example')
    assert.equal(annInSugar?.fields['title'], 'CTO')
    assert.equal(annInSugar?.refs?.owner, 'u-jane', 'the Salesforce owner is the same person in Sugar')
    assert.ok(annInHubSpot?.refs?.owner, 'and in HubSpot')
    assert.equal((await find(f, 'sfdc', 'Lead', 'Email', 'bo@initech.example')).length, 0, 'create: false keeps Salesforce untouched')
    assert.equal((await f.sync()).writes, 0)
  })

  it('the top system wins over both lower ones; a change in the lowest is reverted', async () => {
    const [lead] = await find(f, 'sfdc', 'Lead', 'Email', 'ann@globex.example')
    const [annInHubSpot] = await find(f, 'hubspot', 'contacts', 'email', 'ann@globex.example')
    await f.app.connectors.get('sfdc')?.write('Lead', [{ kind: 'update', ref: 'e', id: lead?.id ?? '', fields: { Title: 'CEO' } }])
    await f.app.connectors.get('hubspot')?.write('contacts', [{ kind: 'update', ref: 'e', id: annInHubSpot?.id ?? '', fields: { jobtitle: 'Typed in HubSpot' } }])
    const report = await f.sync()
    assert.deepEqual(report.updated, { sugar: 1, hubspot: 1 })
    assert.equal((await find(f, 'sugar', 'Contacts', 'email1', 'ann@globex.example'))[0]?.fields['title'], 'CEO')
    assert.equal((await find(f, 'hubspot', 'contacts', 'email', 'ann@globex.example'))[0]?.fields['jobtitle'], 'CEO')
  })

  it('a lead converted in Salesforce moves the link to its contact, with no duplicate in any system', async () => {
    const [lead] = await find(f, 'sfdc', 'Lead', 'Email', 'ann@globex.example')
    const response = await fetch(`${f.salesforce?.url}/services/data/v62.0/__sandbox/convertLead`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ leadId: lead?.id }) })
    assert.equal(response.status, 200, await response.clone().text())
    const report = await f.sync()
    assert.deepEqual(report.created, {})
    const [contact] = await find(f, 'sfdc', 'Contact', 'Email', 'ann@globex.example')
    assert.ok(contact)
    const entity = (await f.app.store.findEntities('people', 'sfdc', [contact.id])).get(contact.id)
    assert.ok(entity, 'the contact is linked')
    const links = (await f.app.store.getLinks('people', [entity])).get(entity) ?? []
    assert.deepEqual(links.map((l) => `${l.system}:${l.object}`).sort(), ['hubspot:contacts', 'sfdc:Contact', 'sugar:Contacts'])
    assert.equal((await find(f, 'sugar', 'Contacts', 'email1', 'ann@globex.example')).length, 1)
    assert.equal((await find(f, 'hubspot', 'contacts', 'email', 'ann@globex.example')).length, 1)
    assert.equal((await f.sync()).writes, 0)
  })
})
