import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { z } from 'zod'
import { hubSpotShapes as shapes } from './published-shapes.js'
import { startHubSpotSim } from './server.js'
import type { HubSpotSim } from './server.js'
import type { HubSpotSeed } from './seed.js'
import { simFetch } from './sim-fetch.js'
import type { SimAnswer } from './sim-fetch.js'

/*
 * Every route the HubSpot simulator serves, answered over HTTP and held to the shapes of
 * HubSpot's published OpenAPI documents: a connector that works here must not meet a field
 * on the real API that it never saw (or see one here that the real API never sends).
 */

const token = 'pat-na1-test-shapes-0001'
let sim: HubSpotSim
let call: ReturnType<typeof simFetch>

before(async () => {
  const seed: HubSpotSeed = {
    token,
    owners: [
      { id: '41600001', email: 'ann@corp.com', firstName: 'Ann', lastName: 'Active' },
      { id: '41600002', email: 'ian@corp.com', firstName: 'Ian', lastName: 'Inactive', archived: true },
    ],
    companies: [
      { id: '900', properties: { name: 'Parent Co', domain: 'parent.com' } },
      { id: '901', properties: { name: 'Child Co', domain: 'child.com' }, parentId: '900' },
      { id: '902', properties: { name: 'Other Co', domain: 'other.com' } },
    ],
    contacts: [
      { id: '11', properties: { email: 'kim@child.com', firstname: 'Kim', hubspot_owner_id: '41600001' }, companyId: '901' },
      { id: '12', properties: { email: 'lee@other.com', firstname: 'Lee' } },
      { id: '13', properties: { email: 'max@other.com', firstname: 'Max' } },
    ],
  }
  sim = await startHubSpotSim({ seed })
  call = simFetch(sim.url, token)
})
after(() => sim.close())

/** Asserts the status and that the body fits the published schema, naming each misfit. */
function assertShape(res: SimAnswer, status: number, schema: z.ZodType): void {
  assert.equal(res.status, status, `status ${res.status}: ${JSON.stringify(res.body)}`)
  const parsed = schema.safeParse(res.body)
  assert.ok(parsed.success, parsed.success ? '' : `${z.prettifyError(parsed.error)}\nin ${JSON.stringify(res.body)}`)
}

function assertNoBody(res: SimAnswer): void {
  assert.equal(res.status, 204)
  assert.equal(res.body, undefined)
}

const traced = (properties: Record<string, string>, i: number) => ({ properties, objectWriteTraceId: `trace-${i}` })

