import type { FieldSchema } from '../../domain/object-schema.js'
import type { FieldValue } from '../../domain/records.js'

/**
 * A source value in the shape the field takes: dates cut to the day, datetimes as ISO UTC,
 * numbers and booleans parsed from text. Checks at load time make sure only sensible pairs
 * reach here; anything that still does not fit is sent as text and the CRM says why.
 */
export function toFieldValue(value: string | number | boolean | null, field: FieldSchema | undefined): FieldValue {
  if (value === null) return null
  if (field === undefined) return value
  switch (field.type) {
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : value
    case 'datetime': {
      if (typeof value !== 'string') return value
      const iso = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00.000Z` : value
      const ms = Date.parse(iso)
      return Number.isNaN(ms) ? value : new Date(ms).toISOString()
    }
    case 'number': {
      const n = typeof value === 'number' ? value : Number(value)
      return Number.isFinite(n) ? n : value
    }
    case 'boolean':
      return typeof value === 'boolean' ? value : /^true$/i.test(String(value)) ? true : /^false$/i.test(String(value)) ? false : value
    default:
      return typeof value === 'string' ? value : String(value)
  }
}
