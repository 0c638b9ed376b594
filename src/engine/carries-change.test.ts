import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mappingSchema } from '../domain/config/mapping-config.js'
import { resolveMapping } from '../domain/mapping.js'
import type { FieldValue, RemoteRecord } from '../domain/records.js'
import { carriesChange } from './carries-change.js'
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
      { name: 'title', sugar: 'title', hubspot: 'jobtitle', compare: 'ignore-case' },
    ],
    relationships: { owner: {} },
  }),
)
const users = buildUserDirectory(new Map([
  ['sugar', [{ id: 's-jane', email: 'jane@acme.com', firstName: 'Jane', lastName: 'Doe', active: true }]],
  ['hubspot', [{ id: '101', email: 'jane@acme.com', firstName: 'Jane', lastName: 'Doe', active: true }, { id: '102', email: 'raj@acme.com', firstName: 'Raj', lastName: 'Patel', active: true }]],
]))

const hubspot = (fields: Record<string, FieldValue>, owner?: string, extra: Partial<RemoteRecord> = {}): RemoteRecord =>
  ({ id: '9', object: 'contacts', fields, refs: owner ? { owner } : {}, modifiedAt: '2026-11-01T10:00:00.000Z', ...extra })
const agreed = { email: 'ann@acme.com', title: 'CTO', '@owner': 'jane@acme.com' }

describe('carriesChange: a linked record that agrees with its last-synced values carries no change', () => {
  const cases: { name: string; record: RemoteRecord; synced?: Record<string, FieldValue>; rule?: string }[] = [
    { name: 'every row and the owner agree', record: hubspot({ email: 'ann@acme.com', jobtitle: 'CTO' }, '101'), synced: agreed },
    { name: 'blank padding and case under ignore-case still agree', record: hubspot({ email: 'ann@acme.com ', jobtitle: 'cto' }, '101'), synced: agreed },
    { name: 'a row differs', record: hubspot({ email: 'ann@acme.com', jobtitle: 'CEO' }, '101'), synced: agreed, rule: 'change.row' },
    { name: 'a row has no last-synced value yet', record: hubspot({ email: 'ann@acme.com', jobtitle: 'CTO' }, '101'), synced: { email: 'ann@acme.com', '@owner': 'jane@acme.com' }, rule: 'change.row' },
    { name: 'the owner is another user', record: hubspot({ email: 'ann@acme.com', jobtitle: 'CTO' }, '102'), synced: agreed, rule: 'change.relationship' },
    { name: 'the owner is a user revsync does not know', record: hubspot({ email: 'ann@acme.com', jobtitle: 'CTO' }, '999'), synced: agreed, rule: 'change.relationship' },
    { name: 'no owner where none was agreed', record: hubspot({ email: 'ann@acme.com', jobtitle: 'CTO' }), synced: { email: 'ann@acme.com', title: 'CTO' } },
    { name: 'the owner was removed', record: hubspot({ email: 'ann@acme.com', jobtitle: 'CTO' }), synced: agreed, rule: 'change.relationship' },
    { name: 'the entity was never synced', record: hubspot({ email: 'ann@acme.com', jobtitle: 'CTO' }, '101'), rule: 'change.never-synced' },
    { name: 'the record was deleted', record: hubspot({}, undefined, { deleted: true }), synced: agreed, rule: 'change.deleted' },
  ]
  for (const c of cases) {
    it(c.name, () => {
      assert.equal(carriesChange(mapping, 'hubspot', c.record, c.synced, users, {})?.rule, c.rule)
    })
  }

  it('agrees with exactly what a plan of the same entity records, so revsync reading its own writes back plans nothing', () => {
    const sugar: RemoteRecord = { id: 'lead-1', object: 'Leads', fields: { email1: 'ann@acme.com', title: 'VP Sales' }, refs: { owner: 's-jane' }, modifiedAt: '2026-11-01T10:00:00.000Z' }
    const plan = planEntity(mapping, { entityId: 'e1', records: new Map([['sugar', sugar]]), synced: {} }, users)
    const create = plan.writes[0]
    assert.equal(create?.kind, 'create')
    const written = hubspot({ ...create?.fields }, create?.refs.owner ?? undefined)
    assert.equal(carriesChange(mapping, 'hubspot', written, plan.synced, users, {}), undefined)
    assert.equal(carriesChange(mapping, 'sugar', sugar, plan.synced, users, {}), undefined)
  })
})
