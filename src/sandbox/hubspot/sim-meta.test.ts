import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { startHubSpotSim } from './server.js'
import type { HubSpotSim } from './server.js'
import { simFetch } from './sim-fetch.js'

const token = 'pat-na1-test-meta-0001'
let clock = Date.parse('2025-03-01T08:00:00.000Z')
let sim: HubSpotSim
let call: ReturnType<typeof simFetch>

before(async () => {
  const owners = Array.from({ length: 7 }, (_, i) => ({ email: `o${i}@corp.com`, firstName: `O${i}`, lastName: 'Owner', archived: i >= 5 }))
  const companies = [
    { id: '900', properties: { name: 'Parent Co', domain: 'parent.com' } },
    { id: '901', properties: { name: 'Child Co', domain: 'child.com' }, parentId: '900' },
    { id: '902', properties: { name: 'Other Co', domain: 'other.com' } },
  ]
  const contacts = [{ id: '11', properties: { email: 'c@child.com' }, companyId: '901' }]
  sim = await startHubSpotSim({ seed: { token, owners, companies, contacts, limits: { daily: 40 } }, now: () => clock })
  call = simFetch(sim.url, token)
})
after(() => sim.close())

describe('hubspot sim: properties', () => {
  it('describes properties with type, fieldType, options, readOnlyValue and hubspotDefined', async () => {
    const res = await call('GET', '/crm/v3/properties/contacts')
    const byName = new Map(res.body.results.map((p: { name: string }) => [p.name, p]))
    const owner = byName.get('hubspot_owner_id') as Record<string, unknown>
    assert.deepEqual([owner.type, owner.fieldType, owner.referencedObjectType, owner.hubspotDefined], ['enumeration', 'select', 'OWNER', true])
    const modified = byName.get('lastmodifieddate') as { modificationMetadata: { readOnlyValue: boolean } }
    assert.equal(modified.modificationMetadata.readOnlyValue, true)
    const stage = byName.get('lifecyclestage') as { options: { value: string }[] }
    assert.ok(stage.options.some((o) => o.value === 'customer'))
  })

  it('creates a custom text property, refuses it twice, and accepts values for it', async () => {
    const def = { name: 'sugar_owner', label: 'Sugar Owner', type: 'string', fieldType: 'text', groupName: 'contactinformation' }
    const created = await call('POST', '/crm/v3/properties/contacts', def)
    assert.equal(created.status, 201)
    assert.equal(created.body.hubspotDefined, false)
    assert.equal((await call('POST', '/crm/v3/properties/contacts', def)).status, 409)
    const write = await call('PATCH', '/crm/v3/objects/contacts/11', { properties: { sugar_owner: 'Sally Sugar' } })
    assert.equal(write.body.properties.sugar_owner, 'Sally Sugar')
    const bad = await call('POST', '/crm/v3/properties/contacts', { name: 'Bad Name', label: 'x', type: 'string', fieldType: 'text' })
    assert.equal(bad.status, 400)
  })
})

describe('hubspot sim: owners', () => {
  it('pages active owners and lists archived ones only with archived=true', async () => {
    const first = await call('GET', '/crm/v3/owners/?limit=3')
    assert.equal(first.body.results.length, 3)
    const second = await call('GET', `/crm/v3/owners/?limit=3&after=${first.body.paging.next.after}`)
    assert.equal(second.body.results.length, 2)
    assert.equal(second.body.paging, undefined)
    const archived = await call('GET', '/crm/v3/owners/?archived=true')
    assert.deepEqual(archived.body.results.map((o: { email: string; archived: boolean }) => [o.email, o.archived]), [['o5@corp.com', true], ['o6@corp.com', true]])
  })
})

