import { defaultReturnedProperties, modifiedProperty } from './property-catalog.js'
import type { SimObjectType } from './property-catalog.js'
import type { HubSpotState, SimRecord } from './state.js'

/** A record as the v3 objects API answers it. */
export interface PublicObject {
  readonly id: string
  readonly properties: Record<string, string | null>
  readonly createdAt: string
  readonly updatedAt: string
  readonly archived: boolean
  readonly archivedAt?: string
  readonly objectWriteTraceId?: string
}

const iso = (ms: number): string => new Date(ms).toISOString()

/** A property's value as HubSpot reports it; ids and system timestamps are computed. */
export function propertyValue(object: SimObjectType, record: SimRecord, name: string): string | null {
  if (name === 'hs_object_id') return record.id
  if (name === 'createdate') return iso(record.createdAt)
  if (name === modifiedProperty(object)) return iso(record.updatedAt)
  return record.properties[name] ?? null
}

/**
 * Serializes a record with the requested properties (unknown names are left out, known ones
 * come back as null when blank) or the object's default set when none are requested.
 */
export function toPublicObject(state: HubSpotState, object: SimObjectType, record: SimRecord, requested: readonly string[] | undefined): PublicObject {
  const names = requested && requested.length > 0 ? requested.filter((n) => state.properties[object].has(n)) : defaultReturnedProperties(object)
  const properties: Record<string, string | null> = {}
  for (const name of names) properties[name] = propertyValue(object, record, name)
  return envelope(record, properties)
}

/** Serializes a record after a write: what was set, plus the system properties. */
export function toWrittenObject(object: SimObjectType, record: SimRecord, traceId?: string): PublicObject {
  const properties: Record<string, string | null> = { ...record.properties }
  for (const name of ['hs_object_id', 'createdate', modifiedProperty(object)]) properties[name] = propertyValue(object, record, name)
  const out = envelope(record, properties)
  return traceId === undefined ? out : { ...out, objectWriteTraceId: traceId }
}

function envelope(record: SimRecord, properties: Record<string, string | null>): PublicObject {
  const base = { id: record.id, properties, createdAt: iso(record.createdAt), updatedAt: iso(record.updatedAt), archived: record.archived }
  return record.archivedAt === undefined ? base : { ...base, archivedAt: iso(record.archivedAt) }
}

/** Reads the `properties` query parameter, given comma-separated and/or repeated. */
export function requestedProperties(query: URLSearchParams): string[] | undefined {
  const values = query.getAll('properties').flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '')
  return values.length > 0 ? values : undefined
}
