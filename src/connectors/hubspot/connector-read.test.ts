import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Connector } from '../../domain/connector.js'
import type { Cursor, RemoteRecord } from '../../domain/records.js'
import { simFetch } from '../../sandbox/hubspot/sim-fetch.js'
import { startHubSpotSim } from '../../sandbox/hubspot/server.js'
import type { HubSpotSim } from '../../sandbox/hubspot/server.js'
import { createHubSpotConnector } from './connector.js'

const token = 'pat-na1-read-test-7f3a9c'
const base = Date.parse('2025-04-01T00:00:00.000Z')
let clock = base + 100_000_000
let sim: HubSpotSim
let hubspot: Connector

// 650 contacts a second apart, each owned and at a company, for paging.
before(async () => {
  const owners = [{ id: '41600001', email: 'ann@corp.com', firstName: 'Ann', lastName: 'A' }]
  const companies = [{ id: '900', properties: { name: 'Acme', domain: 'acme.com' } }, { id: '901', properties: { name: 'Acme EU', domain: 'acme.eu' }, parentId: '900' }]
  const contacts = Array.from({ length: 650 }, (_, i) => ({
    properties: { email: `p${i}@acme.com`, firstname: `P${i}`, hubspot_owner_id: '41600001', lastmodifieddate: base + i * 1000, createdate: base },
    companyId: '900',
  }))
  sim = await startHubSpotSim({ seed: { token, owners, companies, contacts }, now: () => clock })
  hubspot = createHubSpotConnector({ kind: 'hubspot', url: sim.url, auth: { token } }, { sleep: async () => {} })
})
after(() => sim.close())

async function readAll(connector: Connector, object: string, since?: Cursor, maxPages = 500) {
  const records: RemoteRecord[] = []
  let cursor = since
  let pages = 0
  for await (const page of connector.read(object, since)) {
    records.push(...page.records)
    cursor = page.cursor
    if (++pages > maxPages) throw new Error('read does not end')
  }
  return { records, cursor, pages }
}

describe('hubspot connector: describe', () => {
  it('describes contacts: typed fields, owner and company as relationships', async () => {
    const schema = await hubspot.describe('contacts')
    const field = (name: string) => schema.fields.find((f) => f.name === name)
    assert.equal(field('email')?.type, 'email')
    assert.equal(field('hs_object_id')?.type, 'id')
    assert.deepEqual([field('lastmodifieddate')?.type, field('lastmodifieddate')?.updateable], ['datetime', false])
    assert.ok(field('lifecyclestage')?.options?.includes('customer'))
    assert.deepEqual(field('hubspot_owner_id'), { name: 'hubspot_owner_id', label: 'Owner', type: 'reference', required: false, createable: true, updateable: true, referenceTo: 'owners' })
    assert.deepEqual(schema.relationships, [
      { name: 'owner', field: 'hubspot_owner_id', target: 'user' },
      { name: 'company', field: 'associatedcompanyid', target: 'company' },
    ])
  })

  it('describes companies with the parent relationship, and refuses unknown objects', async () => {
    const schema = await hubspot.describe('companies')
    assert.ok(schema.relationships.some((r) => r.name === 'parent' && r.field === 'hs_parent_company_id'))
    await assert.rejects(hubspot.describe('deals'), { name: 'ConnectorError', code: 'bad_request' })
  })
})

describe('hubspot connector: incremental read', () => {
  it('reads every record oldest first in pages of 200, refs apart from fields', async () => {
    const { records, cursor, pages } = await readAll(hubspot, 'contacts')
    assert.equal(pages, 4)
    assert.equal(records.length, 650)
    assert.equal(new Set(records.map((r) => r.id)).size, 650)
    const times = records.map((r) => Date.parse(r.modifiedAt))
    assert.deepEqual(times, [...times].sort((a, b) => a - b))
    assert.equal(cursor?.value, new Date(base + 649_000).toISOString())
    const first = records[0]
    assert.deepEqual(first?.refs, { owner: '41600001', company: '900' })
    assert.equal(first?.fields.hubspot_owner_id, undefined)
    assert.equal(first?.fields.associatedcompanyid, undefined)
    assert.equal(first?.fields.email, 'p0@acme.com')
    const [parentOf] = (await readAll(hubspot, 'companies')).records.filter((r) => r.id === '901')
    assert.equal(parentOf?.refs?.parent, '900')
  })

  it('resumes from a cursor and sees a record a person edited between two reads', async () => {
    const first = await readAll(hubspot, 'contacts')
    const edited = first.records[10]
    assert.ok(edited)
    clock += 60_000
    const patch = await simFetch(sim.url, token)('PATCH', `/crm/v3/objects/contacts/${edited.id}`, { properties: { jobtitle: 'Chief Edits' } })
    assert.equal(patch.status, 200)
    const second = await readAll(hubspot, 'contacts', first.cursor)
    const ids = second.records.map((r) => r.id)
    // The boundary record comes again (the cursor is inclusive); the edited one is new.
    assert.ok(ids.includes(edited.id))
    assert.ok(ids.length <= 3)
    assert.equal(second.records.find((r) => r.id === edited.id)?.fields.jobtitle, 'Chief Edits')
    const third = await readAll(hubspot, 'contacts', second.cursor)
    assert.deepEqual(third.records.map((r) => r.id), [edited.id])
  })
})

describe('hubspot connector: the 10,000-result search window', () => {
  let big: HubSpotSim
  before(async () => {
    const contacts = Array.from({ length: 10_450 }, (_, i) => ({ properties: { email: `w${i}@big.com`, lastmodifieddate: base + i, createdate: base } }))
    // Every company modified in the same millisecond: only an id walk can page past 10,000.
    const companies = Array.from({ length: 10_300 }, (_, i) => ({ properties: { name: `Co ${i}`, hs_lastmodifieddate: base, createdate: base } }))
    big = await startHubSpotSim({ seed: { token, contacts, companies } })
  })
  after(() => big.close())

  it('re-queries from the last time read and misses nothing', { timeout: 20_000 }, async () => {
    const connector = createHubSpotConnector({ kind: 'hubspot', url: big.url, auth: { token } }, { sleep: async () => {} })
    const { records } = await readAll(connector, 'contacts')
    assert.equal(new Set(records.map((r) => r.id)).size, 10_450)
    assert.equal(records.length, 10_450)
  })

  it('walks more than 10,000 records of one millisecond by id', { timeout: 20_000 }, async () => {
    const connector = createHubSpotConnector({ kind: 'hubspot', url: big.url, auth: { token } }, { sleep: async () => {} })
    const { records } = await readAll(connector, 'companies')
    assert.equal(new Set(records.map((r) => r.id)).size, 10_300)
    assert.equal(records.length, 10_300)
  })
})
