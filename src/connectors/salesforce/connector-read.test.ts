import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Page, RemoteRecord } from '../../domain/records.js'
import { createSalesforceConnector } from './connector.js'
import { startSimProcess } from './sandbox-process.test-helper.js'
import type { SimProcess } from './sandbox-process.test-helper.js'

const token = '00D8c0000000001!read-test-token'
let sim: SimProcess
const connector = () => createSalesforceConnector({ kind: 'salesforce', url: sim.url, apiVersion: '62.0', auth: { accessToken: token } }, { sleep: async () => {} })

async function readAll(pages: AsyncIterable<Page>): Promise<Page[]> {
  const out: Page[] = []
  for await (const page of pages) out.push(page)
  return out
}

before(async () => {
  sim = await startSimProcess({
    generate: { people: 4600, contactShare: 1, accounts: 50, users: 4 },
    seed: {
      credentials: { accessToken: token },
      customFields: {
        Account: [{ name: 'SDR_Owner__c', type: 'reference', referenceTo: ['User'], label: 'SDR Owner' }],
        Contact: [{ name: 'UG_Past_Company__c', type: 'string', length: 255 }],
      },
    },
  })
})
after(() => sim.close())

describe('salesforce connector: describe and read', () => {
  it('describes objects with required fields, custom fields and relationships', async () => {
    const lead = await connector().describe('Lead')
    const required = lead.fields.filter((f) => f.required).map((f) => f.name).sort()
    assert.deepEqual(required, ['Company', 'LastName'])
    assert.deepEqual(lead.relationships, [{ name: 'owner', field: 'OwnerId', target: 'user' }])
    assert.equal(lead.fields.find((f) => f.name === 'IsConverted')?.createable, false)
    assert.equal(lead.fields.find((f) => f.name === 'OwnerId')?.referenceTo, 'User')
    const account = await connector().describe('Account')
    assert.equal(account.fields.find((f) => f.name === 'SDR_Owner__c')?.referenceTo, 'User')
    assert.deepEqual(account.relationships.map((r) => r.name), ['owner', 'parent'])
    assert.ok(!account.fields.some((f) => f.name === 'BillingAddress'), 'compound address fields are not scalar fields')
    const contact = await connector().describe('Contact')
    assert.equal(contact.fields.find((f) => f.name === 'UG_Past_Company__c')?.type, 'string')
    assert.deepEqual(contact.relationships.map((r) => r.name), ['owner', 'company'])
  })

  it('reads every record across 2,000-record pages when a second spans a page boundary', async () => {
    const c = connector()
    const pages = await readAll(c.read('Contact'))
    assert.deepEqual(pages.map((p) => p.records.length), [2000, 2000, 600])
    // Seven records share each second: the last of page one and the first of page two tie.
    assert.equal(pages[0]!.records.at(-1)!.fields.SystemModstamp, pages[1]!.records[0]!.fields.SystemModstamp)
    const ids = new Set(pages.flatMap((p) => p.records.map((r) => r.id)))
    assert.equal(ids.size, 4600)
    const first = pages[0]!.records[0]!
    assert.match(first.modifiedAt, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/)
    assert.match(first.refs?.owner ?? '', /^005[0-9A-Za-z]{15}$/)
    assert.match(first.refs?.company ?? '', /^001[0-9A-Za-z]{15}$/)
    assert.ok(!('OwnerId' in first.fields) && !('AccountId' in first.fields), 'lookups live in refs only')
    assert.equal(first.fields.UG_Past_Company__c, null)
    assert.equal(c.callCount(), 1 + 3, 'one describe, one query and two queryMore')
  })

  it('resumes from a page cursor and sees a record edited between two reads', async () => {
    const c = connector()
    const pages = await readAll(c.read('Contact'))
    const cursor = pages.at(-1)!.cursor
    const target = pages[0]!.records[5]!
    const patched = await sim.control('PATCH', `/sobjects/Contact/${target.id}`, { Title: 'Chief Revenue Officer' }, { authorization: `Bearer ${token}` })
    assert.equal(patched.status, 204)
    const again = (await readAll(c.read('Contact', cursor))).flatMap((p) => p.records)
    const edited = again.find((r) => r.id === target.id)
    assert.equal(edited?.fields.Title, 'Chief Revenue Officer')
    // GTE on the cursor: the records of the last page's final second come again, then the edit.
    assert.ok(again.length <= 7 + 1, `the cursor narrows the read to ${again.length}`)
    assert.equal(again.at(-1)?.id, target.id)
  })

  it('reports deletes through queryAll and lead conversion as convertedTo', async () => {
    const c = connector()
    const headers = { authorization: `Bearer ${token}` }
    const lead = await sim.control<{ id: string }>('POST', '/sobjects/Lead', { LastName: 'Okafor', Company: 'Globex Inc.', Email: 'ada@globex.example' }, headers)
    const doomed = await sim.control<{ id: string }>('POST', '/sobjects/Lead', { LastName: 'Gone', Company: 'Initech' }, headers)
    await sim.control('DELETE', `/sobjects/Lead/${doomed.body.id}`, undefined, headers)
    const converted = await sim.control<{ contactId: string; accountId: string }>('POST', '/__sandbox/convertLead', { leadId: lead.body.id })
    assert.equal(converted.status, 200)
    const leads = (await readAll(c.read('Lead'))).flatMap((p) => p.records)
    const byId = new Map(leads.map((r) => [r.id, r]))
    assert.equal(byId.get(doomed.body.id)?.deleted, true)
    const convertedLead = byId.get(lead.body.id)!
    assert.deepEqual(convertedLead.convertedTo, { object: 'Contact', id: converted.body.contactId })
    assert.equal(convertedLead.fields.IsConverted, true)
    const contacts = await c.lookup('Contact', { field: 'Email', values: ['ADA@globex.example '] })
    const contact = contacts.get('ada@globex.example')![0] as RemoteRecord
    assert.equal(contact.id, converted.body.contactId)
    assert.equal(contact.refs?.company, converted.body.accountId)
  })

  it('lists users with their active flag', async () => {
    const users = await connector().users()
    assert.equal(users.length, 4)
    assert.equal(users.filter((u) => !u.active).length, 1)
    assert.match(users[0]!.email ?? '', /@revsync-sandbox\.example\.com$/)
  })
})
