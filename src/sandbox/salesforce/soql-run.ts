import { to18 } from './ids.js'
import { resolvePath, related, valueAt } from './soql-fields.js'
import type { ResolvedPath } from './soql-fields.js'
import { parseSoql, queryErrorMessage, SoqlError } from './soql-parser.js'
import type { SoqlCondition, SoqlLiteral, SoqlQuery } from './soql-parser.js'
import type { SalesforceState, SfRecord, SfValue } from './state.js'
import { parseSfDateTime } from './time.js'

/** A JSON record as the query resource answers it, `attributes` first. */
export type QueryRecord = Record<string, unknown>

const numeric = new Set(['double', 'currency', 'int', 'percent'])
const idLike = new Set(['id', 'reference'])

type Predicate = (record: SfRecord) => boolean

/** Runs a SOQL query against the org; `includeDeleted` is the `queryAll` resource. */
export function runSoql(state: SalesforceState, text: string, version: string, includeDeleted: boolean): QueryRecord[] {
  const query = parseSoql(text)
  const object = state.objectName(query.object)
  if (!object) {
    const reason = `sObject type '${query.object}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`
    throw new SoqlError('INVALID_TYPE', queryErrorMessage(text, query.objectPos, reason))
  }
  const select = query.fields.map((f) => resolvePath(state, object, f.name, text, f.pos))
  const where = query.where ? compile(state, object, query, query.where) : () => true
  let rows = [...state.records.get(object)!.values()].filter((r) => (includeDeleted || r.IsDeleted !== true) && where(r))
  rows = sortRows(state, object, query, rows)
  rows = rows.slice(query.offset ?? 0, query.limit === undefined ? undefined : (query.offset ?? 0) + query.limit)
  return rows.map((r) => project(state, object, version, select, r))
}

function compile(state: SalesforceState, object: string, query: SoqlQuery, cond: SoqlCondition): Predicate {
  switch (cond.kind) {
    case 'and': {
      const parts = cond.parts.map((p) => compile(state, object, query, p))
      return (r) => parts.every((p) => p(r))
    }
    case 'or': {
      const parts = cond.parts.map((p) => compile(state, object, query, p))
      return (r) => parts.some((p) => p(r))
    }
    case 'not': {
      const inner = compile(state, object, query, cond.inner)
      return (r) => !inner(r)
    }
    case 'in': {
      const path = filterable(state, object, query.text, cond.field, cond.pos)
      const values = cond.values.map((v) => literalValue(query.text, cond.pos, path, v))
      return (r) => values.some((v) => compare(scalar(state, path, r), v) === 0) !== cond.negate
    }
    case 'compare': {
      const path = filterable(state, object, query.text, cond.field, cond.pos)
      const value = literalValue(query.text, cond.pos, path, cond.value)
      if (cond.op === 'LIKE') return like(state, query.text, cond.pos, path, value)
      return (r) => test(cond.op, scalar(state, path, r), value)
    }
  }
}

type Scalar = string | number | boolean | null

function scalar(state: SalesforceState, path: ResolvedPath, record: SfRecord): Scalar {
  if (path.via && !related(state, path, record)) return null
  const v = valueAt(state, path, record) as SfValue
  if (v === null) return null
  if (path.describe.type === 'datetime') return parseSfDateTime(String(v))
  if (typeof v === 'string' && !idLike.has(path.describe.type)) return v.toLowerCase()
  return v
}

function filterable(state: SalesforceState, object: string, text: string, field: string, pos: number): ResolvedPath {
  const path = resolvePath(state, object, field, text, pos)
  if (!path.describe.filterable) throw new SoqlError('INVALID_FIELD', queryErrorMessage(text, pos, `field '${field}' can not be filtered in a query call`))
  return path
}

