import type { FieldError, RawRecord } from './read-records.js'

/** A field name as compared: lower case, without spaces, `_` or `-` (`First Name` = `first_name` = `firstName`). */
export function canonicalKey(key: string): string {
  return key.toLowerCase().replace(/[\s_-]/g, '')
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list'
  if (value === null) return 'null'
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`
}

/**
 * The fields of one line, found by canonical name, with errors collected per field. Every
 * field taken is marked, so the fields nobody read can be reported as ignored.
 */
export class RecordFields {
  readonly errors: FieldError[] = []
  private readonly byKey = new Map<string, { readonly written: string; readonly value: unknown }>()
  private readonly used = new Set<string>()

  constructor(raw: RawRecord, private readonly prefix = '') {
    for (const [written, value] of Object.entries(raw)) this.byKey.set(canonicalKey(written), { written, value })
  }

  /** The first of the names present (canonical), marking every one of them as read. */
  private find(names: readonly string[]): { readonly path: string; readonly value: unknown } | undefined {
    let found: { path: string; value: unknown } | undefined
    for (const name of names) {
      const entry = this.byKey.get(name)
      if (entry === undefined) continue
      this.used.add(name)
      if (found === undefined && !blank(entry.value)) found = { path: this.prefix + entry.written, value: entry.value }
    }
    return found
  }

  /** The path of a field for messages: as written when present, else its usual name. */
  path(name: string): string {
    return this.prefix + (this.byKey.get(name)?.written ?? name)
  }

  /** Text (a number is read as its digits); blank is undefined; anything else is an error. */
  text(...names: string[]): string | undefined {
    const found = this.find(names)
    if (found === undefined) return undefined
    if (typeof found.value === 'string') return found.value.trim()
    if (typeof found.value === 'number' && Number.isFinite(found.value)) return String(found.value)
    this.errors.push({ field: found.path, message: `must be text, not ${describe(found.value)}` })
    return undefined
  }

  /** A whole number of zero or more, from a number or its digits. */
  count(...names: string[]): number | undefined {
    const found = this.find(names)
    if (found === undefined) return undefined
    const n = typeof found.value === 'string' && /^\s*\d+\s*$/.test(found.value) ? Number(found.value) : found.value
    if (typeof n === 'number' && Number.isInteger(n) && n >= 0) return n
    this.errors.push({ field: found.path, message: `must be a whole number of 0 or more, not ${typeof found.value === 'string' ? `"${found.value}"` : describe(found.value)}` })
    return undefined
  }

  /** A nested object (or, when `allowText`, a bare text such as a company name). */
  nested(name: string, allowText = false): { readonly fields?: RecordFields; readonly text?: string } | undefined {
    const found = this.find([name])
    if (found === undefined) return undefined
    if (found.value !== null && typeof found.value === 'object' && !Array.isArray(found.value)) return { fields: new RecordFields(found.value as RawRecord, `${found.path}.`) }
    if (allowText && (typeof found.value === 'string' || typeof found.value === 'number')) return { text: String(found.value).trim() }
    this.errors.push({ field: found.path, message: `must be an object${allowText ? ' or text' : ''}, not ${describe(found.value)}` })
    return undefined
  }

  /** The raw value, for fields read in more than one shape. */
  raw(...names: string[]): { readonly path: string; readonly value: unknown } | undefined {
    return this.find(names)
  }

  /** Marks fields as known though not used (a signal's title or location). */
  skip(...names: string[]): void {
    for (const name of names) if (this.byKey.has(name)) this.used.add(name)
  }

  /** Fields present on the line that nothing read, as written. */
  ignored(): string[] {
    return [...this.byKey].filter(([key, entry]) => !this.used.has(key) && !blank(entry.value)).map(([, entry]) => this.prefix + entry.written)
  }
}

function blank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
}
