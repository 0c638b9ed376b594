import { modifiedProperty } from './property-catalog.js'
import type { SimObjectType, SimProperty } from './property-catalog.js'
import { parseTimestamp } from './property-values.js'
import { propertyValue } from './serialize.js'
import type { HubSpotState, SimRecord } from './state.js'

/** A comparable form of a value: numbers for numeric and time properties, lower case text otherwise. */
export type Comparable = number | string

/** Turns a stored or filter value into its comparable form for the property's type. */
export function comparable(def: SimProperty | undefined, value: string): Comparable | undefined {
  if (def?.type === 'number') {
    const n = Number(value)
    return Number.isFinite(n) ? n : undefined
  }
  if (def?.type === 'datetime' || def?.type === 'date') return parseTimestamp(value)
  return value.toLowerCase()
}

interface RawFilter {
  readonly propertyName?: unknown
  readonly operator?: unknown
  readonly value?: unknown
  readonly highValue?: unknown
  readonly values?: unknown
}

/** Whether a record matches. */
export type RecordTest = (record: SimRecord) => boolean
/** A compiled filter, or what is wrong with it. */
export type Compiled = { readonly ok: true; readonly test: RecordTest } | { readonly ok: false; readonly message: string }

const operators = new Set(['EQ', 'NEQ', 'LT', 'LTE', 'GT', 'GTE', 'BETWEEN', 'IN', 'NOT_IN', 'HAS_PROPERTY', 'NOT_HAS_PROPERTY', 'CONTAINS_TOKEN', 'NOT_CONTAINS_TOKEN'])

function order(a: Comparable, b: Comparable): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0
}

function tokenMatch(stored: string, token: string): boolean {
  const pattern = new RegExp(`^${token.toLowerCase().replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`)
  return stored.toLowerCase().split(/[\s@.,;]+/).some((t) => pattern.test(t)) || pattern.test(stored.toLowerCase())
}

/** A fast accessor of a property's comparable value; system timestamps and ids skip text. */
export function comparableOf(state: HubSpotState, object: SimObjectType, name: string): (r: SimRecord) => Comparable | undefined {
  if (name === 'hs_object_id') return (r) => Number(r.id)
  if (name === 'createdate') return (r) => r.createdAt
  if (name === modifiedProperty(object)) return (r) => r.updatedAt
  const def = state.properties[object].get(name)
  return (r) => {
    const stored = r.properties[name]
    return stored === null || stored === undefined ? undefined : comparable(def, stored)
  }
}

type Test = (v: Comparable, stored: () => string) => boolean

function comparison(op: string, def: SimProperty | undefined, filter: RawFilter): Test | string {
  const one = (raw: unknown) => (raw === undefined || raw === null ? undefined : comparable(def, String(raw)))
  const target = one(filter.value)
  const list = Array.isArray(filter.values) ? filter.values.map((v) => one(v)) : undefined
  const high = one(filter.highValue)
  if (['EQ', 'NEQ', 'LT', 'LTE', 'GT', 'GTE', 'BETWEEN'].includes(op) && target === undefined) return `${op} needs a valid "value"`
  if ((op === 'IN' || op === 'NOT_IN') && !list) return `${op} needs "values"`
  const t = target as Comparable
  const inList = (v: Comparable) => (list ?? []).some((x) => x !== undefined && order(v, x) === 0)
  const token = String(filter.value ?? '')
  const tests: Record<string, Test> = {
    EQ: (v) => order(v, t) === 0,
    NEQ: (v) => order(v, t) !== 0,
    LT: (v) => order(v, t) < 0,
    LTE: (v) => order(v, t) <= 0,
    GT: (v) => order(v, t) > 0,
    GTE: (v) => order(v, t) >= 0,
    BETWEEN: (v) => order(v, t) >= 0 && high !== undefined && order(v, high) <= 0,
    IN: inList,
    NOT_IN: (v) => !inList(v),
    CONTAINS_TOKEN: (_v, stored) => tokenMatch(stored(), token),
    NOT_CONTAINS_TOKEN: (_v, stored) => !tokenMatch(stored(), token),
  }
  return tests[op] ?? `Unknown filter operator "${op}"`
}

/** Compiles one filter into a test, or names what is wrong with it. */
function compileFilter(state: HubSpotState, object: SimObjectType, filter: RawFilter): Compiled {
  const name = String(filter.propertyName ?? '')
  const op = String(filter.operator ?? '')
  const def = state.properties[object].get(name)
  if (!def) return { ok: false, message: `Property "${name}" does not exist on ${object}` }
  if (!operators.has(op)) return { ok: false, message: `Unknown filter operator "${op}"` }
  if (op === 'HAS_PROPERTY' || op === 'NOT_HAS_PROPERTY') {
    return { ok: true, test: (r) => (propertyValue(object, r, name) !== null) === (op === 'HAS_PROPERTY') }
  }
  const compare = comparison(op, def, filter)
  if (typeof compare === 'string') return { ok: false, message: compare }
  const blankMatches = op === 'NEQ' || op === 'NOT_IN' || op === 'NOT_CONTAINS_TOKEN'
  const get = comparableOf(state, object, name)
  return {
    ok: true,
    test: (r) => {
      const v = get(r)
      return v === undefined ? blankMatches : compare(v, () => propertyValue(object, r, name) ?? '')
    },
  }
}

/**
 * Compiles `filterGroups` (groups are ORed, filters in a group ANDed) with HubSpot's limits:
 * at most 5 groups, 6 filters a group and 18 filters in all.
 */
export function compileFilterGroups(state: HubSpotState, object: SimObjectType, groups: unknown): Compiled {
  if (groups === undefined || (Array.isArray(groups) && groups.length === 0)) return { ok: true, test: () => true }
  if (!Array.isArray(groups)) return { ok: false, message: 'filterGroups must be a list' }
  const lists = groups.map((g: { filters?: unknown }) => (Array.isArray(g?.filters) ? (g.filters as RawFilter[]) : []))
  const total = lists.reduce((n, l) => n + l.length, 0)
  if (groups.length > 5 || lists.some((l) => l.length > 6) || total > 18) {
    return { ok: false, message: 'Too many filters: at most 5 filterGroups, 6 filters in a group and 18 filters in all' }
  }
  const compiled: RecordTest[][] = []
  for (const list of lists) {
    const tests: RecordTest[] = []
    for (const filter of list) {
      const c = compileFilter(state, object, filter)
      if (!c.ok) return c
      tests.push(c.test)
    }
    compiled.push(tests)
  }
  return { ok: true, test: (r) => compiled.some((tests) => tests.every((t) => t(r))) }
}
