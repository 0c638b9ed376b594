import assert from 'node:assert/strict'
import { inspect } from 'node:util'
import { ConnectorError } from '../../../domain/connector.js'
import type { Connector, ConnectorErrorCode, ReadOptions } from '../../../domain/connector.js'
import type { Cursor, Page, RemoteRecord, WriteResult } from '../../../domain/records.js'

/** An ISO-8601 UTC timestamp, as every cursor and `modifiedAt` must be. */
export const isoUtc = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/

/** Reads to the end and keeps the pages; a read that never ends fails instead of hanging. */
export async function readPages(connector: Connector, object: string, since?: Cursor, maxPages = 1000): Promise<Page[]> {
  const pages: Page[] = []
  for await (const page of connector.read(object, since)) {
    pages.push(page)
    if (pages.length > maxPages) assert.fail(`read ${object} did not end after ${maxPages} pages`)
  }
  return pages
}

/** The records of the first page of a full read (the read stops there). */
export async function firstPage(connector: Connector, object: string, options?: ReadOptions): Promise<readonly RemoteRecord[]> {
  for await (const page of connector.read(object, undefined, options)) return page.records
  return []
}

/** The records of pages, in order. */
export const recordsOf = (pages: readonly Page[]): RemoteRecord[] => pages.flatMap((p) => p.records)

/** Epoch milliseconds of an ISO timestamp, failing on one that does not parse. */
export function ms(iso: string): number {
  const value = Date.parse(iso)
  assert.ok(!Number.isNaN(value), `"${iso}" is not a timestamp`)
  return value
}

/** The key `lookup` groups a value under: trimmed and lower-cased. */
export const lookupKey = (value: string): string => value.trim().toLowerCase()

/** The one record `lookup` by id finds, or undefined. */
export async function byId(connector: Connector, object: string, id: string): Promise<RemoteRecord | undefined> {
  const found = (await connector.lookup(object, { field: 'id', values: [id] })).get(lookupKey(id)) ?? []
  assert.ok(found.length <= 1, `lookup ${object} by id ${id} found ${found.length} records`)
  return found[0]
}

/** Runs `call`, which must fail with a `ConnectorError` of `code`, and answers the error. */
export async function failsWith(call: () => Promise<unknown>, code: ConnectorErrorCode): Promise<ConnectorError> {
  const error = await call().then(
    () => assert.fail(`expected a "${code}" ConnectorError, but the call succeeded`),
    (e: unknown) => e,
  )
  assert.ok(error instanceof ConnectorError, `expected a ConnectorError, got ${inspect(error)}`)
  assert.equal(error.code, code, error.message)
  return error
}

/** Asserts that no secret shows in a text. */
export function assertNoSecretsIn(text: string, secrets: readonly string[]): void {
  for (const secret of secrets) {
    // The connectors redact values of four characters or more; shorter ones are not credentials.
    if (secret.length < 4) continue
    assert.ok(!text.includes(secret), `a secret (${secret.slice(0, 3)}…) shows in: ${text.slice(0, 300)}`)
  }
}

/** Asserts that no secret shows in an error: its message, its stack, or any of its properties. */
export function assertNoSecrets(error: Error, secrets: readonly string[]): void {
  assertNoSecretsIn([error.message, error.stack ?? '', inspect(error, { depth: 6, showHidden: true })].join('\n'), secrets)
}

/** The first failed result, described, for assertion messages. */
export function firstFailure(results: readonly (WriteResult | undefined)[]): string {
  if (results.length === 0 || results.includes(undefined)) return 'the connector answered no result for an op'
  const bad = results.find((r) => r && !r.ok)
  return bad && !bad.ok ? `${bad.ref}: ${bad.code}/${bad.vendorCode} ${bad.message}` : 'none failed'
}
