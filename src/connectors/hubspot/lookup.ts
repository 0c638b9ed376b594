import { ConnectorError } from '../../domain/connector.js'
import type { ReadOptions } from '../../domain/connector.js'
import type { LookupKey, RemoteRecord } from '../../domain/records.js'
import { chunk } from '../kit/chunk.js'
import type { HubSpotApi } from './client.js'
import { propertyIndex, toRemoteRecord } from './fields.js'
import type { SdkObject } from './fields.js'
import { readableProperties } from './properties.js'
import type { HubSpotObject, PropertyCache, PropertyInfo } from './properties.js'
import { passesWindow, toSdkSearch } from './search-request.js'

/** Batch read takes 100 inputs; a search `IN` filter takes 100 values. */
const batchSize = 100

/** How revsync compares key values: trimmed and lower-cased. */
export function normalizeKey(value: string): string {
  return value.trim().toLowerCase()
}

function group(records: readonly RemoteRecord[], key: (r: RemoteRecord) => string | undefined, out: Map<string, RemoteRecord[]>): void {
  for (const record of records) {
    const k = key(record)
    if (k === undefined) continue
    const list = out.get(k) ?? []
    if (!list.some((r) => r.id === record.id)) list.push(record)
    out.set(k, list)
  }
}

/** Looks records up by id or a unique property with batch read (`idProperty`), 100 values a call. */
async function byBatchRead(api: HubSpotApi, object: HubSpotObject, idProperty: string | undefined, values: readonly string[], infos: readonly PropertyInfo[], properties: readonly string[]): Promise<RemoteRecord[]> {
  const byName = propertyIndex(infos)
  const out: RemoteRecord[] = []
  for (const part of chunk(values, batchSize)) {
    const body = { inputs: part.map((id) => ({ id })), properties: [...properties], propertiesWithHistory: [], ...(idProperty ? { idProperty } : {}) }
    // Values that match nothing come back as a 207 error entry; they simply have no records.
    const res = await api.call(`look up ${object} by ${idProperty ?? 'id'}`, (sdk) => sdk.objects.batchApi.read(object, body, false))
    out.push(...(res.results as SdkObject[]).map((o) => toRemoteRecord(object, o, byName)))
  }
  return out
}

/** Looks records up by a non-unique property with a search `IN` filter (lower-case values, as HubSpot needs). */
async function bySearch(api: HubSpotApi, object: HubSpotObject, field: string, values: readonly string[], infos: readonly PropertyInfo[], properties: readonly string[]): Promise<RemoteRecord[]> {
  const byName = propertyIndex(infos)
  const out: RemoteRecord[] = []
  for (const part of chunk(values, batchSize)) {
    const filterGroups = [{ filters: [{ propertyName: field, operator: 'IN' as const, values: part }] }]
    let after: string | undefined
    do {
      const body = toSdkSearch({ filterGroups, properties, ...(after === undefined ? {} : { after }) })
      const res = await api.call(`look up ${object} by ${field}`, (sdk) => sdk.objects.searchApi.doSearch(object, body), { search: true })
      out.push(...(res.results as SdkObject[]).map((o) => toRemoteRecord(object, o, byName)))
      after = res.paging?.next?.after
      if (after !== undefined && passesWindow(after)) {
        throw new ConnectorError('hubspot', 'bad_request', `look up ${object} by ${field}: more than 10,000 matches for 100 values; use a more selective key`)
      }
    } while (after !== undefined)
  }
  return out
}

/**
 * Finds records whose `field` equals one of the values, grouped by the normalized value.
 * Ids and unique properties (a contact's `email`) use batch read; other fields use search.
 */
export async function lookupRecords(api: HubSpotApi, cache: PropertyCache, object: HubSpotObject, key: LookupKey, options: ReadOptions = {}): Promise<Map<string, RemoteRecord[]>> {
  const out = new Map<string, RemoteRecord[]>()
  const values = [...new Set(key.values.map(normalizeKey).filter((v) => v !== ''))]
  if (values.length === 0) return out
  const infos = await cache.get(object)
  const byId = key.field === 'id' || key.field === 'hs_object_id'
  // The key property comes back too, since the answer is grouped by it.
  const properties = readableProperties(object, infos, options.fields && [...options.fields, key.field])
  if (byId) {
    group(await byBatchRead(api, object, undefined, values, infos, properties), (r) => r.id, out)
    return out
  }
  const info = infos.find((p) => p.name === key.field)
  if (!info) throw new ConnectorError('hubspot', 'bad_request', `look up ${object}: no property "${key.field}"`)
  // HubSpot keeps contact emails unique without flagging the property; batch read takes it as idProperty.
  const unique = info.unique || (object === 'contacts' && key.field === 'email')
  const records = unique ? await byBatchRead(api, object, key.field, values, infos, properties) : await bySearch(api, object, key.field, values, infos, properties)
  group(records, (r) => {
    const v = r.fields[key.field]
    return v === null || v === undefined ? undefined : normalizeKey(String(v))
  }, out)
  return out
}
