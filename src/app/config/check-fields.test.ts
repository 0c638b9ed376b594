import { it } from 'node:test'
import assert from 'node:assert/strict'
import { checkFields } from '../../domain/config/check-fields.js'
import type { SchemaCatalog } from '../../domain/config/check-fields.js'
import type { FieldSchema, ObjectSchema } from '../../domain/object-schema.js'
import { parseConfigText } from './load-config.js'
import { formatIssue } from './config-error.js'

const field = (name: string, type: FieldSchema['type'], extra: Partial<FieldSchema> = {}): FieldSchema => ({ name, label: name, type, required: false, createable: true, updateable: true, ...extra })
const object = (name: string, fields: FieldSchema[]): ObjectSchema => ({ object: name, label: name, fields, relationships: [] })

const catalog: SchemaCatalog = new Map([
  ['sugar', new Map([['Leads', object('Leads', [field('email1', 'email'), field('last_name', 'string', { required: true }), field('title', 'string'), field('do_not_call', 'boolean'), field('name', 'string', { createable: false, updateable: false })])]])],
  ['hubspot', new Map([['contacts', object('contacts', [field('email', 'email'), field('jobtitle', 'string'), field('lastname', 'string'), field('num_visits', 'number'), field('hs_object_id', 'id', { createable: false, updateable: false })])]])],
])

const config = (rows: string) => `systems:
  sugar:
    kind: sugarcrm
    url: http://127.0.0.1:1
    auth: { username: a, password: b }
  hubspot:
    kind: hubspot
    url: http://127.0.0.1:2
    auth: { token: pat-x }
mappings:
  people:
    entity: person
    systems:
      - system: sugar
        objects: [Leads]
      - system: hubspot
        objects: [contacts]
    fields:
      - { sugar: email1, hubspot: email }
${rows}`

function check(rows: string): string[] {
  const loaded = parseConfigText(config(rows), 'revsync.yaml', {})
  return loaded.locate(checkFields(loaded.config, catalog)).map(formatIssue)
}

it('names an unknown field with its line and the closest real one', () => {
  assert.deepEqual(check('      - { sugar: last_name, hubspot: lastname }\n      - { sugar: title, hubspot: jobtitel }\n'), [
    'revsync.yaml:21 mappings.people.fields[2].hubspot: hubspot contacts has no field "jobtitel"; did you mean "jobtitle"? (run revsync refresh-fields if it was just created)',
  ])
})

it('refuses writes into read-only fields and allows reading them one way', () => {
  assert.deepEqual(check('      - { sugar: last_name, hubspot: lastname }\n      - { sugar: name, hubspot: jobtitle }\n'), [
    'revsync.yaml:21 mappings.people.fields[2].sugar: sugar Leads.name is read-only; make the row one way from sugar, e.g. direction: "sugar -> <other system>"',
  ])
  assert.deepEqual(check('      - { sugar: last_name, hubspot: lastname }\n      - { sugar: name, hubspot: jobtitle, direction: sugar -> hubspot }\n'), [])
})

it('reports a required field of a created object that no row fills', () => {
  assert.deepEqual(check('      - { sugar: title, hubspot: jobtitle }\n'), [
    'revsync.yaml:19 mappings.people.fields: sugar Leads requires "last_name" (last_name) on create and no row fills it; add a row with sugar: last_name, or set create: false for sugar in this mapping',
  ])
})

it('reports a type mismatch, and lets anything flow into text', () => {
  assert.deepEqual(check('      - { sugar: last_name, hubspot: lastname }\n      - { sugar: do_not_call, hubspot: num_visits }\n'), [
    'revsync.yaml:21 mappings.people.fields[2].sugar: hubspot num_visits is number but sugar do_not_call is boolean; map fields of the same kind, or map into a text field',
  ])
  assert.deepEqual(check('      - { sugar: last_name, hubspot: lastname }\n      - { sugar: do_not_call, hubspot: jobtitle, direction: sugar -> hubspot }\n'), [])
})

it('asks for no required field of a system that only feeds one-way rows, which never gets a create', () => {
  const required = (rows: string) => {
    const loaded = parseConfigText(config(rows).replace('      - { sugar: email1, hubspot: email }\n', ''), 'revsync.yaml', {})
    return loaded.locate(checkFields(loaded.config, catalog)).map(formatIssue).filter((l) => l.includes('requires'))
  }
  assert.deepEqual(required('      - { sugar: email1, hubspot: email, direction: sugar -> hubspot }\n      - { sugar: title, hubspot: jobtitle, direction: sugar -> hubspot }\n'), [])
  assert.equal(required('      - { sugar: email1, hubspot: email, direction: sugar -> hubspot }\n      - { sugar: title, hubspot: jobtitle, direction: hubspot -> sugar }\n').length, 1)
})
