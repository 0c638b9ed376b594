import type { Generated } from 'kysely'

/**
 * Row shapes of the store's tables, as Kysely sees them after every migration has run.
 * JSON and timestamps are text on both dialects so SQLite and PostgreSQL behave the same:
 * timestamps are ISO-8601 strings in UTC, which sort in time order as text.
 */

/** A connected system, named in config, with its connector kind. */
export interface SystemsTable {
  name: string
  kind: string
  first_seen: string
}

/** The cached schema of one object of one system ("Refresh field info"). */
export interface ObjectSchemasTable {
  system: string
  object: string
  /** `ObjectSchema` as JSON. */
  schema: string
  fetched_at: string
}

/** One record of one entity; a record belongs to at most one entity per mapping. */
export interface LinksTable {
  mapping: string
  entity_id: string
  system: string
  object: string
  record_id: string
}

/** Where the incremental read of one object stopped, per mapping. */
export interface CursorsTable {
  mapping: string
  system: string
  object: string
  value: string
  updated_at: string
}

/** The last-synced values of one entity, all its field rows in one JSON object. */
export interface SyncedEntitiesTable {
  mapping: string
  entity_id: string
  /** `Record<rowKey, FieldValue>` as JSON. */
  synced_values: string
}

export interface RunsTable {
  id: string
  kind: string
  name: string
  started_at: string
  finished_at: string | null
  status: string
  /** Summary object as JSON. */
  summary: string
}

export interface RunItemsTable {
  /** Insertion order; breaks ties between items stamped with the same time. */
  id: Generated<number>
  run_id: string
  mapping: string
  entity_id: string | null
  system: string
  object: string
  record_id: string | null
  action: string
  before: string
  after: string
  reasons: string
  at: string
}

/** A write of one entity to one system that failed; the next run plans the entity again. */
export interface RetriesTable {
  mapping: string
  entity_id: string
  system: string
  /** `Reason` of the last failure as JSON. */
  reason: string
  attempts: number
  first_failed_at: string
  last_failed_at: string
}

/** One item of the review queue; at most one `open` item per (mapping, entity_id, row_key). */
export interface ReviewItemsTable {
  id: string
  mapping: string
  entity_id: string
  row_key: string
  /** `Reason` as JSON. */
  reason: string
  /** `ReviewCandidate[]` as JSON. */
  candidates: string
  /** `open`, `resolved` or `dismissed`. */
  status: string
  /** `{ value }` as JSON once resolved; null while open and when dismissed. */
  resolution: string | null
  created_at: string
  resolved_at: string | null
  resolved_by: string | null
  /** When a sync wrote the resolution. */
  applied_at: string | null
}

/** Whose turn it is in one round-robin pool. */
export interface RoundRobinTable {
  pool: string
  /** Always below the pool size of the last turn taken. */
  next_index: number
  updated_at: string
}

/** An export signal that was processed, so it is processed once. */
export interface SignalsTable {
  target: string
  key: string
  /** `done` or `failed`. */
  status: string
  /** Outcome as JSON. */
  outcome: string
  run_id: string
  at: string
}

/** A credential encrypted with AES-256-GCM; all three parts base64. */
export interface SecretsTable {
  name: string
  ciphertext: string
  iv: string
  tag: string
  updated_at: string
}

/** Who runs one mapping (`kind` sync) or export target (`kind` export) now, until when. */
export interface RunLeasesTable {
  kind: string
  name: string
  run_id: string
  pid: number
  host: string
  started_at: string
  /** ISO-8601 UTC; a lease past it may be taken by anyone. */
  expires_at: string
}

/** A bearer token of the HTTP API, by the SHA-256 of its secret (hex). */
export interface ApiTokensTable {
  id: string
  name: string
  /** `read`, `operate` or `admin`. */
  scope: string
  hash: string
  created_at: string
  revoked_at: string | null
}

/** One account or contact of an export target's CRM, in the compact form matching needs. */
export interface ExportIndexRowsTable {
  target: string
  /** `account` or `contact`. */
  kind: string
  record_id: string
  /** The compact record as JSON. */
  data: string
}

/** What an export target's stored index is: its shape and where each object's read stopped. */
export interface ExportIndexStateTable {
  target: string
  /** What the rows were read for (system, record kind, account owner field); another shape means a full read. */
  shape: string
  /** `Record<object, cursor value>` as JSON. */
  cursors: string
  refreshed_at: string
}

/** Every table of the store, for `Kysely<Database>`. */
export interface Database {
  systems: SystemsTable
  object_schemas: ObjectSchemasTable
  links: LinksTable
  cursors: CursorsTable
  synced_entities: SyncedEntitiesTable
  runs: RunsTable
  run_items: RunItemsTable
  retries: RetriesTable
  review_items: ReviewItemsTable
  round_robin: RoundRobinTable
  signals: SignalsTable
  secrets: SecretsTable
  run_leases: RunLeasesTable
  api_tokens: ApiTokensTable
  export_index_rows: ExportIndexRowsTable
  export_index_state: ExportIndexStateTable
}
