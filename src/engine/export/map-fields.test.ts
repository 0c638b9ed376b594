import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { ExportFieldRow } from '../../domain/export/export-config.js'
import type { TargetRow } from '../../domain/export/resolve-target.js'
import { signalSchema } from '../../domain/export/signal.js'
import type { ObjectSchema } from '../../domain/object-schema.js'
import { mapFields } from './map-fields.js'

const signal = signalSchema.parse({
  person: { firstName: 'Jane', lastName: 'Doe', email: 'jane@acme.com', title: 'VP Sales', city: 'Boston', linkedinUrl: 'https://linkedin.com/in/jane' },
  company: { name: 'Acme', domain: 'acme.com', city: 'Berlin' },
  pastCompany: { name: 'Globex' },
  jobStartedAt: '2025-02-03T10:00:00Z',
})
const row = (field: string, source: ExportFieldRow['source'], on: ExportFieldRow['on']): TargetRow => ({ field, source, on, origin: 0 })
const schema: ObjectSchema = {
  object: 'Lead',
  label: 'Lead',
  relationships: [],
  fields: [
    { name: 'LastName', label: 'Last Name', type: 'string', required: true, createable: true, updateable: true },
    { name: 'Started__c', label: 'Started', type: 'date', required: false, createable: true, updateable: true },
    { name: 'Phone', label: 'Phone', type: 'phone', required: true, createable: true, updateable: true },
  ],
}

describe('mapFields (seed "Create / Update / Only if empty")', () => {
  it('on create: static, dynamic and location values, each with its reason; dates cut to the day', () => {
    const w = mapFields({
      rows: [row('Status', { static: 'Open' }, ['create']), row('LinkedIn__c', { dynamic: 'person.linkedinUrl' }, ['create']), row('City', { location: 'city' }, ['create']), row('HQ__c', { location: 'city', from: 'company' }, ['create']), row('Started__c', { dynamic: 'jobStartedAt' }, ['create']), row('Title', { dynamic: 'person.title' }, ['update'])],
      signal,
      location: 'person',
      schema,
      current: null,
    })
    assert.deepEqual(w.fields, { Status: 'Open', LinkedIn__c: 'https://linkedin.com/in/jane', City: 'Boston', HQ__c: 'Berlin', Started__c: '2025-02-03' })
    assert.equal(w.reasons[0]?.detail, 'Status: static value "Open" on create')
  })

  it('on update: update overwrites a different value; update-if-empty fills only a blank field; blank sources never clear', () => {
    const w = mapFields({
      rows: [row('Title', { dynamic: 'person.title' }, ['create', 'update']), row('City', { location: 'city' }, ['update-if-empty']), row('Email', { dynamic: 'person.email' }, ['update-if-empty']), row('Phone', { dynamic: 'person.phone' }, ['update']), row('FirstName', { dynamic: 'person.firstName' }, ['create'])],
      signal,
      location: 'person',
      schema,
      current: { Title: 'Analyst', City: 'Chicago', Email: null, Phone: '+1 555', FirstName: 'J' },
    })
    assert.deepEqual(w.fields, { Title: 'VP Sales', Email: 'jane@acme.com' })
    assert.deepEqual(w.before, { Title: 'Analyst', Email: null })
    assert.deepEqual(w.reasons.map((r) => r.rule), ['field.update', 'field.kept', 'field.update-if-empty'])
  })

  it('reports a required field the signal leaves blank on create', () => {
    const w = mapFields({ rows: [row('Phone', { dynamic: 'person.phone' }, ['create'])], signal, location: 'person', schema, current: null })
    assert.deepEqual(w.missing, ['Phone'])
  })

  it('falls back to the domain for a company without a name', () => {
    const noName = signalSchema.parse({ person: { lastName: 'X' }, company: { website: 'https://www.initech.com/about' } })
    const w = mapFields({ rows: [row('Company', { dynamic: 'company.name' }, ['create'])], signal: noName, location: 'person', schema: undefined, current: null })
    assert.equal(w.fields.Company, 'initech.com')
    assert.match(w.reasons[0]!.detail, /the signal has no company name/)
  })
})
