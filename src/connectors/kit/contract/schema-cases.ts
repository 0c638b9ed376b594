import assert from 'node:assert/strict'
import type { FieldType, ObjectSchema } from '../../../domain/object-schema.js'
import type { Define } from './define.js'
import { firstPage } from './helpers.js'

const fieldTypes = new Set<FieldType>(['string', 'text', 'email', 'phone', 'url', 'number', 'boolean', 'date', 'datetime', 'enum', 'reference', 'id'])

/** Every field well-formed: a known type, boolean flags, each name once, required only when createable. */
function assertFieldsWellFormed(schema: ObjectSchema): void {
  assert.ok(schema.fields.length > 0, `${schema.object} lists no fields`)
  const names = schema.fields.map((f) => f.name)
  assert.equal(new Set(names).size, names.length, `${schema.object} lists a field twice`)
  for (const f of schema.fields) {
    assert.ok(fieldTypes.has(f.type), `${schema.object}.${f.name} has type "${f.type}"`)
    assert.equal(typeof f.label, 'string', `${schema.object}.${f.name} label`)
    for (const flag of ['required', 'createable', 'updateable'] as const) assert.equal(typeof f[flag], 'boolean', `${schema.object}.${f.name}.${flag}`)
    if (f.required) assert.ok(f.createable, `${schema.object}.${f.name} is required but cannot be set on create`)
    if (f.options !== undefined) assert.ok(f.options.every((o) => typeof o === 'string'), `${schema.object}.${f.name} options`)
  }
}

/** Relationship lookups are never plain fields: when the field is listed at all, it is a reference. */
function assertLookupsAreReferences(schema: ObjectSchema): void {
  for (const r of schema.relationships) {
    const field = schema.fields.find((f) => f.name === r.field)
    if (field) assert.equal(field.type, 'reference', `${schema.object}.${r.field} holds the ${r.name} relationship but is typed "${field.type}"`)
  }
}

/** The describe cases: typed fields with their flags, and lookups as relationships. */
export function schemaCases(define: Define): void {
  define('describe-fields', 'describe lists typed fields with their required, createable and updateable flags', async ({ fx }) => {
    const { connector, profile } = fx
    const people = await connector.describe(profile.people.object)
    assert.equal(people.object, profile.people.object)
    assertFieldsWellFormed(people)
    const field = (name: string) => people.fields.find((f) => f.name === name)
    assert.equal(field(profile.people.email)?.type, 'email', `${profile.people.email} is the email field`)
    assert.deepEqual([field(profile.people.editable)?.createable, field(profile.people.editable)?.updateable], [true, true])
    const required = people.fields.filter((f) => f.required).map((f) => f.name)
    assert.deepEqual(required.sort(), [...profile.people.required].sort())
    // The record id is the system's to give.
    const idFields = people.fields.filter((f) => f.type === 'id' && /^(id|hs_object_id)$/i.test(f.name))
    for (const f of idFields) assert.equal(f.createable || f.updateable, false, `${f.name} is the record id`)
    assertFieldsWellFormed(await connector.describe(profile.companies.object))
  })

  define('describe-relationships', 'describe exposes owner and company as relationships, not plain fields, and reads carry them in refs', async ({ fx }) => {
    const { connector, profile } = fx
    const people = await connector.describe(profile.people.object)
    const rel = (schema: ObjectSchema, name: string) => schema.relationships.find((r) => r.name === name)
    assert.equal(rel(people, 'owner')?.target, 'user', `${people.object} has an owner relationship to users`)
    assert.equal(rel(people, 'company')?.target, 'company', `${people.object} has a company relationship`)
    assertLookupsAreReferences(people)
    const companies = await connector.describe(profile.companies.object)
    assert.equal(rel(companies, 'owner')?.target, 'user', `${companies.object} has an owner relationship to users`)
    assertLookupsAreReferences(companies)

    const records = await firstPage(connector, profile.people.object)
    assert.ok(records.length > 0, 'the simulator holds people to read')
    const lookupFields = new Set(people.relationships.map((r) => r.field))
    for (const record of records) {
      const leaked = Object.keys(record.fields).filter((name) => lookupFields.has(name))
      assert.deepEqual(leaked, [], `record ${record.id} carries relationship lookups as fields`)
      for (const value of Object.values(record.refs ?? {})) assert.ok(value === null || (typeof value === 'string' && value !== ''), `record ${record.id} refs`)
    }
    assert.ok(records.some((r) => typeof r.refs?.owner === 'string'), 'owned people read with refs.owner')
    assert.ok(records.some((r) => typeof r.refs?.company === 'string'), 'people at a company read with refs.company')
  })
}
