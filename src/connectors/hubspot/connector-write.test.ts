import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, it } from 'node:test'
import type { Connector } from '../../domain/connector.js'
import type { WriteOp } from '../../domain/records.js'
import { simFetch } from '../../sandbox/hubspot/sim-fetch.js'
import { startHubSpotSim } from '../../sandbox/hubspot/server.js'
import type { HubSpotSim } from '../../sandbox/hubspot/server.js'
import { createHubSpotConnector } from './connector.js'

const token = 'pat-na1-write-test-1b2c3d'
let sim: HubSpotSim
let hubspot: Connector

before(async () => {
  const owners = [
    { id: '41600001', email: 'ann@corp.com', firstName: 'Ann', lastName: 'Active' },
    { id: '41600002', email: 'bob@corp.com', firstName: 'Bob', lastName: 'Active' },
    { id: '41600003', email: 'ian@corp.com', firstName: 'Ian', lastName: 'Gone', archived: true },
  ]
  const companies = [
    { id: '900', properties: { name: 'Acme', domain: 'acme.com' } },
    { id: '901', properties: { name: 'Acme EU', domain: 'Acme.EU' } },
    { id: '902', properties: { name: 'Globex', domain: 'globex.com' } },
  ]
  const contacts = [{ id: '501', properties: { email: 'taken@acme.com', firstname: 'Taken', hubspot_owner_id: '41600001' }, companyId: '900' }]
  sim = await startHubSpotSim({ seed: { token, owners, companies, contacts } })
  hubspot = createHubSpotConnector({ kind: 'hubspot', url: sim.url, auth: { token } }, { sleep: async () => {} })
})
after(() => sim.close())
beforeEach(() => {
  sim.state.settings.multiStatus = true
})

const contact = (id: string) => sim.state.records.contacts.get(id)
const company = (id: string) => sim.state.records.companies.get(id)

function mixedOps(tag: string): WriteOp[] {
  return [
    { kind: 'create', ref: 'good-1', fields: { email: `${tag}1@new.com`, firstname: 'Good' }, refs: { owner: '41600002', company: '901' } },
    { kind: 'create', ref: 'bad-email', fields: { email: 'not-an-email' } },
    { kind: 'create', ref: 'duplicate', fields: { email: 'TAKEN@acme.com' } },
    { kind: 'create', ref: 'inactive-owner', fields: { email: `${tag}2@new.com` }, refs: { owner: '41600003' } },
    { kind: 'create', ref: 'good-2', fields: { email: `${tag}3@new.com`, jobtitle: null } },
    { kind: 'update', ref: 'good-3', id: '501', fields: { jobtitle: `Title ${tag}` } },
    { kind: 'update', ref: 'missing', id: '404404', fields: { jobtitle: 'x' } },
    { kind: 'update', ref: 'unknown-field', id: '501', fields: { favourite_colour: 'teal' } },
  ]
}

function assertMixed(results: Awaited<ReturnType<Connector['write']>>): void {
  assert.deepEqual(results.map((r) => r.ref), ['good-1', 'bad-email', 'duplicate', 'inactive-owner', 'good-2', 'good-3', 'missing', 'unknown-field'])
  const codes = results.map((r) => (r.ok ? 'ok' : `${r.code}/${r.vendorCode}`))
  assert.deepEqual(codes, ['ok', 'invalid/INVALID_EMAIL', 'duplicate/CONFLICT', 'inactive_owner/INVALID_OPTION', 'ok', 'ok', 'not_found/OBJECT_NOT_FOUND', 'invalid/PROPERTY_DOESNT_EXIST'])
  const dup = results[2]
  assert.ok(dup && !dup.ok && dup.message.includes('Existing ID: 501'))
}

describe('hubspot connector: write', () => {
  it('writes the good records of a batch and reports each bad one with its vendor code (207)', async () => {
    const before = sim.state.records.contacts.size
    const results = await hubspot.write('contacts', mixedOps('a'))
    assertMixed(results)
    assert.equal(sim.state.records.contacts.size, before + 2)
    const good = results[0]
    assert.ok(good?.ok)
    assert.equal(contact(good.id)?.properties.hubspot_owner_id, '41600002')
    assert.equal(contact(good.id)?.properties.associatedcompanyid, '901')
    assert.match(good.modifiedAt ?? '', /\.\d{3}Z$/)
    assert.equal(contact('501')?.properties.jobtitle, 'Title a')
  })

  it('isolates bad records by halving the batch when HubSpot fails it whole', async () => {
    sim.state.settings.multiStatus = false
    const before = sim.state.records.contacts.size
    const results = await hubspot.write('contacts', mixedOps('b'))
    assertMixed(results)
    assert.equal(sim.state.records.contacts.size, before + 2)
  })

  it('writes 250 creates in three calls of at most 100', async () => {
    await fetch(`${sim.url}/__sandbox/calls`, { method: 'DELETE' })
    const ops: WriteOp[] = Array.from({ length: 250 }, (_, i) => ({ kind: 'create', ref: `n${i}`, fields: { email: `bulk${i}@new.com` } }))
    const results = await hubspot.write('contacts', ops)
    assert.ok(results.every((r) => r.ok))
    assert.equal(sim.calls.get('contacts.batch.create'), 3)
  })
})

