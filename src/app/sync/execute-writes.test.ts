import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { mappingSchema } from '../../domain/config/mapping-config.js'
import { resolveMapping } from '../../domain/mapping.js'
import type { PlannedWrite } from '../../engine/entity-plan.js'
import { createKeyOf } from './execute-writes.js'

const mapping = (entity: 'person' | 'company', rows: unknown[]) =>
  resolveMapping('m', mappingSchema.parse({ entity, systems: [{ system: 'sugar', objects: ['Leads'] }, { system: 'hubspot', objects: ['contacts'] }], match: ['key'], fields: rows }))
const create = (system: string, object: string, fields: PlannedWrite['fields']): PlannedWrite => ({ system, object, kind: 'create', fields, refs: {}, before: {}, reasons: [] })

describe('createKeyOf: the key a create was matched on', () => {
  it("is the match row's field in the object written, with the value the record gets", () => {
    const people = mapping('person', [{ name: 'key', sugar: 'email1', hubspot: 'email' }])
    assert.deepEqual(createKeyOf(people, create('sugar', 'Leads', { email1: 'Ann@Globex.example', last_name: 'Lee' })), { field: 'email1', value: 'Ann@Globex.example' })
    assert.deepEqual(createKeyOf(people, create('hubspot', 'contacts', { email: 'ann@globex.example' })), { field: 'email', value: 'ann@globex.example' })
  })

  it('is absent when the new record gets no value for it, or the mapping holds companies', () => {
    const people = mapping('person', [{ name: 'key', sugar: 'email1', hubspot: 'email', direction: 'sugar -> hubspot' }])
    assert.equal(createKeyOf(people, create('sugar', 'Leads', { last_name: 'Lee' })), undefined)
    assert.equal(createKeyOf(people, create('sugar', 'Leads', { email1: '  ' })), undefined)
    const companies = mapping('company', [{ name: 'key', sugar: 'website', hubspot: 'domain' }])
    assert.equal(createKeyOf(companies, create('hubspot', 'contacts', { domain: 'globex.example' })), undefined)
    assert.equal(createKeyOf(undefined, create('hubspot', 'contacts', { email: 'ann@globex.example' })), undefined)
  })
})
