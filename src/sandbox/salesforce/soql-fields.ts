import type { SfFieldDescribe } from './describe-fields.js'
import { queryErrorMessage, SoqlError } from './soql-parser.js'
import type { SalesforceState, SfRecord, SfValue } from './state.js'

/** A field path of a query resolved against the schema: `Email` or `Owner.Email`. */
export interface ResolvedPath {
  /** Canonical names, e.g. `['Owner', 'Email']`. */
  readonly parts: readonly string[]
  /** The describe of the last field. */
  readonly describe: SfFieldDescribe
  /** For a relationship path: the lookup field on the queried object and its target. */
  readonly via?: { readonly field: string; readonly object: string }
}

/** Resolves a path as SOQL does, case-insensitively; throws INVALID_FIELD as Salesforce words it. */
export function resolvePath(state: SalesforceState, object: string, path: string, text: string, pos: number): ResolvedPath {
  const parts = path.split('.')
  if (parts.length === 1) {
    const describe = state.field(object, path)
    if (!describe) throw noSuchColumn(text, pos, path, object)
    return { parts: [describe.name], describe }
  }
  if (parts.length !== 2) throw new SoqlError('INVALID_FIELD', queryErrorMessage(text, pos, `Didn't understand relationship '${parts.slice(0, -1).join('.')}' in field path.`))
  const [relationship, name] = parts as [string, string]
  const lookup = state.fields(object).find((f) => f.relationshipName?.toLowerCase() === relationship.toLowerCase())
  if (!lookup) {
    const reason = `Didn't understand relationship '${relationship}' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.`
    throw new SoqlError('INVALID_FIELD', queryErrorMessage(text, pos, reason))
  }
  // A polymorphic owner (User or Group) resolves to User for the fields the simulator serves.
  const target = lookup.referenceTo.includes('User') ? 'User' : lookup.referenceTo[0]!
  const describe = state.field(target, name)
  if (!describe) throw noSuchColumn(text, pos, path, object)
  return { parts: [lookup.relationshipName!, describe.name], describe, via: { field: lookup.name, object: target } }
}

function noSuchColumn(text: string, pos: number, path: string, object: string): SoqlError {
  const reason = `No such column '${path}' on entity '${object}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`
  return new SoqlError('INVALID_FIELD', queryErrorMessage(text, pos, reason))
}

/** The record a lookup points to, if it exists. */
export function related(state: SalesforceState, path: ResolvedPath, record: SfRecord): SfRecord | undefined {
  if (!path.via) return undefined
  const id = record[path.via.field]
  return typeof id === 'string' ? state.records.get(path.via.object)?.get(id) : undefined
}

/** The value of a path on a record, following one lookup for relationship paths. */
export function valueAt(state: SalesforceState, path: ResolvedPath, record: SfRecord): SfValue | Record<string, SfValue> {
  if (path.describe.type === 'address') return compoundAddress(path.describe.name, path.via ? related(state, path, record) : record)
  if (!path.via) return record[path.describe.name] ?? null
  return related(state, path, record)?.[path.describe.name] ?? null
}

/** Builds a compound address field (`BillingAddress`) from its parts, as the API answers it. */
function compoundAddress(name: string, record: SfRecord | undefined): Record<string, SfValue> | null {
  if (!record) return null
  const prefix = name.replace(/Address$/, '')
  const parts = {
    city: record[`${prefix}City`] ?? null,
    country: record[`${prefix}Country`] ?? null,
    geocodeAccuracy: null,
    latitude: null,
    longitude: null,
    postalCode: record[`${prefix}PostalCode`] ?? null,
    state: record[`${prefix}State`] ?? null,
    street: record[`${prefix}Street`] ?? null,
  }
  return Object.values(parts).every((v) => v === null) ? null : parts
}
