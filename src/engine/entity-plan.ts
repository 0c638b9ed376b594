import type { FieldValue, RecordRefs, RemoteRecord } from '../domain/records.js'
import type { Reason } from '../domain/reason.js'

/** An entity as the engine sees it at planning time: its record in each system. */
export interface EntitySnapshot {
  readonly entityId: string
  /** Its current record per system, where it has one. */
  readonly records: ReadonlyMap<string, RemoteRecord>
  /** Last-synced values by row key (`@owner` for the owner relationship). */
  readonly synced: Readonly<Record<string, FieldValue>>
  /** Why the records were put together (e.g. matched by email); carried into the plan. */
  readonly notes?: readonly Reason[]
  /** Systems where the entity is linked but its record was deleted: revsync never re-creates it there. */
  readonly gone?: ReadonlySet<string>
  /** Rows waiting in the review queue, with the values each side held when they were held. */
  readonly openReviews?: Readonly<Record<string, { readonly reason: Reason; readonly candidates: readonly { readonly system: string; readonly value: FieldValue }[] }>>
  /** Rows a person settled in the review queue: the value each must now hold, and who chose it. */
  readonly decided?: Readonly<Record<string, { readonly value: FieldValue; readonly reason: Reason }>>
}

/** One write the plan asks for, with the values it replaces and the reason for each. */
export interface PlannedWrite {
  readonly system: string
  readonly object: string
  readonly kind: 'create' | 'update'
  /** The record updated; absent for a create. */
  readonly recordId?: string
  readonly fields: Readonly<Record<string, FieldValue>>
  readonly refs: RecordRefs
  /** The values the written fields held before (blank for a create). */
  readonly before: Readonly<Record<string, FieldValue>>
  /** One reason per written field or relationship, plus why the record is created. */
  readonly reasons: readonly Reason[]
}

/** A row left undecided until a person resolves it. */
export interface HeldRow {
  readonly rowKey: string
  readonly reason: Reason
  readonly candidates: readonly { readonly system: string; readonly value: FieldValue }[]
}

/** Everything the engine decided for one entity. */
export interface EntityPlan {
  readonly entityId: string
  readonly writes: readonly PlannedWrite[]
  /** New last-synced values, by row key: the winners. Held rows are absent. */
  readonly synced: Readonly<Record<string, FieldValue>>
  readonly holds: readonly HeldRow[]
  /** Things a person should know that change no value (a missing user, a failed filter). */
  readonly warnings: readonly Reason[]
  /** Set when the entity takes no part in this mapping (filtered out). */
  readonly skipped?: Reason
}
