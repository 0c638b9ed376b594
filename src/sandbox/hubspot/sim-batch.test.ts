import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, it } from 'node:test'
import { startHubSpotSim } from './server.js'
import type { HubSpotSim } from './server.js'
import { simFetch } from './sim-fetch.js'

const token = 'pat-na1-test-batch-0001'
let sim: HubSpotSim
let call: ReturnType<typeof simFetch>

before(async () => {
  const seed = {
    token,
    owners: [
      { id: '41600001', email: 'ann@corp.com', firstName: 'Ann', lastName: 'Active' },
      { id: '41600002', email: 'ian@corp.com', firstName: 'Ian', lastName: 'Inactive', archived: true },
    ],
    contacts: [{ id: '501', properties: { email: 'taken@acme.com', firstname: 'Taken' } }],
  }
  sim = await startHubSpotSim({ seed })
  call = simFetch(sim.url, token)
})
after(() => sim.close())
beforeEach(() => {
  sim.state.settings.multiStatus = true
})

const create = (inputs: unknown[]) => call('POST', '/crm/v3/objects/contacts/batch/create', { inputs })
const traced = (properties: Record<string, string | undefined>, i: number) => ({ properties, objectWriteTraceId: `t${i}` })

describe('hubspot sim: batch create', () => {
  it('answers 207 with HubSpot-shaped per-input errors and creates the good inputs', async () => {
    const inputs = (
      [
      { email: 'good1@acme.com', hubspot_owner_id: '41600001' },
      { email: 'TAKEN@acme.com' },
      { email: 'good2@acme.com', favourite_colour: 'teal' },
      { email: 'good3@acme.com', hubspot_owner_id: '41600002' },
      { email: 'good4@acme.com', hubspot_owner_id: '999' },
      { email: 'good5@acme.com' },
      ] as Record<string, string>[]
    ).map(traced)
    const res = await create(inputs)
    assert.equal(res.status, 207)
    assert.equal(res.body.status, 'COMPLETE')
    assert.deepEqual(res.body.results.map((r: { objectWriteTraceId: string }) => r.objectWriteTraceId), ['t0', 't5'])
    assert.equal(res.body.numErrors, 4)
    const byTrace = new Map(res.body.errors.map((e: { context: { objectWriteTraceId: string[] } }) => [e.context.objectWriteTraceId[0], e]))
    const dup = byTrace.get('t1') as { status: string; category: string; message: string }
    assert.deepEqual([dup.status, dup.category, dup.message], ['error', 'CONFLICT', 'Contact already exists. Existing ID: 501'])
    const unknown = byTrace.get('t2') as { category: string; message: string }
    assert.equal(unknown.category, 'VALIDATION_ERROR')
    assert.match(unknown.message, /^Property values were not valid: .*PROPERTY_DOESNT_EXIST/)
    for (const t of ['t3', 't4']) assert.match((byTrace.get(t) as { message: string }).message, /INVALID_OPTION.*"name":"hubspot_owner_id"/)
    assert.ok(sim.state.emails.has('good5@acme.com'))
    assert.ok(!sim.state.emails.has('good2@acme.com'))
  })

  it('fails the whole batch, creating nothing, when inputs carry no objectWriteTraceId', async () => {
    const before = sim.state.records.contacts.size
    const res = await create([{ properties: { email: 'solo1@acme.com' } }, { properties: { email: 'taken@acme.com' } }])
    assert.equal(res.status, 409)
    assert.equal(res.body.category, 'CONFLICT')
    assert.equal(sim.state.records.contacts.size, before)
  })

  it('without multi-status, one bad input fails a traced batch too', async () => {
    sim.state.settings.multiStatus = false
    const res = await create([traced({ email: 'ok@acme.com' }, 0), traced({ email: 'not-an-email' }, 1)])
    assert.equal(res.status, 400)
    assert.match(res.body.message, /INVALID_EMAIL/)
  })

  it('refuses batches over 100 inputs', async () => {
    const inputs = Array.from({ length: 101 }, (_, i) => traced({ email: `many${i}@acme.com` }, i))
    const res = await create(inputs)
    assert.equal(res.status, 400)
    assert.equal(res.body.category, 'VALIDATION_ERROR')
  })
})