describe('hubspot sim shapes: objects', () => {
  it('list, archived list and single reads answer SimplePublicObjectWithAssociations', async () => {
    for (const object of ['contacts', 'companies']) {
      const page = await call('GET', `/crm/v3/objects/${object}?limit=1&properties=email,name`)
      assertShape(page, 200, shapes.objectList)
      assert.ok(page.body.paging.next.after, 'a first page of one names the next')
    }
    assertShape(await call('GET', '/crm/v3/objects/contacts/11'), 200, shapes.objectWithAssociations)
    assertShape(await call('GET', '/crm/v3/objects/contacts/kim@child.com?idProperty=email&properties=firstname,nosuch'), 200, shapes.objectWithAssociations)
    assertShape(await call('GET', '/crm/v3/objects/companies/901'), 200, shapes.objectWithAssociations)
  })

  it('create and update answer SimplePublicObject; archive answers 204 and the archived list shows archivedAt', async () => {
    const created = await call('POST', '/crm/v3/objects/contacts', { properties: { email: 'new@acme.com', firstname: 'New' } })
    assertShape(created, 201, shapes.object)
    const updated = await call('PATCH', `/crm/v3/objects/contacts/${created.body.id}`, { properties: { lastname: 'Person', firstname: '' } })
    assertShape(updated, 200, shapes.object)
    assertNoBody(await call('DELETE', `/crm/v3/objects/contacts/${created.body.id}`))
    const archived = await call('GET', '/crm/v3/objects/contacts?archived=true')
    assertShape(archived, 200, shapes.objectList)
    assert.ok(archived.body.results.some((r: { id: string; archivedAt?: string }) => r.id === created.body.id && r.archivedAt !== undefined))
  })

  it('batch read answers 200, and 207 with StandardError entries for ids it cannot find', async () => {
    const body = { inputs: [{ id: '11' }, { id: '12' }], properties: ['email'], propertiesWithHistory: [] }
    assertShape(await call('POST', '/crm/v3/objects/contacts/batch/read', body), 200, shapes.batchObjects)
    const missing = await call('POST', '/crm/v3/objects/contacts/batch/read', { ...body, inputs: [{ id: '11' }, { id: '999999' }] })
    assertShape(missing, 207, shapes.batchObjectsWithErrors)
  })

  it('batch create answers 201, and 207 whose per-input errors carry links, errors and context', async () => {
    assertShape(await call('POST', '/crm/v3/objects/contacts/batch/create', { inputs: [traced({ email: 'b1@acme.com' }, 1)] }), 201, shapes.batchObjects)
    const inputs = [traced({ email: 'b2@acme.com' }, 2), traced({ email: 'kim@child.com' }, 3), traced({ email: 'b4@acme.com', no_such_property: 'x' }, 4)]
    const mixed = await call('POST', '/crm/v3/objects/contacts/batch/create', { inputs })
    assertShape(mixed, 207, shapes.batchObjectsWithErrors)
    assert.equal(mixed.body.numErrors, 2)
  })

  it('batch update answers 200, and 207 for an id that does not exist', async () => {
    assertShape(await call('POST', '/crm/v3/objects/contacts/batch/update', { inputs: [{ id: '12', properties: { lastname: 'One' } }] }), 200, shapes.batchObjects)
    const inputs = [
      { id: '12', properties: { lastname: 'Two' }, objectWriteTraceId: 'u1' },
      { id: '999999', properties: { lastname: 'Ghost' }, objectWriteTraceId: 'u2' },
    ]
    assertShape(await call('POST', '/crm/v3/objects/contacts/batch/update', { inputs }), 207, shapes.batchObjectsWithErrors)
  })

  it('batch upsert answers SimplePublicUpsertObject results, and 207 for an invalid value', async () => {
    const inputs = [
      { id: 'lee@other.com', idProperty: 'email', properties: { lastname: 'Upserted' } },
      { id: 'fresh@acme.com', idProperty: 'email', properties: { firstname: 'Fresh' } },
    ]
    assertShape(await call('POST', '/crm/v3/objects/contacts/batch/upsert', { inputs }), 200, shapes.batchUpsert)
    const bad = [
      { id: 'max@other.com', idProperty: 'email', properties: { lastname: 'Fine' }, objectWriteTraceId: 'v1' },
      { id: 'odd@acme.com', idProperty: 'email', properties: { hubspot_owner_id: '404' }, objectWriteTraceId: 'v2' },
    ]
    assertShape(await call('POST', '/crm/v3/objects/contacts/batch/upsert', { inputs: bad }), 207, shapes.batchUpsertWithErrors)
  })

  it('batch archive answers 204 without a body', async () => {
    const made = await call('POST', '/crm/v3/objects/companies', { properties: { name: 'Gone Co' } })
    assertNoBody(await call('POST', '/crm/v3/objects/companies/batch/archive', { inputs: [{ id: made.body.id }] }))
  })

  it('search answers CollectionResponseWithTotalSimplePublicObject with paging', async () => {
    const body = { filterGroups: [{ filters: [{ propertyName: 'email', operator: 'HAS_PROPERTY' }] }], properties: ['email'], limit: 1 }
    const res = await call('POST', '/crm/v3/objects/contacts/search', body)
    assertShape(res, 200, shapes.searchPage)
    assert.ok(res.body.paging.next.after)
  })
})

describe('hubspot sim shapes: properties and owners', () => {
  it('lists, reads and creates properties as Property', async () => {
    assertShape(await call('GET', '/crm/v3/properties/contacts'), 200, shapes.properties)
    assertShape(await call('GET', '/crm/v3/properties/companies/name'), 200, shapes.property)
    const def = { name: 'shape_check', label: 'Shape check', type: 'enumeration', fieldType: 'select', options: [{ label: 'A', value: 'a' }] }
    assertShape(await call('POST', '/crm/v3/properties/contacts', def), 201, shapes.property)
    assertShape(await call('POST', '/crm/v3/properties/contacts', def), 409, shapes.error)
  })

  it('answers owners as PublicOwner; an archived owner has no userId at all rather than null', async () => {
    assertShape(await call('GET', '/crm/v3/owners/?limit=1'), 200, shapes.owners)
    const archived = await call('GET', '/crm/v3/owners?archived=true')
    assertShape(archived, 200, shapes.owners)
    assert.equal(archived.body.results.length, 1)
    assert.ok(!('userId' in archived.body.results[0]), 'userId is left out for an owner without an active user')
    assertShape(await call('GET', '/crm/v3/owners/41600002?archived=true'), 200, shapes.owner)
    const active = await call('GET', '/crm/v3/owners/41600001')
    assertShape(active, 200, shapes.owner)
    assert.equal(typeof active.body.userId, 'number')
    assertShape(await call('GET', `/crm/v3/owners/${String(active.body.userId)}?idProperty=userId`), 200, shapes.owner)
  })
})

