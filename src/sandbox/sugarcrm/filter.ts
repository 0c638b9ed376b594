import { invalidParameter } from './errors.js'
import { fieldValue } from './format.js'
import type { Scalar, StoredRecord, SugarStore } from './store.js'
import { isBlank } from './store.js'
import { parseSugarDate } from './sugar-time.js'
import { moduleFields } from './vardefs.js'
import type { SugarFieldDef, SugarModule } from './vardefs.js'

type Predicate = (rec: StoredRecord) => boolean

interface FilterContext {
  readonly store: SugarStore
  readonly module: SugarModule
  readonly defs: ReadonlyMap<string, SugarFieldDef>
  readonly userId: string
}

/**
 * Compiles a Sugar filter definition (an array of condition objects) into a predicate, with
 * FilterApi's semantics: the entries of a group — every field and every operator of every
 * element — are joined by the group's combinator (AND at the top, `$or` / `$and` inside).
 * String comparisons ignore case, as MySQL's default collation does.
 */
export function compileFilter(store: SugarStore, module: SugarModule, filter: unknown, userId: string): Predicate {
  if (filter === undefined || filter === '' || filter === null) return () => true
  if (!Array.isArray(filter)) throw invalidParameter(`Unexpected filter type ${typeof filter}.`)
  return group({ store, module, defs: moduleFields(module), userId }, filter, 'and')
}

function group(ctx: FilterContext, defs: unknown[], mode: 'and' | 'or'): Predicate {
  const preds: Predicate[] = []
  for (const def of defs) {
    if (def === null || typeof def !== 'object' || Array.isArray(def)) {
      throw invalidParameter(`Did not recognize the definition: ${JSON.stringify(def)}`)
    }
    for (const [field, spec] of Object.entries(def)) preds.push(...entry(ctx, field, spec))
  }
  if (preds.length === 0) return () => true
  return mode === 'and' ? (r) => preds.every((p) => p(r)) : (r) => preds.some((p) => p(r))
}

function entry(ctx: FilterContext, field: string, spec: unknown): Predicate[] {
  if (field === '$or' || field === '$and') {
    if (!Array.isArray(spec)) throw invalidParameter(`${field} requires an array`)
    return [group(ctx, spec, field === '$or' ? 'or' : 'and')]
  }
  if (field === '$owner') return [(r) => r.values.assigned_user_id === ctx.userId]
  if (field === '$creator') return [(r) => r.values.created_by === ctx.userId]
  const def = ctx.defs.get(field)
  if (!def || field === 'email') throw invalidParameter(`Unknown field ${field}`)
  const ops = spec !== null && typeof spec === 'object' && !Array.isArray(spec) ? Object.entries(spec) : [['$equals', spec] as const]
  return ops.map(([op, value]) => operator(ctx, def, op, value))
}

function operator(ctx: FilterContext, def: SugarFieldDef, op: string, value: unknown): Predicate {
  const get = (r: StoredRecord): Scalar => fieldValue(ctx.store, r, def.name)
  const cmp = comparator(def, op, value)
  switch (op) {
    case '$equals':
      return (r) => !isBlank(get(r)) && cmp(get(r)) === 0
    case '$not_equals':
      return (r) => isBlank(get(r)) || cmp(get(r)) !== 0
    case '$starts':
    case '$ends':
    case '$contains':
    case '$not_contains':
      return textOperator(op, String(value ?? '').toLowerCase(), get)
    case '$in':
    case '$not_in': {
      if (!Array.isArray(value)) throw invalidParameter(`${op} requires an array`)
      const set = new Set(value.map((v) => String(v).toLowerCase()))
      return op === '$in' ? (r) => set.has(String(get(r)).toLowerCase()) : (r) => !set.has(String(get(r)).toLowerCase())
    }
    case '$between':
    case '$dateBetween': {
      if (!Array.isArray(value) || value.length !== 2) throw invalidParameter('$between requires an array with two values.')
      const [lo, hi] = [comparator(def, '$gte', value[0]), comparator(def, '$lte', value[1])]
      return (r) => !isBlank(get(r)) && lo(get(r)) >= 0 && hi(get(r)) <= 0
    }
    case '$is_null':
    case '$empty':
      return (r) => isBlank(get(r))
    case '$not_null':
    case '$not_empty':
      return (r) => !isBlank(get(r))
    case '$lt':
      return (r) => !isBlank(get(r)) && cmp(get(r)) < 0
    case '$lte':
      return (r) => !isBlank(get(r)) && cmp(get(r)) <= 0
    case '$gt':
      return (r) => !isBlank(get(r)) && cmp(get(r)) > 0
    case '$gte':
      return (r) => !isBlank(get(r)) && cmp(get(r)) >= 0
    default:
      throw invalidParameter(`Did not recognize the operand: ${op}`)
  }
}

