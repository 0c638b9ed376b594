/**
 * Records as revsync sees them on every connector: plain data, no vendor SDK types.
 * Connectors translate their payloads into these shapes at the edge.
 */

/** A scalar field value after the connector's parsing. Blank is `null` or `''`. */
export type FieldValue = string | number | boolean | null

/** The relationships revsync understands, each a lookup to another record. */
export type RelationshipName = 'owner' | 'company' | 'parent'

/** Ids of related records, by relationship; `null` means the lookup is empty. */
export type RecordRefs = Readonly<Partial<Record<RelationshipName, string | null>>>

/** One record read from a system. */
export interface RemoteRecord {
  readonly id: string
  /** The native object it belongs to, e.g. `contacts`, `Leads`, `Contact`. */
  readonly object: string
  /** Plain fields by native name; owner and company lookups live in `refs`, not here. */
  readonly fields: Readonly<Record<string, FieldValue>>
  readonly refs?: RecordRefs
  /** Last modification time as an ISO-8601 string in UTC. */
  readonly modifiedAt: string
  /** Set when the record is deleted or archived in its system. */
  readonly deleted?: boolean
  /** Set on a lead that was converted: where the person lives now. */
  readonly convertedTo?: { readonly object: string; readonly id: string }
}

/** An owner: a user of one system. Users are read, never written. */
export interface RemoteUser {
  readonly id: string
  readonly email: string | null
  readonly firstName: string | null
  readonly lastName: string | null
  readonly active: boolean
}

/**
 * Where an incremental read stopped: the modification time of the newest record read, as an
 * ISO-8601 UTC timestamp, so the app can move it back by an overlap window before reading
 * again. Reads are inclusive at the cursor. Stored as text.
 */
export interface Cursor {
  readonly value: string
}

/** One page of an incremental read, and the cursor to resume after it. */
export interface Page {
  readonly records: readonly RemoteRecord[]
  readonly cursor: Cursor
}

/**
 * The key a create was matched on before revsync decided to create it: a native field of the
 * object and the value the new record carries there (e.g. `email1`, `ann@globex.example`).
 * Nothing held it when the sync looked, so after an ambiguous failure (a reset, a timeout, a
 * 5xx after sending) a record that holds it now is the one the lost attempt made.
 */
export interface CreateKey {
  readonly field: string
  readonly value: string
}

/** A write revsync asks a connector to make. `ref` ties the result back to the plan. */
export type WriteOp =
  | {
      readonly kind: 'create'
      readonly ref: string
      readonly fields: Readonly<Record<string, FieldValue>>
      readonly refs?: RecordRefs
      /** Lets the connector find what a create whose answer was lost made, instead of making it twice. */
      readonly key?: CreateKey
      /**
       * The sync did not look `key` up first: a record that already holds it is to be updated
       * with these fields rather than a second one made. Asked only where `Connector.upserts`
       * says the key is unique, and only of a system the mapping never reads.
       */
      readonly upsert?: true
    }
  | {
      readonly kind: 'update'
      readonly ref: string
      readonly id: string
      readonly fields: Readonly<Record<string, FieldValue>>
      readonly refs?: RecordRefs
    }

/** Normalized per-record failure codes, the same for every vendor. */
export type WriteFailureCode =
  | 'rate_limited'
  | 'invalid'
  | 'not_found'
  | 'conflict'
  | 'inactive_owner'
  | 'duplicate'
  | 'required_missing'
  | 'unknown'

/** The outcome of one `WriteOp`; connectors return one per op, in the same order. */
export type WriteResult =
  | {
      readonly ok: true
      readonly ref: string
      readonly id: string
      readonly modifiedAt?: string
      /** Set on a create whose answer was lost: the id is the record the lost attempt made, found by the op's key. */
      readonly recovered?: true
      /** Set on an upsert that found a record already holding its key and updated it instead of creating one. */
      readonly matched?: true
    }
  | {
      readonly ok: false
      readonly ref: string
      readonly code: WriteFailureCode
      /** The vendor's own code, e.g. `REQUIRED_FIELD_MISSING`. */
      readonly vendorCode: string
      readonly message: string
    }

/** A lookup key: find records whose `field` equals one of `values` (compared case-insensitively for emails). */
export interface LookupKey {
  readonly field: string
  readonly values: readonly string[]
}
