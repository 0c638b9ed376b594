import { ConnectorError } from '../../domain/connector.js'
import type { ReadOptions } from '../../domain/connector.js'
import type { Cursor, Page } from '../../domain/records.js'
import type { SugarClient } from './client.js'
import { sugarFields, toRemoteRecord } from './fields.js'
import type { SugarRecord } from './fields.js'
import { isoToSugarFilter, sugarToIsoUtc } from './sugar-time.js'

/** The answer of `/{module}/filter`. */
export interface FilterAnswer {
  readonly next_offset: number
  readonly records: readonly SugarRecord[]
}

/**
 * The largest page asked for: Sugar caps `max_num` at its `max_record_fetch_size` (1000 by
 * default) and returns fewer when an instance is set lower, which the loop below handles.
 */
export const readPageSize = 1000

/** Records strictly after `(t, id)` in `date_modified, id` order. */
function after(t: string, id: string): unknown {
  // Inside `$or` every condition of an element is OR-ed, so the same-second branch is an `$and`.
  return {
    $or: [{ date_modified: { $gt: t } }, { $and: [{ date_modified: { $gte: t, $lte: t } }, { id: { $gt: id } }] }],
  }
}

function cursorFilter(since: Cursor): string {
  try {
    return isoToSugarFilter(since.value)
  } catch {
    throw new ConnectorError('sugarcrm', 'bad_request', `cursor "${since.value}" is not an ISO-8601 time`)
  }
}

/**
 * Incremental read, oldest first, by keyset pages: each page asks afresh for records after the
 * last `(date_modified, id)` seen, always at offset 0. Sugar's timestamps have second
 * resolution, so many records share one; the `id` tiebreak walks through a crowded second
 * without skipping or looping, and unlike offset paging a record edited during the read
 * (it moves to the end) cannot shift unread records past the offset. `since` is inclusive
 * (GTE on its second); deleted records come too, flagged.
 */
export async function* readModule(client: SugarClient, module: string, since?: Cursor, options: ReadOptions = {}): AsyncIterable<Page> {
  const fields = sugarFields(module, options.fields)
  let last: SugarRecord | undefined
  const from = since ? cursorFilter(since) : undefined
  for (;;) {
    const filter = last ? [after(last.date_modified, last.id)] : from ? [{ date_modified: { $gte: from } }] : []
    const answer = await client.request<FilterAnswer>({
      method: 'POST',
      path: `/rest/v11/${encodeURIComponent(module)}/filter`,
      body: { filter, max_num: readPageSize, offset: 0, order_by: 'date_modified:ASC,id:ASC', deleted: true, ...(fields ? { fields: fields.join(',') } : {}) },
    })
    const tail = answer.records.at(-1)
    if (!tail) return
    last = tail
    yield { records: answer.records.map((r) => toRemoteRecord(module, r)), cursor: { value: sugarToIsoUtc(tail.date_modified) } }
    if (answer.next_offset === -1) return
  }
}
