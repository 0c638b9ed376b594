import type { ObjectSchema } from './object-schema.js'
import type { Cursor, LookupKey, Page, RemoteRecord, RemoteUser, WriteOp, WriteResult } from './records.js'

export type SystemKind = 'hubspot' | 'salesforce' | 'sugarcrm'

/**
 * The port every connector implements. It speaks revsync's shapes only; no vendor SDK type
 * crosses it. A failure of one record is a `WriteResult`; a failure of the whole call throws
 * a `ConnectorError`.
 */
export interface Connector {
  readonly kind: SystemKind
  /** Fields, types, required flags and relationships of one object. */
  describe(object: string): Promise<ObjectSchema>
  /** Records changed at or after `since` (all records without it), oldest first, page by page. */
  read(object: string, since?: Cursor, options?: ReadOptions): AsyncIterable<Page>
  /**
   * Records whose key field equals one of the values, grouped by the value lower-cased and
   * trimmed. The field `id` always means the record id, whatever the vendor calls it (`Id`,
   * `hs_object_id`): revsync fetches linked records by id this way.
   */
  lookup(object: string, key: LookupKey, options?: ReadOptions): Promise<Map<string, RemoteRecord[]>>
  /** Creates and updates in the largest batches the API allows; one result per op, same order. */
  write(object: string, ops: readonly WriteOp[]): Promise<WriteResult[]>
  /**
   * Deletes records by id, for the `deletes: propagate` option: HubSpot archives them,
   * Salesforce moves them to its recycle bin, Sugar marks them deleted. One result per id, in
   * order; an id that is already gone counts as done. Batched like `write`.
   */
  remove(object: string, ids: readonly string[]): Promise<WriteResult[]>
  /** Every user of the system, active or not. */
  users(): Promise<RemoteUser[]>
  /** API calls made so far, by endpoint family; for budgets and benchmarks. */
  callCount(): number
}

/**
 * What a read or lookup asks the vendor for. Reading every field the CRM describes costs
 * transfer and parsing a sync never uses; a mapping needs a handful.
 */
export interface ReadOptions {
  /**
   * The native plain fields wanted in `RemoteRecord.fields`. The connector always adds what it
   * needs itself (id, modification time, delete and conversion markers, the lookups behind
   * `refs`, and a lookup's key field); names the object does not have are left out. Omitted:
   * every readable field.
   */
  readonly fields?: readonly string[]
}

/** Why a whole connector call failed. */
export type ConnectorErrorCode =
  | 'auth' // credentials rejected; fix the config
  | 'daily_limit' // the system's daily API budget is spent; resume later
  | 'unavailable' // retries exhausted on 5xx / timeouts
  | 'bad_request' // the request itself is wrong (unknown object or field)
  | 'not_found'

/** A whole-call failure, with a message safe to show (never containing credentials). */
export class ConnectorError extends Error {
  readonly code: ConnectorErrorCode
  readonly system: SystemKind
  readonly status: number | undefined

  constructor(system: SystemKind, code: ConnectorErrorCode, message: string, status?: number) {
    super(`${system}: ${message}`)
    this.name = 'ConnectorError'
    this.system = system
    this.code = code
    this.status = status
  }
}
