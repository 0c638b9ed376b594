import type { Cursor, Page, RemoteRecord } from '../../domain/records.js'
import { ConnectorError } from '../../domain/connector.js'
import type { ReadOptions } from '../../domain/connector.js'
import { recordTranslator, toIsoUtc } from './records.js'
import type { SfQueryRecord } from './records.js'
import { isScalarField, relationshipsOf } from './schema.js'
import type { SfDescribe } from './schema.js'
import type { SalesforceSession } from './session.js'
import { soqlDateTime } from './soql.js'

/** What reads need: the session and the (cached) describe of an object. */
export interface ReadContext {
  readonly session: SalesforceSession
  describe(object: string): Promise<SfDescribe>
}

interface QueryPage {
  readonly records: SfQueryRecord[]
  readonly done: boolean
  readonly nextRecordsUrl?: string
}

/** Runs a SOQL query and yields its batches, following `nextRecordsUrl` (2,000 records a batch). */
export async function* queryPages(session: SalesforceSession, soql: string, scanAll: boolean, what: string): AsyncIterable<SfQueryRecord[]> {
  let page = await session.call<QueryPage>(what, async (conn) => (await conn.query(soql, { scanAll, autoFetch: false })) as unknown as QueryPage)
  for (;;) {
    if (page.records.length > 0) yield page.records
    if (page.done || !page.nextRecordsUrl) return
    // jsforce takes the locator (`01g…-2000`), the last segment of nextRecordsUrl.
    const locator = page.nextRecordsUrl.split('/').pop()!
    page = await session.call<QueryPage>(what, async (conn) => (await conn.queryMore(locator)) as unknown as QueryPage)
  }
}

/** What every record needs whatever was asked: identity, time, recycle bin and conversion. */
const alwaysSelected = new Set(['id', 'isdeleted', 'lastmodifieddate', 'systemmodstamp', 'isconverted', 'convertedcontactid'])

/**
 * The SELECT list of an object: its scalar fields, or, when `wanted` is given, those of them
 * wanted (by API name, any case) plus what the record needs itself and the lookups behind refs.
 * A name the object does not have is left out rather than failing the query.
 */
export function selectableFields(describe: SfDescribe, wanted?: readonly string[]): string[] {
  const scalar = describe.fields.filter(isScalarField)
  if (!wanted) return scalar.map((f) => f.name)
  const keep = new Set([...alwaysSelected, ...wanted.map((w) => w.toLowerCase()), ...relationshipsOf(describe.name, describe.fields).map((r) => r.field.toLowerCase())])
  return scalar.filter((f) => keep.has(f.name.toLowerCase())).map((f) => f.name)
}

function sinceLiteral(since: Cursor): string {
  try {
    return soqlDateTime(since.value)
  } catch {
    throw new ConnectorError('salesforce', 'bad_request', `read cursor "${since.value}" is not a Salesforce read cursor (an ISO datetime)`)
  }
}

/**
 * Records changed at or after `since`, oldest first. One SOQL query ordered by
 * `SystemModstamp, Id`, paged by locator; each page's cursor is its last SystemModstamp.
 *
 * The cursor is inclusive (GTE) on purpose: Salesforce stamps to the second, so several records
 * (and two edits of one record) can share a stamp. A strict `>` or a keyset on (stamp, Id)
 * would skip a record saved again within the same second after the read passed it; GTE reads
 * the boundary second again and the engine drops what it has already seen.
 */
export async function* readChanges(ctx: ReadContext, object: string, since?: Cursor, options: ReadOptions = {}): AsyncIterable<Page> {
  const describe = await ctx.describe(object)
  const toRecord = recordTranslator(object, describe.fields)
  const where = since ? ` WHERE SystemModstamp >= ${sinceLiteral(since)}` : ''
  const soql = `SELECT ${selectableFields(describe, options.fields).join(', ')} FROM ${object}${where} ORDER BY SystemModstamp ASC, Id ASC`
  // queryAll also returns records in the recycle bin, so deletes are seen (IsDeleted = true).
  const scanAll = describe.fields.some((f) => f.name === 'IsDeleted')
  for await (const batch of queryPages(ctx.session, soql, scanAll, `read ${object}`)) {
    const records: RemoteRecord[] = batch.map(toRecord)
    const last = batch[batch.length - 1]!
    yield { records, cursor: { value: toIsoUtc(String(last.SystemModstamp)) } }
  }
}
