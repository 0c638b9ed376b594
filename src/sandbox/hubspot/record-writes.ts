import { associate, typeEnds } from './associate.js'
import type { SimResponse } from '../kit/http-server.js'
import { conflict, errorResponse, propertyErrors } from './errors.js'
import type { CategorizedError } from './errors.js'
import { isUniqueProperty } from './property-catalog.js'
import type { SimObjectType } from './property-catalog.js'
import { normalizeValue } from './property-values.js'
import type { PropertyValueError } from './property-values.js'
import type { HubSpotState, SimRecord } from './state.js'

/** A write HubSpot refused, with the status a single-record call would answer. */
export interface WriteRefusal {
  readonly status: number
  readonly body: CategorizedError
}

/** The answer of a refused single-record write, with a fresh correlation id. */
export function refusalResponse(state: HubSpotState, refusal: WriteRefusal): SimResponse {
  return errorResponse(refusal.status, { ...refusal.body, correlationId: state.correlationId() })
}

/** Properties ready to write, or the refusal a write would get. */
export type Prepared = { readonly ok: true; readonly values: Record<string, string | null> } | { readonly ok: false; readonly refusal: WriteRefusal }

/** An association given inline with a create, as `POST …/batch/create` takes it. */
export interface InlineAssociation {
  readonly to?: { readonly id?: unknown }
  readonly types?: readonly { readonly associationCategory?: unknown; readonly associationTypeId?: unknown }[]
}

function uniqueHolder(state: HubSpotState, object: SimObjectType, name: string, value: string, selfId: string | undefined): string | undefined {
  if (object === 'contacts' && name === 'email') {
    const holder = state.emails.get(value)
    return holder !== selfId ? holder : undefined
  }
  for (const record of state.records[object].values()) {
    if (record.id !== selfId && !record.archived && record.properties[name] === value) return record.id
  }
  return undefined
}

/**
 * Validates and normalizes the properties of one create or update: every invalid value is
 * listed (400 VALIDATION_ERROR); a unique value held by another record is a 409 CONFLICT.
 */
export function prepareProperties(state: HubSpotState, object: SimObjectType, input: unknown, selfId?: string): Prepared {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return { ok: false, refusal: { status: 400, body: propertyErrors([{ name: 'properties', error: 'INVALID_PROPERTY_VALUE', message: 'properties must be an object' }], state.portalId) } }
  }
  const defs = state.properties[object]
  const owners = state.activeOwnerIds()
  const values: Record<string, string | null> = {}
  const errors: PropertyValueError[] = []
  for (const [name, raw] of Object.entries(input)) {
    const result = normalizeValue(defs.get(name), name, raw, owners)
    if (result.ok) values[name] = result.value
    else errors.push(result.error)
  }
  if (errors.length > 0) return { ok: false, refusal: { status: 400, body: propertyErrors(errors, state.portalId) } }
  for (const [name, value] of Object.entries(values)) {
    if (value === null || !isUniqueProperty(object, defs.get(name))) continue
    const holder = uniqueHolder(state, object, name, value, selfId)
    if (holder !== undefined) return { ok: false, refusal: { status: 409, body: conflict(holder, object) } }
  }
  return { ok: true, values }
}

function indexEmail(state: HubSpotState, object: SimObjectType, record: SimRecord, previous: string | null | undefined): void {
  if (object !== 'contacts') return
  const email = record.properties.email ?? null
  if (previous && previous !== email) state.emails.delete(previous)
  if (email) state.emails.set(email, record.id)
}

/** Creates a record from prepared values; `id` is given only when seeding. */
export function createRecord(state: HubSpotState, object: SimObjectType, values: Record<string, string | null>, at: number, id?: string): SimRecord {
  const recordId = id ?? state.nextId(object)
  const properties: Record<string, string | null> = {}
  for (const [name, value] of Object.entries(values)) if (value !== null) properties[name] = value
  const record: SimRecord = { id: recordId, properties, createdAt: at, updatedAt: at, archived: false }
  state.records[object].set(recordId, record)
  indexEmail(state, object, record, undefined)
  state.changes.listener?.({ object, id: recordId, kind: 'creation', at })
  return record
}

/** Applies prepared values to a record; every write moves its last-modified time. */
export function updateRecord(state: HubSpotState, object: SimObjectType, record: SimRecord, values: Record<string, string | null>, at: number): void {
  const previousEmail = record.properties.email
  const changed: string[] = []
  for (const [name, value] of Object.entries(values)) {
    if ((record.properties[name] ?? null) !== value) changed.push(name)
    if (value === null) delete record.properties[name]
    else record.properties[name] = value
  }
  record.updatedAt = at
  indexEmail(state, object, record, previousEmail)
  // HubSpot sends a property change only when the value changed, one event per property.
  for (const name of changed) state.changes.listener?.({ object, id: record.id, kind: 'propertyChange', propertyName: name, propertyValue: record.properties[name] ?? null, at })
}

/** Checks inline associations before a create; answers the refusal for the first bad one. */
export function checkInlineAssociations(state: HubSpotState, object: SimObjectType, list: unknown): WriteRefusal | undefined {
  if (list === undefined) return undefined
  if (!Array.isArray(list)) return invalidAssociation(state, 'associations must be a list')
  for (const item of list as InlineAssociation[]) {
    const toId = String(item.to?.id ?? '')
    for (const type of item.types ?? []) {
      const ends = typeEnds(Number(type.associationTypeId))
      if (!ends || ends.from !== object) return invalidAssociation(state, `association type ${String(type.associationTypeId)} is not valid from ${object}`)
      const target = state.records[ends.to].get(toId)
      if (!target || target.archived) return invalidAssociation(state, `${ends.to === 'companies' ? 'COMPANY' : 'CONTACT'} ${toId} does not exist`)
    }
  }
  return undefined
}

function invalidAssociation(state: HubSpotState, message: string): WriteRefusal {
  return { status: 400, body: { status: 'error', message: `Invalid association: ${message}`, category: 'VALIDATION_ERROR', context: { portalId: [String(state.portalId)] } } }
}

/** Applies inline associations of a created record (already checked). */
export function applyInlineAssociations(state: HubSpotState, object: SimObjectType, id: string, list: unknown, at: number): void {
  if (!Array.isArray(list)) return
  for (const item of list as InlineAssociation[]) {
    for (const type of item.types ?? []) {
      const typeId = Number(type.associationTypeId)
      const ends = typeEnds(typeId)
      if (ends) associate(state, object, id, ends.to, String(item.to?.id ?? ''), typeId, at)
    }
  }
}