describe('hubspot sim: v4 associations', () => {
  const read = async (from: string, id: string) => (await call('POST', `/crm/v4/associations/${from}/companies/batch/read`, { inputs: [{ id }] })).body.results[0]
  const props = async (object: string, id: string, names: string) => (await call('GET', `/crm/v3/objects/${object}/${id}?properties=${names}`)).body.properties

  it('reads the primary company (types 1 and 279) and mirrors it in associatedcompanyid', async () => {
    const row = await read('contacts', '11')
    assert.equal(row.to[0].toObjectId, 901)
    assert.deepEqual(row.to[0].associationTypes.map((t: { typeId: number }) => t.typeId).sort(), [1, 279])
    assert.equal((await props('contacts', '11', 'associatedcompanyid')).associatedcompanyid, '901')
  })

  it('moves the primary company: the old one stays unlabelled and the contact counts as modified', async () => {
    clock += 5000
    const res = await call('POST', '/crm/v4/associations/contacts/companies/batch/create', {
      inputs: [{ from: { id: '11' }, to: { id: '902' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 1 }] }],
    })
    assert.equal(res.status, 201)
    const row = await read('contacts', '11')
    const types = new Map(row.to.map((t: { toObjectId: number; associationTypes: { typeId: number }[] }) => [t.toObjectId, t.associationTypes.map((a) => a.typeId).sort()]))
    assert.deepEqual(types.get(902), [1, 279])
    assert.deepEqual(types.get(901), [279])
    const p = await props('contacts', '11', 'associatedcompanyid,lastmodifieddate')
    assert.equal(p.associatedcompanyid, '902')
    assert.equal(Date.parse(p.lastmodifieddate), clock)
  })

  it('keeps parent and child through types 14 and 13, mirrored in hs_parent_company_id', async () => {
    assert.equal((await props('companies', '901', 'hs_parent_company_id')).hs_parent_company_id, '900')
    const parentSide = await read('companies', '900')
    assert.deepEqual(parentSide.to[0].associationTypes.map((t: { typeId: number }) => t.typeId), [13])
    await call('POST', '/crm/v4/associations/companies/companies/batch/archive', { inputs: [{ from: { id: '901' }, to: [{ id: '900' }] }] })
    assert.equal((await props('companies', '901', 'hs_parent_company_id')).hs_parent_company_id, null)
  })
})

describe('hubspot sim: limits and faults', () => {
  it('injects ten-secondly 429s with Retry-After through the control API', async () => {
    await call('POST', '/__sandbox/faults', { rateLimitEvery: 1, retryAfterSeconds: 2 })
    const res = await call('GET', '/crm/v3/objects/contacts?limit=1')
    await call('POST', '/__sandbox/faults', { rateLimitEvery: 0 })
    assert.equal(res.status, 429)
    assert.equal(res.headers.get('retry-after'), '2')
    assert.deepEqual([res.body.errorType, res.body.policyName], ['RATE_LIMIT', 'TEN_SECONDLY_ROLLING'])
  })

  it('enforces a configured ten-second window, then lets calls through again', async () => {
    let t = Date.parse('2025-03-02T00:00:00.000Z')
    const limited = await startHubSpotSim({ seed: { token, limits: { tenSecondly: 2 } }, now: () => t })
    try {
      const get = simFetch(limited.url, token)
      assert.equal((await get('GET', '/crm/v3/owners')).status, 200)
      assert.equal((await get('GET', '/crm/v3/owners')).status, 200)
      const refused = await get('GET', '/crm/v3/owners')
      assert.equal(refused.status, 429)
      assert.equal(refused.body.policyName, 'TEN_SECONDLY_ROLLING')
      assert.equal(refused.headers.get('retry-after'), '10')
      t += 10_000
      assert.equal((await get('GET', '/crm/v3/owners')).status, 200)
    } finally {
      await limited.close()
    }
  })

  it('answers DAILY 429s once the daily budget is spent', async () => {
    let res = await call('GET', '/crm/v3/objects/companies?limit=1')
    while (res.status === 200) res = await call('GET', '/crm/v3/objects/companies?limit=1')
    assert.equal(res.status, 429)
    assert.equal(res.body.policyName, 'DAILY')
    assert.equal(res.body.message, 'You have reached your daily limit.')
    assert.equal(res.headers.get('x-hubspot-ratelimit-daily-remaining'), '0')
  })
})