/** Checks a literal's type against the field's, with Salesforce's wording, and normalizes it. */
function literalValue(text: string, pos: number, path: ResolvedPath, lit: SoqlLiteral): Scalar {
  const type = path.describe.type
  const wrongType = (expected: string): SoqlError =>
    new SoqlError('INVALID_FIELD', queryErrorMessage(text, pos, `value of filter criterion for field '${path.parts.join('.')}' must be of type ${expected} and should not be enclosed in quotes`))
  if (lit.kind === 'null') return null
  if (type === 'datetime') {
    if (lit.kind !== 'datetime') throw wrongType('dateTime')
    return lit.value
  }
  if (type === 'date') {
    if (lit.kind !== 'date') throw wrongType('date')
    return lit.value
  }
  if (type === 'boolean') {
    if (lit.kind !== 'boolean') throw wrongType('boolean')
    return lit.value
  }
  if (numeric.has(type)) {
    if (lit.kind !== 'number') throw wrongType(type === 'int' ? 'int' : 'double')
    return lit.value
  }
  if (lit.kind !== 'string') throw new SoqlError('INVALID_FIELD', queryErrorMessage(text, pos, `value of filter criterion for field '${path.parts.join('.')}' must be of type string and should be enclosed in quotes`))
  if (!idLike.has(type)) return lit.value.toLowerCase()
  const id = to18(lit.value)
  if (id === undefined) throw new SoqlError('INVALID_QUERY_FILTER_OPERATOR', queryErrorMessage(text, pos, `invalid ID field: ${lit.value}`))
  return id
}

function compare(a: Scalar, b: Scalar): number {
  if (a === b) return 0
  if (a === null) return -1
  if (b === null) return 1
  return a < b ? -1 : a > b ? 1 : 0
}

function test(op: string, actual: Scalar, expected: Scalar): boolean {
  if (op === '=') return compare(actual, expected) === 0
  if (op === '!=') return compare(actual, expected) !== 0
  // Ordering comparisons never match a blank value.
  if (actual === null || expected === null) return false
  const c = compare(actual, expected)
  return op === '<' ? c < 0 : op === '<=' ? c <= 0 : op === '>' ? c > 0 : c >= 0
}

function like(state: SalesforceState, text: string, pos: number, path: ResolvedPath, pattern: Scalar): Predicate {
  if (typeof pattern !== 'string' || numeric.has(path.describe.type)) throw new SoqlError('INVALID_FIELD', queryErrorMessage(text, pos, 'invalid operator on a non-string field'))
  const re = new RegExp(`^${pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '.*').replace(/_/g, '.')}$`, 's')
  return (r) => {
    const v = scalar(state, path, r)
    return typeof v === 'string' && re.test(v)
  }
}

function sortRows(state: SalesforceState, object: string, query: SoqlQuery, rows: SfRecord[]): SfRecord[] {
  if (query.orderBy.length === 0) return rows
  const keys = query.orderBy.map((o) => ({ ...o, path: resolvePath(state, object, o.field, query.text, o.pos) }))
  return [...rows].sort((x, y) => {
    for (const key of keys) {
      const a = scalar(state, key.path, x)
      const b = scalar(state, key.path, y)
      if (a === b) continue
      if (a === null || b === null) return (a === null) === key.nullsLast ? 1 : -1
      const c = compare(a, b)
      return key.desc ? -c : c
    }
    return 0
  })
}

function project(state: SalesforceState, object: string, version: string, select: readonly ResolvedPath[], record: SfRecord): QueryRecord {
  const out: QueryRecord = { attributes: { type: object, url: `/services/data/v${version}/sobjects/${object}/${String(record.Id)}` } }
  for (const path of select) {
    if (!path.via) {
      out[path.parts[0]!] = valueAt(state, path, record)
      continue
    }
    const target = related(state, path, record)
    if (!target) {
      out[path.parts[0]!] ??= null
      continue
    }
    const nested = (out[path.parts[0]!] ??= {
      attributes: { type: path.via.object, url: `/services/data/v${version}/sobjects/${path.via.object}/${String(target.Id)}` },
    }) as Record<string, unknown>
    nested[path.parts[1]!] = valueAt(state, path, record)
  }
  return out
}
