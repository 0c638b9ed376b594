import type { ReadOptions } from '../../domain/connector.js'
import type { Cursor, Page, RemoteRecord } from '../../domain/records.js'
import type { HubSpotApi } from './client.js'
import { decodeCursor, encodeCursor } from './cursor.js'
import { modifiedMs, propertyIndex, toRemoteRecord } from './fields.js'
import type { SdkObject } from './fields.js'
import { modifiedProperty, readableProperties } from './properties.js'
import type { HubSpotObject, PropertyCache } from './properties.js'
import { passesWindow, toSdkSearch } from './search-request.js'
import type { SearchRequest } from './search-request.js'

/**
 * Which slice of changes a query covers: everything modified at or after `from`, or — when more
 * than a whole 10,000-result window shares one millisecond — the records of that millisecond
 * after an id.
 */
type Query = { readonly kind: 'range'; readonly from: number | undefined } | { readonly kind: 'tie'; readonly at: number; readonly afterId: string }

/** The newest millisecond yielded so far and the ids yielded at it, so a re-query skips them. */
class Boundary {
  lastMs = -1
  lastId = '0'
  private ids = new Set<string>()

  has(ms: number, id: string): boolean {
    return ms === this.lastMs && this.ids.has(id)
  }

  add(ms: number, id: string): void {
    if (ms !== this.lastMs) this.ids = new Set()
    this.lastMs = ms
    this.lastId = id
    this.ids.add(id)
  }
}

function request(object: HubSpotObject, q: Query, properties: readonly string[], after: string | undefined): SearchRequest {
  const mod = modifiedProperty(object)
  const base = { properties, ...(after === undefined ? {} : { after }) }
  if (q.kind === 'tie') {
    const filters = [
      { propertyName: mod, operator: 'EQ' as const, value: String(q.at) },
      { propertyName: 'hs_object_id', operator: 'GT' as const, value: q.afterId },
    ]
    return { ...base, filterGroups: [{ filters }], sort: { propertyName: 'hs_object_id', direction: 'ASCENDING' } }
  }
  const filterGroups = q.from === undefined ? [] : [{ filters: [{ propertyName: mod, operator: 'GTE' as const, value: String(q.from) }] }]
  return { ...base, filterGroups, sort: { propertyName: mod, direction: 'ASCENDING' } }
}

/** The query to run once a query's 10,000-result window is spent. */
function nextWindow(q: Query, seen: Boundary): Query {
  if (q.kind === 'tie') return { kind: 'tie', at: q.at, afterId: seen.lastId }
  if (seen.lastMs !== q.from) return { kind: 'range', from: seen.lastMs }
  // A whole window modified in one millisecond: walk that millisecond by id, from the start,
  // since ties came back in no defined order (the boundary set skips those already yielded).
  return { kind: 'tie', at: seen.lastMs, afterId: '0' }
}

/**
 * Incremental read through the search API: `GTE` on the last-modified property, ascending,
 * 200 a page; past the 10,000-result window it queries again from the newest time read, so
 * no record is missed. Pages come oldest first, each with a cursor to resume from.
 */
export async function* readChanges(api: HubSpotApi, cache: PropertyCache, object: HubSpotObject, since: Cursor | undefined, options: ReadOptions = {}): AsyncGenerator<Page> {
  const infos = await cache.get(object)
  const properties = readableProperties(object, infos, options.fields)
  const byName = propertyIndex(infos)
  const seen = new Boundary()
  let q: Query = { kind: 'range', from: decodeCursor(since) }
  let after: string | undefined
  for (;;) {
    const body = toSdkSearch(request(object, q, properties, after))
    const res = await api.call(`search ${object}`, (sdk) => sdk.objects.searchApi.doSearch(object, body), { search: true })
    const records: RemoteRecord[] = []
    for (const obj of res.results as SdkObject[]) {
      const ms = modifiedMs(object, obj)
      if (seen.has(ms, obj.id)) continue
      seen.add(ms, obj.id)
      records.push(toRemoteRecord(object, obj, byName))
    }
    if (records.length > 0) yield { records, cursor: encodeCursor(seen.lastMs) }
    const next = res.paging?.next?.after
    if (next !== undefined && !passesWindow(next)) after = next
    else if (next !== undefined) [q, after] = [nextWindow(q, seen), undefined]
    else if (q.kind === 'tie') [q, after] = [{ kind: 'range', from: q.at + 1 }, undefined]
    else return
  }
}
