import type { Connector } from '../../../domain/connector.js'
import type { FieldValue, RecordRefs, WriteFailureCode } from '../../../domain/records.js'

/** Native field values, as a connector's `write` or a person in the CRM would set them. */
export type NativeFields = Readonly<Record<string, FieldValue>>

/** The fault settings every simulator's `POST /__sandbox/faults` takes (see `sandbox/kit/faults.ts`). */
export interface FaultPatch {
  readonly rateLimitEvery?: number
  readonly retryAfterSeconds?: number
  readonly serverErrorRate?: number
  readonly serverErrorBurst?: number
  readonly latencyMs?: number
  readonly families?: readonly string[]
}

/**
 * Acts on a simulator the way a person (or the vendor itself) would, outside revsync: edits in
 * the CRM's UI, a lead conversion, an outage. Vendor-neutral in shape; values are native.
 */
export interface SimDriver {
  /** Where the simulator listens; its control API is under `{url}/__sandbox/`. */
  readonly url: string
  /** Creates a record out of band and answers its id. */
  createRecord(object: string, fields: NativeFields): Promise<string>
  /** Edits a record out of band; the simulator moves its modification time. */
  editRecord(object: string, id: string, fields: NativeFields): Promise<void>
  /** Converts a lead as the CRM does; absent where the system has no leads. */
  convertLead?(leadId: string): Promise<{ readonly contactId: string }>
  /** Live (not deleted) records of an object in the simulator's state. */
  count(object: string): Promise<number>
  /** Injects faults for every later call until reset (`{}` fields keep their value). */
  faults(patch: FaultPatch): Promise<void>
  /** Calls the simulator counted per route family. */
  calls(): Promise<Readonly<Record<string, number>>>
  /** Every credential in play now (configured secrets and tokens the simulator issued). */
  secrets(): readonly string[]
}

/** A create the system must refuse, and how the connector must report it. */
export interface RefusedCreate {
  readonly label: string
  readonly fields: NativeFields
  readonly refs?: RecordRefs
  readonly code: WriteFailureCode
  readonly vendorCode: string
}

/** What the contract needs to know about one vendor's objects and rules. */
export interface ContractProfile {
  /** The person object every case reads and writes (`contacts`, `Contact`, `Contacts`). */
  readonly people: {
    readonly object: string
    /** The email field lookups use. */
    readonly email: string
    /** A plain text field the cases edit. */
    readonly editable: string
    /** Fields `describe` must mark required. */
    readonly required: readonly string[]
    /** Fields of a valid new person; `tag` makes the email unique. */
    newRecord(tag: string): NativeFields
  }
  readonly companies: { readonly object: string }
  /** The lead object, where the system has one. */
  readonly leads?: {
    readonly object: string
    /** The person object a converted lead points at. */
    readonly convertsTo: string
    newRecord(tag: string): NativeFields
  }
  /** Records an incremental read asks for per page (the API's maximum). */
  readonly readPageSize: number
  /** Records per write call (the API's maximum batch). */
  readonly writeBatchSize: number
  /**
   * Creates the system refuses; `existing` is a person already stored (for duplicates). One
   * should carry a credential in a value the vendor echoes in its message, to show redaction.
   */
  refusedCreates(existing: { readonly id: string; readonly email: string }): readonly RefusedCreate[]
  /** A well-formed id that no record has, and the vendor code an update of it reports. */
  readonly missingId: { readonly id: string; readonly vendorCode: string }
  /** The vendor code of a refused inactive owner. */
  readonly inactiveOwnerVendorCode: string
  /** Users the simulator was seeded with. */
  readonly users: { readonly active: number; readonly inactive: number }
  /** Whether the simulator's injected rate limits carry `Retry-After` (Salesforce's 403 does not). */
  readonly rateLimitRetryAfter: boolean
  /** The HTTP request that carries a batch of person creates (e.g. `POST /bulk`). */
  readonly createRequest: { readonly method: string; readonly path: RegExp }
}

/**
 * A connector whose calls pass a fault proxy in front of the simulator (the contract cannot
 * start one itself: connectors never import the sandbox, the vendor's test does).
 */
export interface LossyLink {
  readonly connector: Connector
  /** The next request to `method` and `path` is applied by the simulator and its answer lost (the connection resets). */
  loseNextAnswer(method: string, path: RegExp): void
  /** Requests whose answer was lost so far. */
  lost(): number
}

/** What a vendor's setup hands the contract. */
export interface ContractFixture {
  readonly connector: Connector
  /** A new connector on the same simulator whose credentials are wrong, and the wrong secret it carries. */
  readonly withWrongCredentials: { readonly connector: Connector; readonly secret: string }
  readonly driver: SimDriver
  readonly profile: ContractProfile
  readonly lossy: LossyLink
  close(): Promise<void>
}

/** Collaborators the contract passes to the connectors it makes: a `sleep` that returns at once and records the wait. */
export interface ContractDeps {
  readonly sleep: (ms: number) => Promise<void>
}

/** Starts a simulator and a connector on it. */
export type ContractSetup = (deps: ContractDeps) => Promise<ContractFixture>

/** The contract's cases, by id; a vendor may skip one only with a reason. */
export type ContractCaseId =
  | 'describe-fields'
  | 'describe-relationships'
  | 'read-pages'
  | 'read-resume'
  | 'read-concurrent-edit'
  | 'lookup-email'
  | 'lookup-id'
  | 'read-fields'
  | 'lookup-fields'
  | 'write-partial-failure'
  | 'write-lost-answer'
  | 'remove'
  | 'write-rate-limit-storm'
  | 'write-server-error-burst'
  | 'owner-round-trip'
  | 'owner-inactive'
  | 'users'
  | 'lead-conversion'
  | 'secrets-auth-failure'
  | 'secrets-retries-exhausted'

/** Cases a vendor skips, each with the reason it does not apply. */
export type ContractSkips = Readonly<Partial<Record<ContractCaseId, string>>>