function textOperator(op: string, needle: string, get: (r: StoredRecord) => Scalar): Predicate {
  const text = (r: StoredRecord): string => String(get(r) ?? '').toLowerCase()
  if (op === '$starts') return (r) => !isBlank(get(r)) && text(r).startsWith(needle)
  if (op === '$ends') return (r) => !isBlank(get(r)) && text(r).endsWith(needle)
  if (op === '$contains') return (r) => !isBlank(get(r)) && text(r).includes(needle)
  return (r) => !text(r).includes(needle)
}

/**
 * Returns `field value <=> filter value` for one operator. Datetimes compare as instants; a
 * date-only value stands for its whole UTC day, as Sugar's `fixForFilter` widens it.
 */
function comparator(def: SugarFieldDef, op: string, value: unknown): (v: Scalar) => number {
  if (def.type === 'datetime') {
    const text = String(value ?? '')
    const dayOnly = /^\d{4}-\d{2}-\d{2}$/.test(text)
    const start = parseSugarDate(dayOnly ? `${text}T00:00:00Z` : text)
    if (Number.isNaN(start)) throw invalidParameter(`${def.name}: "${text}" is not a valid datetime`)
    const end = dayOnly ? start + 86_399_000 : start
    const bound = op === '$lte' || op === '$gt' ? end : start
    return (v) => {
      const t = Math.floor(parseSugarDate(String(v)) / 1000) * 1000
      if (dayOnly && op === '$equals') return t < start ? -1 : t > end ? 1 : 0
      return Math.sign(t - bound)
    }
  }
  if (def.type === 'bool') {
    const want = value === true || value === 1 || value === '1' || value === 'true'
    return (v) => (v === want ? 0 : 1)
  }
  const want = String(value ?? '').toLowerCase()
  return (v) => {
    const have = String(v ?? '').toLowerCase()
    return have < want ? -1 : have > want ? 1 : 0
  }
}

/** One `order_by` term. */
export interface OrderTerm {
  readonly field: string
  readonly desc: boolean
}

/** Parses `order_by` (`date_modified:ASC,id:ASC`); the default is FilterApi's `date_modified DESC`. */
export function parseOrderBy(module: SugarModule, raw: unknown): OrderTerm[] {
  if (raw === undefined || raw === null || raw === '') return [{ field: 'date_modified', desc: true }]
  const defs = moduleFields(module)
  return String(raw)
    .split(',')
    .map((part) => {
      const [field = '', dir = 'asc'] = part.trim().split(':')
      if (!defs.has(field)) throw invalidParameter(`Unknown field ${field}`)
      return { field, desc: dir.toLowerCase() === 'desc' }
    })
}

/** Sorts records by the terms; datetimes as instants, text case-insensitively. */
export function sortRecords(store: SugarStore, records: StoredRecord[], terms: readonly OrderTerm[]): StoredRecord[] {
  const keyOf = (r: StoredRecord, field: string): string | number => {
    if (field === 'date_modified') return r.modifiedMs
    if (moduleFields(r.module).get(field)?.type === 'datetime') return parseSugarDate(String(r.values[field] ?? '')) || 0
    return String(fieldValue(store, r, field) ?? '').toLowerCase()
  }
  return records.sort((a, b) => {
    for (const t of terms) {
      const [x, y] = [keyOf(a, t.field), keyOf(b, t.field)]
      if (x !== y) return (x < y ? -1 : 1) * (t.desc ? -1 : 1)
    }
    return 0
  })
}
