import type { FieldValue } from '../domain/records.js'

/** Trims text and turns blank (empty, whitespace, null) into null: the seed's "blank". */
export function normalizeValue(value: FieldValue | undefined): FieldValue {
  if (value === undefined || value === null) return null
  if (typeof value === 'string') {
    const trimmed = value.trim()
    return trimmed === '' ? null : trimmed
  }
  return value
}

/** True for null (after normalization). */
export function isBlank(value: FieldValue | undefined): boolean {
  return normalizeValue(value) === null
}

/**
 * Compares two values as the row says. Systems disagree on types (HubSpot returns every
 * property as text, Sugar returns numbers and booleans), so values compare as text.
 */
export function sameValue(a: FieldValue | undefined, b: FieldValue | undefined, compare: 'exact' | 'ignore-case'): boolean {
  const x = normalizeValue(a)
  const y = normalizeValue(b)
  if (x === null || y === null) return x === y
  const sx = String(x)
  const sy = String(y)
  return compare === 'ignore-case' ? sx.toLowerCase() === sy.toLowerCase() : sx === sy
}

/** A value as people read it in plans and explanations. */
export function showValue(value: FieldValue | undefined): string {
  const v = normalizeValue(value)
  return v === null ? '(blank)' : JSON.stringify(v)
}
