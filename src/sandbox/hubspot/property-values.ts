import type { SimProperty } from './property-catalog.js'

/** One invalid property value, in the shape HubSpot lists inside "Property values were not valid". */
export interface PropertyValueError {
  readonly name: string
  /** HubSpot's code: `INVALID_OPTION`, `PROPERTY_DOESNT_EXIST`, `READ_ONLY_VALUE`, … */
  readonly error: string
  readonly message: string
}

/** A value ready to store, or why HubSpot would refuse it. */
export type NormalizedValue = { readonly ok: true; readonly value: string | null } | { readonly ok: false; readonly error: PropertyValueError }

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

function fail(name: string, error: string, message: string): NormalizedValue {
  return { ok: false, error: { name, error, message } }
}

/** Parses a datetime given as epoch milliseconds or ISO-8601 text. */
export function parseTimestamp(text: string): number | undefined {
  if (/^-?\d+$/.test(text)) return Number(text)
  const ms = Date.parse(text)
  return Number.isNaN(ms) ? undefined : ms
}

function optionError(prop: SimProperty, value: string, allowed: readonly string[]): NormalizedValue {
  const list = allowed.map((v) => `label: "${v}"\nvalue: "${v}"`).join(', ')
  return fail(prop.name, 'INVALID_OPTION', `${value} was not one of the allowed options: [${list}]`)
}

function enumeration(prop: SimProperty, value: string, activeOwners: ReadonlySet<string>): NormalizedValue {
  if (prop.referencedObjectType === 'OWNER') {
    return activeOwners.has(value) ? { ok: true, value } : optionError(prop, value, [...activeOwners].slice(0, 10))
  }
  const allowed = prop.options.map((o) => o.value)
  const parts = prop.fieldType === 'checkbox' ? value.split(';') : [value]
  const bad = parts.find((p) => !allowed.includes(p))
  return bad === undefined ? { ok: true, value } : optionError(prop, bad, allowed)
}

function typed(prop: SimProperty, value: string): NormalizedValue {
  switch (prop.type) {
    case 'number':
      return Number.isFinite(Number(value)) ? { ok: true, value } : fail(prop.name, 'INVALID_DECIMAL', `${value} is not a valid number.`)
    case 'bool':
      return value === 'true' || value === 'false' ? { ok: true, value } : fail(prop.name, 'INVALID_BOOLEAN', `${value} is not a valid boolean; use true or false.`)
    case 'datetime': {
      const ms = parseTimestamp(value)
      return ms === undefined ? fail(prop.name, 'INVALID_DATETIME', `${value} is not a valid datetime.`) : { ok: true, value: new Date(ms).toISOString() }
    }
    case 'date': {
      const ms = parseTimestamp(value)
      if (ms === undefined || ms % 86_400_000 !== 0) return fail(prop.name, 'INVALID_DATE', `${value} is not a valid date: use midnight UTC.`)
      return { ok: true, value: new Date(ms).toISOString().slice(0, 10) }
    }
    default:
      return { ok: true, value }
  }
}

/**
 * Checks and normalizes one value the way HubSpot does on a write: unknown and read-only
 * properties, allowed options (owners must be active), number/date formats, email format.
 * An empty string clears the property.
 */
export function normalizeValue(
  prop: SimProperty | undefined,
  name: string,
  raw: unknown,
  activeOwners: ReadonlySet<string>,
): NormalizedValue {
  if (!prop) return fail(name, 'PROPERTY_DOESNT_EXIST', `Property "${name}" does not exist`)
  if (prop.readOnlyValue) return fail(name, 'READ_ONLY_VALUE', `"${name}" is a read only property; its value cannot be set.`)
  if (raw === null || raw === undefined || raw === '') return { ok: true, value: null }
  if (typeof raw === 'object') return fail(name, 'INVALID_PROPERTY_VALUE', `${JSON.stringify(raw)} is not a valid value for ${name}`)
  const value = String(raw)
  if (name === 'email') {
    const email = value.trim().toLowerCase()
    return emailPattern.test(email) ? { ok: true, value: email } : fail(name, 'INVALID_EMAIL', `Email address ${value} is invalid`)
  }
  if (prop.type === 'enumeration') return enumeration(prop, value, activeOwners)
  return typed(prop, value)
}