describe('hubspot sim: batch update and read', () => {
  it('updates by id, reports unknown ids per input (207) and moves lastmodifieddate', async () => {
    const before = sim.state.records.contacts.get('501')?.updatedAt ?? 0
    const res = await call('POST', '/crm/v3/objects/contacts/batch/update', {
      inputs: [
        { id: '501', properties: { jobtitle: 'VP' }, objectWriteTraceId: 'a' },
        { id: '404404', properties: { jobtitle: 'VP' }, objectWriteTraceId: 'b' },
      ],
    })
    assert.equal(res.status, 207)
    assert.equal(res.body.results[0].properties.jobtitle, 'VP')
    assert.equal(res.body.errors[0].category, 'OBJECT_NOT_FOUND')
    assert.deepEqual(res.body.errors[0].context.objectWriteTraceId, ['b'])
    assert.ok((sim.state.records.contacts.get('501')?.updatedAt ?? 0) >= before)
  })

  it('refuses duplicate ids in one update batch', async () => {
    const res = await call('POST', '/crm/v3/objects/contacts/batch/update', { inputs: [{ id: '501', properties: {} }, { id: '501', properties: {} }] })
    assert.equal(res.status, 400)
    assert.match(res.body.message, /Duplicate IDs/)
  })

  it('reads by email with idProperty, ignoring case, and lists misses as a 207 error', async () => {
    const res = await call('POST', '/crm/v3/objects/contacts/batch/read', {
      idProperty: 'email',
      inputs: [{ id: 'Taken@ACME.com' }, { id: 'ghost@acme.com' }],
      properties: ['email', 'firstname'],
    })
    assert.equal(res.status, 207)
    assert.equal(res.body.results[0].id, '501')
    assert.equal(res.body.errors[0].category, 'OBJECT_NOT_FOUND')
    assert.deepEqual(res.body.errors[0].context.ids, ['ghost@acme.com'])
    const notUnique = await call('POST', '/crm/v3/objects/contacts/batch/read', { idProperty: 'firstname', inputs: [{ id: 'Taken' }], properties: [] })
    assert.equal(notUnique.status, 400)
  })

  it('upserts by a unique idProperty: updates a match, creates the rest', async () => {
    const res = await call('POST', '/crm/v3/objects/contacts/batch/upsert', {
      inputs: [
        { id: 'TAKEN@acme.com', idProperty: 'email', properties: { lastname: 'Upserted' }, objectWriteTraceId: 'u0' },
        { id: 'fresh@acme.com', idProperty: 'email', properties: { lastname: 'Fresh' }, objectWriteTraceId: 'u1' },
      ],
    })
    assert.equal(res.status, 200)
    assert.deepEqual(res.body.results.map((r: { id: string; new: boolean }) => [r.new, r.id === '501']), [[false, true], [true, false]])
    assert.equal(sim.state.records.contacts.get('501')?.properties.lastname, 'Upserted')
    assert.ok(sim.state.emails.has('fresh@acme.com'))
  })
})

describe('hubspot sim: batch archive', () => {
  it('answers 204 without a body, archives known ids and ignores unknown and archived ones', async () => {
    const made = await create([{ properties: { email: 'gone1@acme.com' } }, { properties: { email: 'gone2@acme.com' } }])
    const ids = made.body.results.map((r: { id: string }) => r.id) as string[]
    const res = await call('POST', '/crm/v3/objects/contacts/batch/archive', { inputs: [...ids, '404404'].map((id) => ({ id })) })
    assert.equal(res.status, 204)
    assert.equal(res.body, undefined)
    for (const id of ids) assert.equal((await call('GET', `/crm/v3/objects/contacts/${id}`)).status, 404)
    assert.ok(!sim.state.emails.has('gone1@acme.com'))
    const again = await call('POST', '/crm/v3/objects/contacts/batch/archive', { inputs: [{ id: ids[0] }] })
    assert.equal(again.status, 204)
  })

  it('refuses more than 100 inputs', async () => {
    const res = await call('POST', '/crm/v3/objects/contacts/batch/archive', { inputs: Array.from({ length: 101 }, (_, i) => ({ id: String(i + 1) })) })
    assert.equal(res.status, 400)
    assert.equal(res.body.category, 'VALIDATION_ERROR')
  })

  it('stops listing an archived record among its associations', async () => {
    const company = await call('POST', '/crm/v3/objects/companies', { properties: { name: 'Kept' } })
    const person = await call('POST', '/crm/v3/objects/contacts', {
      properties: { email: 'assoc-gone@acme.com' },
      associations: [{ to: { id: company.body.id }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 279 }] }],
    })
    const read = () => call('POST', '/crm/v4/associations/companies/contacts/batch/read', { inputs: [{ id: company.body.id }] })
    assert.equal((await read()).body.results.length, 1)
    await call('POST', '/crm/v3/objects/contacts/batch/archive', { inputs: [{ id: person.body.id }] })
    assert.equal((await read()).body.results.length, 0)
  })
})
