import type { SimRequest, SimResponse } from '../kit/http-server.js'
import { apiError } from './errors.js'
import { keyPrefixes, makeId } from './ids.js'
import { runSoql } from './soql-run.js'
import type { QueryRecord } from './soql-run.js'
import type { SalesforceState } from './state.js'

/** Records per query batch when the client does not ask for fewer (`Sforce-Query-Options`). */
export const defaultBatchSize = 2000
/** Salesforce closes a query cursor after 15 minutes without a fetch. */
const cursorIdleMs = 15 * 60 * 1000

interface QueryCursor {
  readonly records: readonly QueryRecord[]
  readonly batchSize: number
  lastUsed: number
}

/** The query resources: `query`, `queryAll` and `query/{locator}` paging. */
export interface QueryRoutes {
  query(req: SimRequest, version: string, includeDeleted: boolean): SimResponse
  more(req: SimRequest, version: string): SimResponse
}

/** Creates the query resources over the org; the result of a query is a snapshot paged by locator. */
export function createQueryRoutes(state: SalesforceState): QueryRoutes {
  const cursors = new Map<string, QueryCursor>()
  let cursorCount = 0

  function batchSizeOf(req: SimRequest): number {
    const header = req.headers['sforce-query-options']
    const m = typeof header === 'string' ? /batchSize=(\d+)/i.exec(header) : null
    return m ? Math.min(defaultBatchSize, Math.max(200, Number(m[1]))) : defaultBatchSize
  }

  function page(cursorId: string, cursor: QueryCursor, offset: number, version: string): SimResponse {
    const end = offset + cursor.batchSize
    const done = end >= cursor.records.length
    if (done) cursors.delete(cursorId)
    else cursor.lastUsed = state.now()
    const body = {
      totalSize: cursor.records.length,
      done,
      ...(done ? {} : { nextRecordsUrl: `/services/data/v${version}/query/${cursorId}-${end}` }),
      records: cursor.records.slice(offset, end),
    }
    return { status: 200, body }
  }

  function expire(): void {
    for (const [id, cursor] of cursors) if (state.now() - cursor.lastUsed > cursorIdleMs) cursors.delete(id)
  }

  return {
    query(req, version, includeDeleted) {
      const soql = req.query.get('q')
      if (soql === null || soql.trim() === '') return apiError(400, 'MALFORMED_QUERY', 'A query string has to be specified')
      const records = runSoql(state, soql, version, includeDeleted)
      expire()
      const cursorId = makeId(keyPrefixes.QueryLocator!, ++cursorCount)
      const cursor = { records, batchSize: batchSizeOf(req), lastUsed: state.now() }
      cursors.set(cursorId, cursor)
      return page(cursorId, cursor, 0, version)
    },
    more(req, version) {
      const m = /^(01g[0-9A-Za-z]{15})-(\d+)$/.exec(req.params.locator ?? '')
      const cursor = m ? cursors.get(m[1]!) : undefined
      if (!m || !cursor) return apiError(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator')
      return page(m[1]!, cursor, Number(m[2]), version)
    },
  }
}
