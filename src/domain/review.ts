import type { Reason } from './reason.js'
import type { FieldValue } from './records.js'

/*
 * The review queue: field rows the engine would not settle on its own (the `manual` policy,
 * or `most-recent` when two sides changed too close together), and records whose match is
 * ambiguous (`matchRowKey`), wait here for a person.
 * These types live in the domain because the engine makes the holds and applies the
 * decisions, and the engine imports nothing but the domain.
 */

/** Where a review item stands: waiting for a person, settled with a value, or set aside. */
export type ReviewStatus = 'open' | 'resolved' | 'dismissed'

/** One side's value of a held row, as the person deciding sees it. */
export interface ReviewCandidate {
  readonly system: string
  readonly value: FieldValue
}

/**
 * A row of one entity held for review. While an item for the same row is still open, a
 * later hold updates that item's reason and candidates instead of opening another one.
 */
export interface ReviewHold {
  /** The new item's id; unused when an open item for the row already exists. */
  readonly id: string
  readonly mapping: string
  readonly entityId: string
  readonly rowKey: string
  readonly reason: Reason
  readonly candidates: readonly ReviewCandidate[]
  readonly at: string
}

/** A person's decision on an open item: the value the row must hold, or set it aside. */
export type ReviewDecision =
  | { readonly value: FieldValue; readonly by: string; readonly at: string }
  | { readonly dismissed: true; readonly by: string; readonly at: string }

/** One item of the review queue. */
export interface ReviewItem {
  readonly id: string
  readonly mapping: string
  readonly entityId: string
  readonly rowKey: string
  readonly reason: Reason
  readonly candidates: readonly ReviewCandidate[]
  readonly status: ReviewStatus
  /** The chosen value when resolved; null while open and when dismissed (a value may be null). */
  readonly resolution: { readonly value: FieldValue } | null
  readonly createdAt: string
  readonly resolvedAt: string | null
  readonly resolvedBy: string | null
  /** When a sync wrote the chosen value; null until then, and always for dismissed items. */
  readonly appliedAt: string | null
}

/**
 * The row key of a match review: a record held because several records of another system
 * match it (SPEC 2.8). Its entity is the held record's reference, its candidates the competing
 * records' references, and a resolution's value the reference of the record to link it to.
 */
export const matchRowKey = '@match'

/** How a match review names a record: `system:Object/id`. */
export function recordRef(system: string, object: string, id: string): string {
  return `${system}:${object}/${id}`
}

/** A `system:Object/id` reference taken apart, or undefined when it is not one. */
export function parseRecordRef(ref: string): { system: string; object: string; id: string } | undefined {
  const match = /^([^:/]+):([^/]+)\/(.+)$/.exec(ref)
  return match ? { system: match[1] as string, object: match[2] as string, id: match[3] as string } : undefined
}