describe('hubspot connector: owner, company and parent refs', () => {
  it('reads the owner and company refs and sets, moves and clears them', async () => {
    const [created] = await hubspot.write('contacts', [{ kind: 'create', ref: 'c', fields: { email: 'refs@new.com' }, refs: { owner: '41600001', company: '900' } }])
    assert.ok(created?.ok)
    const read = async () => (await hubspot.lookup('contacts', { field: 'id', values: [created.id] })).get(created.id)?.[0]
    assert.deepEqual((await read())?.refs, { owner: '41600001', company: '900' })
    const moved = await hubspot.write('contacts', [{ kind: 'update', ref: 'm', id: created.id, fields: {}, refs: { owner: '41600002', company: '902' } }])
    assert.ok(moved[0]?.ok)
    assert.deepEqual((await read())?.refs, { owner: '41600002', company: '902' })
    // The former company stays associated, unlabelled, as HubSpot keeps it.
    assert.deepEqual([...sim.state.associations.types('contacts', created.id, 'companies', '900')], [279])
    await hubspot.write('contacts', [{ kind: 'update', ref: 'x', id: created.id, fields: {}, refs: { owner: null, company: null } }])
    assert.deepEqual((await read())?.refs, { owner: null, company: null })
  })

  it('reports an association to a missing company as a failure of that record only', async () => {
    const results = await hubspot.write('contacts', [
      { kind: 'update', ref: 'ok', id: '501', fields: { firstname: 'Still' } },
      { kind: 'update', ref: 'bad', id: '501', fields: {}, refs: { company: '777777' } },
    ])
    assert.ok(results[0]?.ok)
    assert.deepEqual(results[1] && !results[1].ok && [results[1].code, results[1].vendorCode], ['not_found', 'ASSOCIATION_FAILED'])
  })

  it('sets, moves and clears a company parent (types 14/13)', async () => {
    const [child] = await hubspot.write('companies', [{ kind: 'create', ref: 'child', fields: { name: 'Acme Labs', domain: 'labs.acme.com' }, refs: { parent: '900' } }])
    assert.ok(child?.ok)
    assert.equal(company(child.id)?.properties.hs_parent_company_id, '900')
    await hubspot.write('companies', [{ kind: 'update', ref: 'move', id: child.id, fields: {}, refs: { parent: '902' } }])
    assert.equal(company(child.id)?.properties.hs_parent_company_id, '902')
    assert.equal(sim.state.associations.types('companies', child.id, 'companies', '900').size, 0)
    await hubspot.write('companies', [{ kind: 'update', ref: 'clear', id: child.id, fields: {}, refs: { parent: null } }])
    assert.equal(company(child.id)?.properties.hs_parent_company_id, undefined)
  })
})

describe('hubspot connector: lookup and users', () => {
  it('looks people up by email with batch read, 100 a call, grouped by normalized email', async () => {
    await fetch(`${sim.url}/__sandbox/calls`, { method: 'DELETE' })
    const values = [' Taken@ACME.com ', ...Array.from({ length: 240 }, (_, i) => `bulk${i}@NEW.com`), 'nobody@nowhere.com']
    const found = await hubspot.lookup('contacts', { field: 'email', values })
    assert.equal(sim.calls.get('contacts.batch.read'), 3)
    assert.equal(sim.calls.get('contacts.search'), undefined)
    assert.equal(found.get('taken@acme.com')?.[0]?.id, '501')
    assert.equal(found.get('bulk239@new.com')?.length, 1)
    assert.equal(found.has('nobody@nowhere.com'), false)
  })

  it('looks companies up by domain with search', async () => {
    const found = await hubspot.lookup('companies', { field: 'domain', values: ['acme.eu', 'globex.com', 'nope.com'] })
    assert.deepEqual([...found.keys()].sort(), ['acme.eu', 'globex.com'])
  })

  it('lists active owners and archived ones as inactive users', async () => {
    const users = await hubspot.users()
    assert.deepEqual(users.map((u) => [u.id, u.email, u.active]), [
      ['41600001', 'ann@corp.com', true],
      ['41600002', 'bob@corp.com', true],
      ['41600003', 'ian@corp.com', false],
    ])
  })

  it('describes and writes a custom property created through the properties API', async () => {
    const res = await simFetch(sim.url, token)('POST', '/crm/v3/properties/contacts', { name: 'sugar_owner', label: 'Sugar Owner', type: 'string', fieldType: 'text', groupName: 'contactinformation' })
    assert.equal(res.status, 201)
    const schema = await hubspot.describe('contacts')
    assert.equal(schema.fields.find((f) => f.name === 'sugar_owner')?.type, 'string')
    const [r] = await hubspot.write('contacts', [{ kind: 'update', ref: 's', id: '501', fields: { sugar_owner: 'Sally Sugar' } }])
    assert.ok(r?.ok)
    assert.equal(contact('501')?.properties.sugar_owner, 'Sally Sugar')
  })
})
