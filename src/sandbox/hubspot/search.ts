import type { SimRequest, SimResponse } from '../kit/http-server.js'
import { validationError } from './errors.js'
import { bodyOf } from './guard.js'
import type { SimObjectType } from './property-catalog.js'
import { comparableOf, compileFilterGroups } from './search-filter.js'
import type { Comparable } from './search-filter.js'
import { propertyValue, toPublicObject } from './serialize.js'
import type { HubSpotState, SimRecord } from './state.js'

/** The most results one search query can page through, as on HubSpot. */
export const searchWindow = 10_000
const maxLimit = 200

interface Sort {
  readonly propertyName: string
  readonly descending: boolean
}

/** Reads `sorts`, given as `["prop"]`, `["-prop"]` or `[{ propertyName, direction }]`. */
function parseSort(sorts: unknown): Sort | string | undefined {
  if (sorts === undefined || (Array.isArray(sorts) && sorts.length === 0)) return undefined
  if (!Array.isArray(sorts)) return 'sorts must be a list'
  if (sorts.length > 1) return 'Only one sort is supported'
  const s: unknown = sorts[0]
  if (typeof s === 'string') return s.startsWith('-') ? { propertyName: s.slice(1), descending: true } : { propertyName: s, descending: false }
  const o = (s ?? {}) as { propertyName?: unknown; direction?: unknown }
  return { propertyName: String(o.propertyName ?? ''), descending: o.direction === 'DESCENDING' }
}

const searchable: Readonly<Record<SimObjectType, readonly string[]>> = {
  contacts: ['firstname', 'lastname', 'email', 'phone', 'company'],
  companies: ['name', 'domain', 'website', 'phone'],
}

function matchesQuery(object: SimObjectType, record: SimRecord, query: string): boolean {
  const q = query.toLowerCase()
  return searchable[object].some((p) => (propertyValue(object, record, p) ?? '').toLowerCase().includes(q))
}

function byId(a: SimRecord, b: SimRecord): number {
  return a.id.length - b.id.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

function sortRecords(state: HubSpotState, object: SimObjectType, records: SimRecord[], sort: Sort | undefined): SimRecord[] {
  if (!sort) return records.sort(byId)
  const get = comparableOf(state, object, sort.propertyName)
  const keyed = records.map((r) => ({ r, k: get(r) }))
  const dir = sort.descending ? -1 : 1
  const cmp = (a: Comparable | undefined, b: Comparable | undefined): number => {
    if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1
    if (typeof a === 'number' && typeof b === 'number') return (a - b) * dir
    return (String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0) * dir
  }
  keyed.sort((x, y) => cmp(x.k, y.k) || byId(x.r, y.r))
  return keyed.map((x) => x.r)
}

function paging(state: HubSpotState, body: Record<string, unknown>): { limit: number; after: number } | SimResponse {
  const limit = body.limit === undefined ? 10 : Number(body.limit)
  if (!Number.isInteger(limit) || limit < 1 || limit > maxLimit) return validationError(`limit must be between 1 and ${maxLimit}`, state.correlationId())
  const after = body.after === undefined || body.after === null || body.after === '' ? 0 : Number(body.after)
  if (!Number.isInteger(after) || after < 0) return validationError(`after must be a non-negative integer offset; got ${String(body.after)}`, state.correlationId())
  // HubSpot answers 400 to any page past the 10,000th result of a query.
  if (after + limit > searchWindow) {
    return validationError(`Search results are limited to ${searchWindow} per query; after=${after} with limit=${limit} passes it. Narrow the filters to page further.`, state.correlationId())
  }
  return { limit, after }
}

/** `POST /crm/v3/objects/{object}/search`. */
export function searchHandler(state: HubSpotState, object: SimObjectType) {
  return (req: SimRequest): SimResponse => {
    const body = bodyOf(req)
    const page = paging(state, body)
    if ('status' in page) return page
    const filter = compileFilterGroups(state, object, body.filterGroups)
    if (!filter.ok) return validationError(filter.message, state.correlationId())
    const sort = parseSort(body.sorts)
    if (typeof sort === 'string') return validationError(sort, state.correlationId())
    const query = typeof body.query === 'string' && body.query !== '' ? body.query : undefined
    const matched = [...state.records[object].values()].filter((r) => !r.archived && filter.test(r) && (!query || matchesQuery(object, r, query)))
    const sorted = sortRecords(state, object, matched, sort)
    const properties = Array.isArray(body.properties) ? body.properties.map(String) : undefined
    const results = sorted.slice(page.after, page.after + page.limit).map((r) => toPublicObject(state, object, r, properties))
    const nextAfter = page.after + page.limit
    const out = nextAfter < sorted.length ? { total: sorted.length, results, paging: { next: { after: String(nextAfter) } } } : { total: sorted.length, results }
    return { status: 200, body: out }
  }
}
