import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { mappingSchema } from '../../domain/config/mapping-config.js'
import { resolveMapping } from '../../domain/mapping.js'
import { mappedFields } from './mapped-fields.js'

const mapping = resolveMapping(
  'people',
  mappingSchema.parse({
    entity: 'person',
    systems: [{ system: 'sugar', objects: ['Leads', 'Contacts'] }, { system: 'hubspot', objects: ['contacts'] }],
    match: ['email'],
    fields: [
      { name: 'email', sugar: 'email1', hubspot: 'email' },
      { sugar: { Leads: 'account_name', Contacts: 'department' }, hubspot: 'company' },
      { sugar: { Leads: 'owner.fullName' }, hubspot: 'owner_name', direction: 'sugar -> hubspot' },
    ],
    filters: [{ system: 'hubspot', field: 'lifecyclestage', op: 'present' }],
  }),
)

describe('mappedFields: what a sync asks a system for', () => {
  it("names every row's field in that object, per object where the paths differ", () => {
    assert.deepEqual([...mappedFields(mapping, 'sugar', 'Leads')].sort(), ['account_name', 'email1'])
    assert.deepEqual([...mappedFields(mapping, 'sugar', 'Contacts')].sort(), ['department', 'email1'])
  })

  it("adds the system's filter fields and leaves paths through the owner to refs", () => {
    assert.deepEqual([...mappedFields(mapping, 'hubspot', 'contacts')].sort(), ['company', 'email', 'lifecyclestage', 'owner_name'])
    assert.ok(!mappedFields(mapping, 'sugar', 'Leads').some((f) => f.includes('.')))
  })
})
