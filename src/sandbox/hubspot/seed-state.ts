import { associate } from './associate.js'
import { assocTypes } from './associations.js'
import { modifiedProperty } from './property-catalog.js'
import type { SimObjectType } from './property-catalog.js'
import { normalizeValue, parseTimestamp } from './property-values.js'
import { createRecord } from './record-writes.js'
import { customProperty } from './routes-properties.js'
import type { ParsedHubSpotSeed } from './seed.js'
import type { HubSpotState, SimRecord } from './state.js'

type SeedValue = string | number | boolean | null

function timestamp(value: SeedValue | undefined, fallback: number): number {
  if (value === undefined || value === null || value === '') return fallback
  const ms = parseTimestamp(String(value))
  if (ms === undefined) throw new Error(`hubspot seed: "${String(value)}" is not a timestamp`)
  return ms
}

/** Seeds may set what the API may not (create and modification times); the rest is validated. */
function seedRecord(state: HubSpotState, object: SimObjectType, input: { id?: string; properties: Record<string, SeedValue> }, at: number, where: string): SimRecord {
  const system = new Set(['createdate', 'hs_object_id', modifiedProperty(object)])
  const everyOwner = new Set(state.owners.keys())
  const values: Record<string, string | null> = {}
  for (const [name, raw] of Object.entries(input.properties)) {
    if (system.has(name)) continue
    const result = normalizeValue(state.properties[object].get(name), name, raw, everyOwner)
    if (!result.ok) throw new Error(`hubspot seed ${where}.properties.${name}: ${result.error.message}`)
    values[name] = result.value
  }
  const email = values.email
  if (object === 'contacts' && email && state.emails.has(email)) throw new Error(`hubspot seed ${where}: duplicate email ${email}`)
  if (input.id !== undefined) state.reserveId(object, input.id)
  const created = timestamp(input.properties.createdate, at)
  const record = createRecord(state, object, values, created, input.id)
  record.updatedAt = timestamp(input.properties[modifiedProperty(object)], created)
  return record
}

function seedOwners(state: HubSpotState, seed: ParsedHubSpotSeed, at: number): void {
  seed.owners.forEach((o, i) => {
    if (o.id !== undefined) state.reserveId('owners', o.id)
    const id = o.id ?? state.nextId('owners')
    state.owners.set(id, {
      id,
      email: o.email,
      firstName: o.firstName,
      lastName: o.lastName,
      userId: 9_120_000 + i,
      archived: o.archived ?? false,
      createdAt: at,
      updatedAt: at,
    })
  })
}

/** Links seeded records without moving their seeded modification times. */
function seedLink(state: HubSpotState, from: SimObjectType, record: SimRecord, toId: string, typeId: number, where: string): void {
  const keep = record.updatedAt
  const problem = associate(state, from, record.id, 'companies', toId, typeId, keep)
  if (problem) throw new Error(`hubspot seed ${where}: ${problem}`)
  record.updatedAt = keep
}

/** Fills an empty portal from a validated seed. */
export function seedState(state: HubSpotState, seed: ParsedHubSpotSeed): void {
  const at = state.now()
  for (const object of ['contacts', 'companies'] as const) {
    for (const def of seed.properties?.[object] ?? []) state.properties[object].set(def.name, customProperty(def, at))
  }
  seedOwners(state, seed, at)
  const companies = seed.companies.map((c, i) => seedRecord(state, 'companies', c, at, `companies[${i}]`))
  const contacts = seed.contacts.map((c, i) => seedRecord(state, 'contacts', c, at, `contacts[${i}]`))
  seed.companies.forEach((c, i) => {
    const record = companies[i]
    if (c.parentId !== undefined && record) seedLink(state, 'companies', record, c.parentId, assocTypes.childToParent, `companies[${i}].parentId`)
  })
  seed.contacts.forEach((c, i) => {
    const record = contacts[i]
    if (c.companyId !== undefined && record) seedLink(state, 'contacts', record, c.companyId, assocTypes.contactToCompanyPrimary, `contacts[${i}].companyId`)
  })
}
