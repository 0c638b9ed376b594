import { isUniqueProperty } from './property-catalog.js'
import type { SimObjectType } from './property-catalog.js'
import type { HubSpotState, SimRecord } from './state.js'

/** Why an `idProperty` cannot identify records (it must be a unique property), or nothing. */
export function idPropertyProblem(state: HubSpotState, object: SimObjectType, idProperty: unknown): string | undefined {
  if (idProperty === undefined || idProperty === null || idProperty === 'hs_object_id') return undefined
  if (typeof idProperty !== 'string') return 'idProperty must be a property name'
  const def = state.properties[object].get(idProperty)
  if (!def) return `Property "${idProperty}" does not exist`
  if (!isUniqueProperty(object, def)) return `${idProperty} is not a unique identifier property; idProperty must name a property with unique values`
  return undefined
}

/** Finds a live record by id or by the value of a unique property (emails ignore case). */
export function findRecord(state: HubSpotState, object: SimObjectType, value: string, idProperty?: unknown): SimRecord | undefined {
  const records = state.records[object]
  let record: SimRecord | undefined
  if (idProperty === undefined || idProperty === null || idProperty === 'hs_object_id') record = records.get(value)
  else if (object === 'contacts' && idProperty === 'email') {
    const id = state.emails.get(value.trim().toLowerCase())
    record = id === undefined ? undefined : records.get(id)
  } else {
    for (const r of records.values()) if (r.properties[String(idProperty)] === value) record = r
  }
  return record && !record.archived ? record : undefined
}

/** HubSpot's upper-case name of an object type in messages, e.g. `CONTACT`. */
export function objectNoun(object: SimObjectType): string {
  return object === 'contacts' ? 'CONTACT' : 'COMPANY'
}