describe('hubspot sim shapes: associations v4', () => {
  it('batch read answers PublicAssociationMultiWithLabel; unlabelled types have no label rather than null', async () => {
    const res = await call('POST', '/crm/v4/associations/contacts/companies/batch/read', { inputs: [{ id: '11' }] })
    assertShape(res, 200, shapes.batchAssociationsRead)
    assertShape(await call('GET', '/crm/v4/objects/companies/901/associations/companies'), 200, shapes.associationsPage)
    assertShape(await call('GET', '/crm/v4/objects/contacts/11/associations/companies'), 200, shapes.associationsPage)
  })

  it('batch create answers 201 LabelsBetweenObjectPair, and 207 with StandardError entries', async () => {
    const input = (from: string, to: string) => ({ from: { id: from }, to: { id: to }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 279 }] })
    assertShape(await call('POST', '/crm/v4/associations/contacts/companies/batch/create', { inputs: [input('12', '902')] }), 201, shapes.batchAssociationsCreate)
    const mixed = await call('POST', '/crm/v4/associations/contacts/companies/batch/create', { inputs: [input('13', '902'), input('13', '999999')] })
    assertShape(mixed, 207, shapes.batchAssociationsCreateWithErrors)
  })

  it('batch default associate answers 200 BatchResponsePublicDefaultAssociation naming what it made', async () => {
    const res = await call('POST', '/crm/v4/associations/contacts/companies/batch/associate/default', { inputs: [{ from: { id: '12' }, to: { id: '900' } }] })
    assertShape(res, 200, shapes.batchDefaultAssociations)
    assert.ok(res.body.results.some((r: { from: { id: string }; to: { id: string } }) => r.from.id === '12' && r.to.id === '900'))
  })

  it('PUT of a default association answers the associations it made, with startedAt and completedAt', async () => {
    const res = await call('PUT', '/crm/v4/objects/contacts/13/associations/default/companies/900')
    assertShape(res, 200, shapes.batchDefaultAssociations)
    const made = res.body.results.find((r: { from: { id: string } }) => r.from.id === '13')
    assert.deepEqual(made, { from: { id: '13' }, to: { id: '900' }, associationSpec: { associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 279 } })
  })

  it('batch archive and labels archive answer 204 without a body', async () => {
    assertNoBody(await call('POST', '/crm/v4/associations/contacts/companies/batch/archive', { inputs: [{ from: { id: '13' }, to: [{ id: '900' }] }] }))
    const labels = { inputs: [{ from: { id: '11' }, to: { id: '901' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 1 }] }] }
    assertNoBody(await call('POST', '/crm/v4/associations/contacts/companies/batch/labels/archive', labels))
  })
})

describe('hubspot sim shapes: error bodies', () => {
  it('answers Error for 400, 401, 404 and a 409 conflict on a single create', async () => {
    assertShape(await call('GET', '/crm/v3/objects/contacts?limit=0'), 400, shapes.error)
    assertShape(await call('POST', '/crm/v3/objects/contacts/search', { filterGroups: 'nope' }), 400, shapes.error)
    assertShape(await simFetch(sim.url, 'pat-na1-wrong-token-0000')('GET', '/crm/v3/objects/contacts'), 401, shapes.error)
    assertShape(await call('GET', '/crm/v3/objects/contacts/999999'), 404, shapes.error)
    assertShape(await call('GET', '/crm/v3/owners/1?archived=false'), 404, shapes.error)
    assertShape(await call('GET', '/crm/v3/nowhere'), 404, shapes.error)
    assertShape(await call('POST', '/crm/v3/objects/contacts', { properties: { email: 'kim@child.com' } }), 409, shapes.error)
    // Without objectWriteTraceId on every input, one refused input fails the whole batch.
    assertShape(await call('POST', '/crm/v3/objects/contacts/batch/create', { inputs: [{ properties: { email: 'kim@child.com' } }] }), 409, shapes.error)
    const tooMany = Array.from({ length: 101 }, (_, i) => ({ properties: { email: `many${i}@acme.com` } }))
    assertShape(await call('POST', '/crm/v3/objects/contacts/batch/create', { inputs: tooMany }), 400, shapes.error)
    assertShape(await call('POST', '/crm/v3/objects/contacts', { properties: { email: 'not an email' } }), 400, shapes.error)
    assertShape(await call('PUT', '/crm/v4/objects/contacts/11/associations/default/companies/999999'), 400, shapes.error)
  })

  it('answers 429 with the rate-limit body and Retry-After, and 503 with Error', async () => {
    await call('POST', '/__sandbox/faults', { rateLimitEvery: 1, retryAfterSeconds: 2 })
    const limited = await call('GET', '/crm/v3/objects/contacts')
    await call('POST', '/__sandbox/faults', { rateLimitEvery: 0, serverErrorBurst: 1 })
    const unavailable = await call('GET', '/crm/v3/objects/contacts')
    await call('POST', '/__sandbox/faults', { serverErrorBurst: 0 })
    assertShape(limited, 429, shapes.rateLimit)
    assert.equal(limited.headers.get('retry-after'), '2')
    assertShape(unavailable, 503, shapes.error)
  })

  it('answers the daily limit with the rate-limit body', async () => {
    const small = await startHubSpotSim({ seed: { token, limits: { daily: 1 } } })
    try {
      const calls = simFetch(small.url, token)
      assert.equal((await calls('GET', '/crm/v3/owners')).status, 200)
      const spent = await calls('GET', '/crm/v3/owners')
      assertShape(spent, 429, shapes.rateLimit)
      assert.equal(spent.body.policyName, 'DAILY')
    } finally {
      await small.close()
    }
  })
})
