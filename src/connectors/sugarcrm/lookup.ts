import type { ReadOptions } from '../../domain/connector.js'
import type { LookupKey, RemoteRecord } from '../../domain/records.js'
import { chunk } from '../kit/chunk.js'
import type { SugarClient } from './client.js'
import { sugarFields, toRemoteRecord } from './fields.js'
import type { FilterAnswer } from './read.js'

/**
 * Values per `$in`: as many as a page of answers holds (`max_num` 1,000), so a page of keys
 * costs one call; an indexed IN list of 1,000 is still a quick query on every database Sugar runs on.
 */
export const lookupChunkSize = 1000

const normalize = (value: unknown): string => String(value ?? '').trim().toLowerCase()

/**
 * Finds records whose `field` is one of the values with `$in` filters, 100 values a call (paging
 * when a chunk matches more than a page), grouped by the normalized value. Sugar compares text
 * case-insensitively, so lower-cased values find mixed-case emails.
 */
export async function lookupRecords(client: SugarClient, module: string, key: LookupKey, options: ReadOptions = {}): Promise<Map<string, RemoteRecord[]>> {
  const fields = sugarFields(module, options.fields, [key.field])
  const values = [...new Set(key.values.map(normalize).filter((v) => v !== ''))]
  const groups = new Map<string, RemoteRecord[]>()
  for (const part of chunk(values, lookupChunkSize)) {
    const wanted = new Set(part)
    for (let offset = 0; offset !== -1; ) {
      const answer: FilterAnswer = await client.request<FilterAnswer>({
        method: 'POST',
        path: `/rest/v11/${encodeURIComponent(module)}/filter`,
        body: { filter: [{ [key.field]: { $in: part } }], max_num: 1000, offset, order_by: 'date_modified:ASC,id:ASC', ...(fields ? { fields: fields.join(',') } : {}) },
      })
      for (const raw of answer.records) {
        const value = normalize(raw[key.field])
        if (!wanted.has(value)) continue
        const group = groups.get(value) ?? []
        group.push(toRemoteRecord(module, raw))
        groups.set(value, group)
      }
      offset = answer.records.length === 0 ? -1 : answer.next_offset
    }
  }
  return groups
}
