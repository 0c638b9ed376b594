/** SOQL text building: literals as SOQL writes them, and IN lists sized for a GET URL. */

/** A quoted SOQL string literal with backslash escapes. */
export function soqlString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r')}'`
}

/** A SOQL datetime literal: unquoted, UTC, `2026-11-22T16:27:42.000Z`. */
export function soqlDateTime(iso: string): string {
  const ms = Date.parse(iso)
  if (Number.isNaN(ms)) throw new RangeError(`not a datetime: ${iso}`)
  return new Date(ms).toISOString()
}

/** A literal of a value compared with a field of the given describe type. */
export function soqlLiteral(type: string, value: string): string {
  if (['double', 'currency', 'percent', 'int', 'long'].includes(type) && Number.isFinite(Number(value))) return String(Number(value))
  if (type === 'boolean' && /^(true|false)$/i.test(value)) return value.toLowerCase()
  if (type === 'datetime') return soqlDateTime(value)
  return soqlString(value)
}

/**
 * Splits literals into IN lists short enough for the query URL (Salesforce refuses URIs past
 * about 16 KB) and small enough to keep each answer within one 2,000-record batch.
 */
export function chunkInList(literals: readonly string[], maxCount = 150, maxChars = 6000): string[][] {
  const out: string[][] = []
  let current: string[] = []
  let chars = 0
  for (const literal of literals) {
    const cost = encodeURIComponent(literal).length + 1
    if (current.length > 0 && (current.length >= maxCount || chars + cost > maxChars)) {
      out.push(current)
      current = []
      chars = 0
    }
    current.push(literal)
    chars += cost
  }
  if (current.length > 0) out.push(current)
  return out
}
