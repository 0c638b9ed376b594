import type { SfFieldDescribe } from './describe-fields.js'
import { keyPrefixes, to18 } from './ids.js'
import { saveError } from './errors.js'
import type { SaveError } from './errors.js'
import type { SalesforceState, SfValue } from './state.js'
import { formatSfDateTime, parseSfDateTime } from './time.js'

const textTypes = new Set(['string', 'textarea', 'phone', 'url', 'email', 'picklist', 'multipicklist', 'combobox'])
const numberTypes = new Set(['double', 'currency', 'int', 'percent'])
// Close to what Salesforce accepts: something@domain.tld, no spaces.
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

export type Checked = { readonly ok: true; readonly value: SfValue } | { readonly ok: false; readonly error: SaveError }

const bad = (error: SaveError): Checked => ({ ok: false, error })

/** Checks and normalizes one written value against its field, with Salesforce's per-record errors. */
export function checkValue(state: SalesforceState, f: SfFieldDescribe, raw: unknown): Checked {
  if (raw === null || raw === undefined || raw === '') return { ok: true, value: null }
  if (textTypes.has(f.type)) return checkText(f, raw)
  if (numberTypes.has(f.type)) {
    const n = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw) : Number.NaN
    if (!Number.isFinite(n)) return bad(saveError('INVALID_TYPE_ON_FIELD_IN_RECORD', `${f.label}: value not of required type: ${String(raw)}`, [f.name]))
    return { ok: true, value: f.type === 'int' ? Math.trunc(n) : n }
  }
  if (f.type === 'boolean') {
    if (typeof raw === 'boolean') return { ok: true, value: raw }
    if (raw === 'true' || raw === 'false') return { ok: true, value: raw === 'true' }
    return bad(saveError('INVALID_TYPE_ON_FIELD_IN_RECORD', `${f.label}: value not of required type: ${String(raw)}`, [f.name]))
  }
  if (f.type === 'datetime') {
    const ms = typeof raw === 'string' ? parseSfDateTime(raw.length === 10 ? `${raw}T00:00:00Z` : raw) : Number.NaN
    if (Number.isNaN(ms)) return bad(saveError('INVALID_TYPE_ON_FIELD_IN_RECORD', `${f.label}: value not of required type: ${String(raw)}`, [f.name]))
    return { ok: true, value: formatSfDateTime(ms) }
  }
  if (f.type === 'date') {
    if (typeof raw !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(raw)) return bad(saveError('INVALID_TYPE_ON_FIELD_IN_RECORD', `${f.label}: value not of required type: ${String(raw)}`, [f.name]))
    return { ok: true, value: raw.slice(0, 10) }
  }
  if (f.type === 'reference') return checkReference(state, f, raw)
  return { ok: true, value: typeof raw === 'object' ? JSON.stringify(raw) : (raw as SfValue) }
}

function checkText(f: SfFieldDescribe, raw: unknown): Checked {
  if (typeof raw === 'object') return bad(saveError('INVALID_TYPE_ON_FIELD_IN_RECORD', `${f.label}: value not of required type: ${JSON.stringify(raw)}`, [f.name]))
  const value = String(raw)
  if (f.length > 0 && value.length > f.length) {
    return bad(saveError('STRING_TOO_LONG', `${f.label}: data value too large: ${value.slice(0, 50)} (max length=${f.length})`, [f.name]))
  }
  if (f.type === 'email' && !emailPattern.test(value)) return bad(saveError('INVALID_EMAIL_ADDRESS', `${f.label}: invalid email address: ${value}`, [f.name]))
  if (f.type === 'picklist' && f.restrictedPicklist && !f.picklistValues.some((p) => p.value === value)) {
    return bad(saveError('INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', `${f.label}: bad value for restricted picklist field: ${value}`, [f.name]))
  }
  return { ok: true, value }
}

function checkReference(state: SalesforceState, f: SfFieldDescribe, raw: unknown): Checked {
  const text = String(raw)
  const id = to18(text)
  if (id === undefined) return bad(saveError('MALFORMED_ID', `${f.label}: id value of incorrect type: ${text}`, [f.name]))
  const target = f.referenceTo.find((o) => keyPrefixes[o] === id.slice(0, 3))
  if (!target) return bad(saveError('FIELD_INTEGRITY_EXCEPTION', `${f.label}: id value of incorrect type: ${text}`, [f.name]))
  const record = state.records.get(target)?.get(id)
  if (!record) {
    // Queues (Group) are not simulated: any well-formed queue id is accepted as an owner.
    if (target === 'Group') return { ok: true, value: id }
    return bad(saveError('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', [f.name]))
  }
  if (record.IsDeleted === true) return bad(saveError('ENTITY_IS_DELETED', 'entity is deleted', [f.name]))
  return { ok: true, value: id }
}
