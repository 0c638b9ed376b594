import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mappingSchema } from '../domain/config/mapping-config.js'
import { resolveMapping } from '../domain/mapping.js'
import type { RemoteRecord, RemoteUser } from '../domain/records.js'
import { planEntity } from './plan-entity.js'
import { buildUserDirectory } from './user-directory.js'

const mapping = resolveMapping(
  'people',
  mappingSchema.parse({
    entity: 'person',
    systems: [
      { system: 'sugar', objects: ['Leads', 'Contacts'], createAs: 'Leads' },
      { system: 'hubspot', objects: ['contacts'] },
    ],
    match: ['email'],
    fields: [
      { name: 'email', sugar: 'email1', hubspot: 'email' },
      { sugar: 'title', hubspot: 'jobtitle' },
      { sugar: { Leads: 'owner.fullName', Contacts: 'owner.fullName' }, hubspot: 'sugar_owner', direction: 'sugar -> hubspot' },
    ],
    relationships: { owner: {} },
    filters: [{ system: 'sugar', field: 'email1', op: 'present' }],
  }),
)

const user = (id: string, email: string, first: string, last: string, active = true): RemoteUser => ({ id, email, firstName: first, lastName: last, active })
const users = buildUserDirectory(
  new Map([
    ['sugar', [user('s-jane', 'Jane@acme.com', 'Jane', 'Doe'), user('s-john', 'john@acme.com', 'John', 'Smith')]],
    ['hubspot', [user('101', 'jane@acme.com', 'Jane', 'Doe')]],
  ]),
)

function sugarLead(fields: Record<string, string | null>, owner: string): RemoteRecord {
  return { id: 'lead-1', object: 'Leads', fields, refs: { owner }, modifiedAt: '2026-11-01T10:00:00.000Z' }
}

describe('planEntity', () => {
  it('creates the HubSpot contact with the winners, the owner translated and the Sugar owner name', () => {
    const plan = planEntity(mapping, { entityId: 'e1', records: new Map([['sugar', sugarLead({ email1: 'ann@x.com', title: 'CEO' }, 's-jane')]]), synced: {} }, users)
    assert.equal(plan.writes.length, 1)
    const write = plan.writes[0]
    assert.equal(write?.kind, 'create')
    assert.equal(write?.object, 'contacts')
    assert.deepEqual(write?.fields, { email: 'ann@x.com', jobtitle: 'CEO', sugar_owner: 'Jane Doe' })
    assert.deepEqual(write?.refs, { owner: '101' })
    assert.deepEqual(plan.synced, { email: 'ann@x.com', 'hubspot:sugar_owner|sugar:Contacts.owner.fullName+Leads.owner.fullName': 'Jane Doe', 'hubspot:jobtitle|sugar:title': 'CEO', '@owner': 'jane@acme.com', '@warnings': null })
  })

  it('leaves the owner unchanged and warns when the owner is not a user in the other system', () => {
    const hub: RemoteRecord = { id: '9', object: 'contacts', fields: { email: 'ann@x.com', jobtitle: 'CEO', sugar_owner: 'Jane Doe' }, refs: { owner: '101' }, modifiedAt: '2026-11-01T09:00:00.000Z' }
    const plan = planEntity(mapping, { entityId: 'e1', records: new Map([['sugar', sugarLead({ email1: 'ann@x.com', title: 'CEO' }, 's-john')], ['hubspot', hub]]), synced: {} }, users)
    assert.deepEqual(plan.warnings.map((w) => w.detail), ['John Smith <john@acme.com> is not a user in hubspot; the hubspot owner is left unchanged'])
    // The "Sugar Owner" text still follows the owner change: option 2 of the seed.
    assert.deepEqual(plan.writes.map((w) => [w.system, w.fields, w.refs]), [['hubspot', { sugar_owner: 'John Smith' }, {}]])
  })

  it('writes nothing when everything already agrees', () => {
    const hub: RemoteRecord = { id: '9', object: 'contacts', fields: { email: 'ANN@x.com', jobtitle: 'CEO', sugar_owner: 'Jane Doe' }, refs: { owner: '101' }, modifiedAt: '2026-11-01T09:00:00.000Z' }
    const plan = planEntity(mapping, { entityId: 'e1', records: new Map([['sugar', sugarLead({ email1: 'ann@x.com', title: 'CEO' }, 's-jane')], ['hubspot', hub]]), synced: {} }, users)
    assert.deepEqual(plan.writes, [])
  })

  it('skips an entity that fails a filter, with the reason', () => {
    const plan = planEntity(mapping, { entityId: 'e1', records: new Map([['sugar', sugarLead({ email1: null, title: 'CEO' }, 's-jane')]]), synced: {} }, users)
    assert.equal(plan.writes.length, 0)
    assert.match(plan.skipped?.detail ?? '', /email1 is not present/)
  })
})
