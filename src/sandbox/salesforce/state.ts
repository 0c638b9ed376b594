import { counterOf, keyPrefixes, makeId, to18 } from './ids.js'
import { field, standardFields } from './describe-fields.js'
import type { SfFieldDescribe } from './describe-fields.js'
import type { ParsedSalesforceSeed, SalesforceCustomFieldSeed } from './seed.js'
import { formatSfDateTime } from './time.js'

export type SfValue = string | number | boolean | null
/** One stored record: field values by their canonical API names. */
export type SfRecord = Record<string, SfValue>

/** The objects the simulated org serves. */
export const sfObjects = ['Lead', 'Contact', 'Account', 'User'] as const

/** The in-memory org: records, schema, sessions and the API budget. */
export interface SalesforceState {
  readonly seed: ParsedSalesforceSeed
  readonly orgId: string
  /** Records by object, then by 18-character id; deleted records stay with `IsDeleted: true`. */
  readonly records: Map<string, Map<string, SfRecord>>
  /** Live session ids (access tokens) and the user each one runs as. */
  readonly sessions: Map<string, string>
  apiUsage: number
  /** Whether Salesforce serves this object. */
  hasObject(object: string): boolean
  /** The canonical object name for any casing, as Salesforce accepts it. */
  objectName(object: string): string | undefined
  fields(object: string): readonly SfFieldDescribe[]
  /** A field by name in any casing. */
  field(object: string, name: string): SfFieldDescribe | undefined
  newId(object: string): string
  now(): number
  /** The user the API runs as when a request does not say otherwise. */
  defaultUserId(): string
  /** Live (not deleted) records of an object. */
  live(object: string): SfRecord[]
  /** Stamps a created or changed record with its modification time and user. */
  touch(record: SfRecord, userId: string, created?: boolean): void
}

function customField(seed: SalesforceCustomFieldSeed): SfFieldDescribe {
  return field(seed.name, seed.type, {
    ...(seed.label !== undefined ? { label: seed.label } : {}),
    ...(seed.length !== undefined ? { length: seed.length } : {}),
    ...(seed.nillable !== undefined ? { nillable: seed.nillable } : {}),
    ...(seed.createable !== undefined ? { createable: seed.createable } : {}),
    ...(seed.updateable !== undefined ? { updateable: seed.updateable } : {}),
    ...(seed.defaultedOnCreate !== undefined ? { defaultedOnCreate: seed.defaultedOnCreate } : {}),
    referenceTo: seed.referenceTo ?? [],
    relationshipName: seed.relationshipName ?? (seed.type === 'reference' ? seed.name.replace(/__c$/, '__r') : null),
    picklist: seed.picklistValues ?? [],
    custom: true,
  })
}

/** Recomputes the compound `Name` of a person record, as Salesforce does on every save. */
export function computeName(object: string, record: SfRecord): void {
  if (object !== 'Lead' && object !== 'Contact' && object !== 'User') return
  const parts = [record.FirstName, record.LastName].filter((p) => typeof p === 'string' && p !== '')
  record.Name = parts.join(' ')
}

/** Creates the org from a validated seed; `now` is the simulator's clock. */
export function createSalesforceState(seed: ParsedSalesforceSeed, now: () => number): SalesforceState {
  const schema = new Map<string, SfFieldDescribe[]>()
  const byLower = new Map<string, Map<string, SfFieldDescribe>>()
  for (const object of sfObjects) {
    const fields = [...standardFields(object), ...(seed.customFields[object] ?? []).map(customField)]
    schema.set(object, fields)
    byLower.set(object, new Map(fields.map((f) => [f.name.toLowerCase(), f])))
  }
  const records = new Map<string, Map<string, SfRecord>>(sfObjects.map((o) => [o, new Map()]))
  const counters = new Map<string, number>()
  const state: SalesforceState = {
    seed,
    orgId: makeId(keyPrefixes.Organization!, 1),
    records,
    sessions: new Map(),
    apiUsage: seed.apiUsage,
    hasObject: (object) => records.has(object),
    objectName: (object) => sfObjects.find((o) => o.toLowerCase() === object.toLowerCase()),
    fields: (object) => schema.get(object) ?? [],
    field: (object, name) => byLower.get(object)?.get(name.toLowerCase()),
    newId(object) {
      const n = (counters.get(object) ?? 0) + 1
      counters.set(object, n)
      return makeId(keyPrefixes[object]!, n)
    },
    now,
    defaultUserId() {
      const users = [...records.get('User')!.values()]
      const named = users.find((u) => u.Username === seed.credentials.username)
      return String((named ?? users.find((u) => u.IsActive === true) ?? users[0])!.Id)
    },
    live: (object) => [...(records.get(object)?.values() ?? [])].filter((r) => r.IsDeleted !== true),
    touch(record, userId, created = false) {
      const stamp = formatSfDateTime(now())
      if (created) {
        record.CreatedDate = stamp
        record.CreatedById = userId
      }
      record.LastModifiedDate = stamp
      record.LastModifiedById = userId
      record.SystemModstamp = stamp
    },
  }
  loadSeed(state, counters)
  return state
}

function loadSeed(state: SalesforceState, counters: Map<string, number>): void {
  const { seed } = state
  const groups: [string, Record<string, SfValue>[]][] = [
    ['User', seed.users.map((u) => ({ ...u }))],
    ['Account', seed.accounts],
    ['Contact', seed.contacts],
    ['Lead', seed.leads],
  ]
  // Explicit ids first, so generated ones never collide with them.
  for (const [object, rows] of groups) {
    for (const row of rows) {
      const id = typeof row.Id === 'string' ? to18(row.Id) : undefined
      if (typeof row.Id === 'string' && id === undefined) throw new Error(`invalid Salesforce seed: ${object} Id "${row.Id}" is not a Salesforce id`)
      if (id !== undefined && id.startsWith(keyPrefixes[object]! + '8c0')) counters.set(object, Math.max(counters.get(object) ?? 0, counterOf(id)))
    }
  }
  for (const [object, rows] of groups) {
    for (const row of rows) {
      const record = seedRecord(state, object, row)
      state.records.get(object)!.set(String(record.Id), record)
    }
  }
}

function seedRecord(state: SalesforceState, object: string, row: Record<string, SfValue>): SfRecord {
  const record: SfRecord = {}
  for (const [name, value] of Object.entries(row)) {
    const f = state.field(object, name)
    if (!f) throw new Error(`invalid Salesforce seed: ${object} has no field "${name}"`)
    record[f.name] = f.type === 'id' || f.type === 'reference' ? (typeof value === 'string' ? (to18(value) ?? value) : value) : value
  }
  record.Id ??= state.newId(object)
  record.IsDeleted ??= false
  const stamp = formatSfDateTime(state.now())
  record.CreatedDate ??= stamp
  record.LastModifiedDate ??= record.CreatedDate
  record.SystemModstamp ??= record.LastModifiedDate
  if (object !== 'User') {
    record.OwnerId ??= state.defaultUserId()
    record.CreatedById ??= record.OwnerId
    record.LastModifiedById ??= record.CreatedById
  }
  if (object === 'Lead') {
    record.IsConverted ??= false
    record.Status ??= 'Open - Not Contacted'
  }
  computeName(object, record)
  return record
}
