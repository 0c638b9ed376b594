import type { Cursor, FieldValue } from '../domain/records.js'
import type { LinkRow } from '../domain/link.js'
import type { ObjectSchema } from '../domain/object-schema.js'
import type { RunItem, RunRecord, RunStatus } from '../domain/run.js'

/** Last-synced values of one entity, by field-row key: the `L` of the three-way comparison. */
export type SyncedValues = Readonly<Record<string, FieldValue>>

/** Where a cursor belongs: one object of one system, read for one mapping. */
export interface CursorKey {
  readonly mapping: string
  readonly system: string
  readonly object: string
}

/**
 * Everything one batch of a run makes durable, written in one transaction: the links and
 * last-synced values of what was written, the per-record outcomes, and optionally the
 * cursors the batch lets advance. A crash leaves either all of it or none.
 */
export interface BatchCommit {
  readonly links?: readonly LinkRow[]
  /** Links to drop, e.g. a converted lead whose entity now lives on the contact. */
  readonly unlinks?: readonly Pick<LinkRow, 'mapping' | 'system' | 'recordId'>[]
  /** Values merged into each entity's last-synced values (keys not named are kept). */
  readonly synced?: readonly { readonly mapping: string; readonly entityId: string; readonly values: SyncedValues }[]
  readonly items?: readonly RunItem[]
  readonly cursors?: readonly (CursorKey & { readonly cursor: Cursor })[]
}

/** The store port: SQLite by default, PostgreSQL in production. Same behaviour on both. */
export interface Store {
  readonly dialect: 'sqlite' | 'postgres'
  /** Applies pending numbered migrations; safe to call on every start. */
  migrate(): Promise<void>
  close(): Promise<void>

  saveSchema(system: string, schema: ObjectSchema, fetchedAt: string): Promise<void>
  loadSchema(system: string, object: string): Promise<{ schema: ObjectSchema; fetchedAt: string } | undefined>

  getCursor(key: CursorKey): Promise<Cursor | undefined>

  /** Entity ids of the given records of one system, for those that are linked. */
  findEntities(mapping: string, system: string, recordIds: readonly string[]): Promise<Map<string, string>>
  /** All link rows of the given entities. */
  getLinks(mapping: string, entityIds: readonly string[]): Promise<Map<string, LinkRow[]>>
  /** Last-synced values of the given entities. */
  getSynced(mapping: string, entityIds: readonly string[]): Promise<Map<string, SyncedValues>>

  startRun(run: Pick<RunRecord, 'id' | 'kind' | 'name' | 'startedAt'>): Promise<void>
  finishRun(id: string, end: { finishedAt: string; status: RunStatus; summary: Readonly<Record<string, unknown>> }): Promise<void>
  /** Newest first. */
  listRuns(limit: number): Promise<RunRecord[]>
  getRun(id: string): Promise<RunRecord | undefined>
  getRunItems(runId: string): Promise<RunItem[]>
  /** Every run item about one record, oldest first: the history `explain` tells. */
  getRecordHistory(system: string, recordId: string): Promise<RunItem[]>

  /** Makes one batch durable atomically (see `BatchCommit`). */
  commit(batch: BatchCommit): Promise<void>
}
