import type { LinkRow } from '../../domain/link.js'
import type { RemoteRecord } from '../../domain/records.js'
import type { Reason } from '../../domain/reason.js'
import type { ReviewCandidate } from '../../domain/review.js'

/** An entity assembled for planning: its records across systems and how they were found. */
export interface EntityGroup {
  readonly entityId: string
  readonly isNew: boolean
  readonly records: Map<string, RemoteRecord>
  /** Why records were put together (matched by email, a lead converted). */
  readonly notes: Reason[]
  /** Links to record once the batch commits. */
  readonly links: LinkRow[]
  readonly unlinks: Pick<LinkRow, 'mapping' | 'system' | 'recordId'>[]
  /** Set when the entity must not be planned: ambiguous match, conflicting link. */
  held?: Reason
  /** The competing records of another system (`system:Object/id`), when a person can pick one in review. */
  heldCandidates?: readonly ReviewCandidate[]
  /** Match reviews this group carries out: marked applied when its links commit. */
  appliedReviews?: readonly string[]
  /**
   * The entity its match key led to, when that entity is linked already: the record may be a
   * converted lead's contact read before the lead, which then belongs to that entity.
   */
  linkedElsewhere?: string
  /** Systems where the entity is linked but its record is deleted or no longer found. */
  readonly gone: Set<string>
  /** A linked record a person deleted in its system since the last run. */
  deleted?: RemoteRecord & { readonly system: string }
}

/** An entity with nothing assembled yet. */
export function newGroup(entityId: string, isNew: boolean): EntityGroup {
  return { entityId, isNew, records: new Map(), notes: [], links: [], unlinks: [], gone: new Set() }
}
