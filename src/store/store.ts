import type { Cursor, FieldValue } from '../domain/records.js'
import type { LinkRow } from '../domain/link.js'
import type { ObjectSchema } from '../domain/object-schema.js'
import type { Reason } from '../domain/reason.js'
import type { ReviewDecision, ReviewHold, ReviewItem, ReviewStatus } from '../domain/review.js'
import type { ApiToken } from '../domain/api-token.js'
import type { RunItem, RunLease, RunRecord, RunStatus } from '../domain/run.js'

/** Last-synced values of one entity, by field-row key: the `L` of the three-way comparison. */
export type SyncedValues = Readonly<Record<string, FieldValue>>

/** Where a cursor belongs: one object of one system, read for one mapping. */
export interface CursorKey {
  readonly mapping: string
  readonly system: string
  readonly object: string
}

/** A write of one entity to one system that failed: the next run plans the entity again. */
export interface RetryMark {
  readonly mapping: string
  readonly entityId: string
  readonly system: string
  readonly reason: Reason
}

/** A failed write waiting for the next run. `attempts` counts the commits that marked it. */
export interface PendingRetry {
  readonly entityId: string
  readonly system: string
  readonly reason: Reason
  readonly attempts: number
}

/** How processing an export signal ended; either way it is not processed again. */
export type SignalStatus = 'done' | 'failed'

/** A processed export signal, by export target and the signal's key. */
export interface SignalRecord {
  readonly target: string
  readonly key: string
  readonly status: SignalStatus
  /** Anything JSON can hold, e.g. the created record's id or the failure. */
  readonly outcome: unknown
  readonly runId: string
  readonly at: string
}

/** A system the store has seen, with its connector kind. */
export interface SystemRecord {
  readonly name: string
  readonly kind: string
  /** When it was first registered; registering again keeps it. */
  readonly firstSeen: string
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
  /** Each entity's last-synced values, replacing what was stored (the caller merges). */
  readonly synced?: readonly { readonly mapping: string; readonly entityId: string; readonly values: SyncedValues }[]
  readonly items?: readonly RunItem[]
  readonly cursors?: readonly (CursorKey & { readonly cursor: Cursor })[]
  /**
   * Entities whose writes all went through: every retry of each is deleted. Applied
   * before `retries`, so one batch can clear an entity and mark it again.
   */
  readonly resolved?: readonly { readonly mapping: string; readonly entityId: string }[]
  /** Failed writes: inserted with one attempt, or their attempts counted up. */
  readonly retries?: readonly RetryMark[]
  /** Rows held for review: a new open item, or an update of the row's open item. */
  readonly reviews?: readonly ReviewHold[]
  /** Ids of resolved review items whose value this batch wrote. */
  readonly appliedReviews?: readonly string[]
  /**
   * Open review items whose row a later change settled without a person: dismissed in the
   * batch's transaction, so an item is never left open for a row the batch recorded as synced.
   */
  readonly settledReviews?: readonly { readonly id: string; readonly by: string }[]
  /** Processed export signals, upserted by (target, key). */
  readonly signals?: readonly SignalRecord[]
}

/** The kinds of ids a person names by a prefix: runs, review items and entities (of any mapping). */
export type IdKind = 'run' | 'review' | 'entity'

/**
 * What `takeLease` found: the lease is ours (and these runs, left `running` by holders that
 * never finished, are now `interrupted`), or another run holds it.
 */
export type LeaseTake =
  | { readonly taken: true; readonly interrupted: readonly string[] }
  | { readonly taken: false; readonly holder: RunLease }

/** Review items of some entities, by entity: the open ones, and the settled ones still to apply. */
export interface PendingReviews {
  readonly open: ReadonlyMap<string, readonly ReviewItem[]>
  readonly resolved: ReadonlyMap<string, readonly ReviewItem[]>
}

/** What a row of an export target's stored index holds: one account or one contact of its CRM. */
export type ExportIndexKind = 'account' | 'contact'

/** One record of an export target's CRM in the compact form matching needs (opaque to the store). */
export interface ExportIndexRow {
  readonly kind: ExportIndexKind
  readonly id: string
  readonly data: Readonly<Record<string, FieldValue>>
}

/** An export index's state: what it was read for, and where each object's read stopped. */
export interface ExportIndexState {
  /** The app's description of what the rows hold; a different one means they must be read again. */
  readonly shape: string
  /** Cursor value by object name. */
  readonly cursors: Readonly<Record<string, string>>
  readonly refreshedAt: string
}

/** An export target's stored index: its state and every row. */
export interface StoredExportIndex extends ExportIndexState {
  readonly rows: readonly ExportIndexRow[]
}

