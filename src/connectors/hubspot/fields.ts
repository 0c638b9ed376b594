import type { FieldValue, RecordRefs, RemoteRecord } from '../../domain/records.js'
import { mirrorProperty, modifiedProperty, ownerProperty } from './properties.js'
import type { HubSpotObject, PropertyInfo } from './properties.js'

/** A record as the official client hands it back (only what revsync reads). */
export interface SdkObject {
  readonly id: string
  readonly properties: Readonly<Record<string, string | null>>
  readonly updatedAt?: Date
  readonly archived?: boolean
}

/** HubSpot sends every value as text; numbers and booleans become typed values, blanks null. */
export function parseValue(info: PropertyInfo | undefined, raw: string | null | undefined): FieldValue {
  if (raw === null || raw === undefined || raw === '') return null
  // Record ids are numeric properties but identifiers, kept as text like every other id.
  if (info?.type === 'number' && info.name !== 'hs_object_id') {
    const n = Number(raw)
    return Number.isFinite(n) ? n : raw
  }
  if (info?.type === 'bool') return raw === 'true'
  return raw
}

/** The text HubSpot takes for a value; an empty string clears the property. */
export function wireValue(value: FieldValue): string {
  if (value === null) return ''
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  return String(value)
}

/** Epoch milliseconds of a record's last modification, from the cursor property. */
export function modifiedMs(object: HubSpotObject, obj: SdkObject): number {
  const raw = obj.properties[modifiedProperty(object)]
  const ms = raw ? Date.parse(raw) : Number.NaN
  return Number.isNaN(ms) ? (obj.updatedAt?.getTime() ?? 0) : ms
}

/**
 * Translates a HubSpot record into revsync's shape: owner, primary company and parent company
 * go to `refs`, every other property to `fields`.
 */
export function toRemoteRecord(object: HubSpotObject, obj: SdkObject, byName: ReadonlyMap<string, PropertyInfo>): RemoteRecord {
  const mirror = mirrorProperty[object]
  const fields: Record<string, FieldValue> = {}
  for (const [name, raw] of Object.entries(obj.properties)) {
    if (name === ownerProperty || name === mirror.name) continue
    fields[name] = parseValue(byName.get(name), raw)
  }
  const refs: Partial<Record<'owner' | 'company' | 'parent', string | null>> = {}
  if (ownerProperty in obj.properties) refs.owner = obj.properties[ownerProperty] || null
  if (mirror.name in obj.properties) refs[mirror.ref] = obj.properties[mirror.name] || null
  const record = { id: obj.id, object, fields, refs: refs as RecordRefs, modifiedAt: new Date(modifiedMs(object, obj)).toISOString() }
  return obj.archived ? { ...record, deleted: true } : record
}

/** Properties by name, for typed parsing. */
export function propertyIndex(properties: readonly PropertyInfo[]): ReadonlyMap<string, PropertyInfo> {
  return new Map(properties.map((p) => [p.name, p]))
}