/** One refresh of an export target's index, applied in one transaction. */
export interface ExportIndexChange {
  readonly state: ExportIndexState
  /** A full read: every stored row of the target is dropped before the upserts. */
  readonly replace: boolean
  readonly upserts: readonly ExportIndexRow[]
  readonly removes: readonly Pick<ExportIndexRow, 'kind' | 'id'>[]
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
  /** Every run item about one entity, across its systems, oldest first. */
  getEntityHistory(mapping: string, entityId: string): Promise<RunItem[]>

  /** Makes one batch durable atomically (see `BatchCommit`). */
  commit(batch: BatchCommit): Promise<void>

  /** Failed writes of one mapping, least recently failed first, at most `limit` of them. */
  getRetries(mapping: string, limit: number): Promise<PendingRetry[]>

  /** Review items, oldest first; without a filter, all of them. */
  listReviews(filter: { status?: ReviewStatus; mapping?: string }): Promise<ReviewItem[]>
  getReview(id: string): Promise<ReviewItem | undefined>
  /** Records a person's decision on an open item; throws if the item is missing or not open. */
  resolveReview(id: string, decision: ReviewDecision): Promise<ReviewItem>
  /**
   * The review items a sync batch plans with, in one read: the open items of the given
   * entities, and their resolved items no batch has applied yet (see `appliedReviews`),
   * each oldest first; entities without any are absent.
   */
  pendingReviewsFor(mapping: string, entityIds: readonly string[]): Promise<PendingReviews>

  /**
   * Takes the next turn of a round-robin pool of `size` members: returns an index in
   * `0..size-1` and advances the pool, atomically, so concurrent callers get distinct turns.
   */
  takeTurn(pool: string, size: number): Promise<number>

  /** Which of the given signal keys of one export target were processed already. */
  findSignals(target: string, keys: readonly string[]): Promise<Map<string, Omit<SignalRecord, 'target' | 'key'>>>

  /** Adds a system, or updates its kind; the first registration time is kept. */
  registerSystem(name: string, kind: string, at: string): Promise<void>
  /** Every registered system, by name. */
  listSystems(): Promise<SystemRecord[]>

  /** Stores a credential encrypted; throws when the store was opened without a secret key. */
  putSecret(name: string, plaintext: string): Promise<void>
  /** A stored credential decrypted, or undefined; throws when it cannot be decrypted. */
  getSecret(name: string): Promise<string | undefined>

  // Ids by prefix: the short ids people see, and what they type back.
  /** Ids of one kind that start with `prefix` (lowercase hex digits and dashes), in id order, at most `limit`. */
  findIdsByPrefix(kind: IdKind, prefix: string, limit: number): Promise<string[]>
  /** The ids of one kind just before and just after `id` in id order, not `id` itself: the ones its short form must differ from. */
  adjacentIds(kind: IdKind, id: string): Promise<string[]>

  // Run leases: one run at a time per mapping and per export target (see docs/store.md).
  /**
   * Takes the lease of `claim.kind`/`claim.name` when it is free or expired at `now`, atomically:
   * of concurrent takers exactly one wins. The winner's store marks runs of that mapping or
   * target still `running` as `interrupted`.
   */
  takeLease(claim: RunLease, now: string): Promise<LeaseTake>
  /** Extends the lease while `lease.runId` holds it; false when it was taken over. */
  renewLease(lease: Pick<RunLease, 'kind' | 'name' | 'runId'>, expiresAt: string): Promise<boolean>
  /** Frees the lease if `lease.runId` still holds it. */
  releaseLease(lease: Pick<RunLease, 'kind' | 'name' | 'runId'>): Promise<void>
  /** Every lease row, expired ones included. */
  listLeases(): Promise<RunLease[]>

  // API tokens of `revsync serve`: only a hash of each secret is stored (see docs/service.md).
  /** Stores a new token by the SHA-256 (hex) of its secret. */
  addToken(token: Omit<ApiToken, 'revokedAt'>, hash: string): Promise<void>
  /** The live token whose secret hashes to `hash`; revoked tokens are not found. */
  findTokenByHash(hash: string): Promise<ApiToken | undefined>
  /** Every token, oldest first, revoked ones included. */
  listTokens(): Promise<ApiToken[]>
  /** Revokes a live token; false when no live token has this id. */
  revokeToken(id: string, at: string): Promise<boolean>
  // The export's account index, kept between runs per export target (see docs/export.md).
  /** The stored index of an export target, or undefined when none was saved. */
  loadExportIndex(target: string): Promise<StoredExportIndex | undefined>
  /** Applies one refresh of a target's index atomically: a failure leaves the previous index whole. */
  saveExportIndex(target: string, change: ExportIndexChange): Promise<void>
  /** Forgets a target's index; its next export reads the CRM in full. */
  dropExportIndex(target: string): Promise<void>
}
