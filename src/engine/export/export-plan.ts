import type { ExportTab } from '../../domain/export/export-config.js'
import type { FieldValue } from '../../domain/records.js'
import type { Reason } from '../../domain/reason.js'

/** An existing lead or contact of the person, or why there is none. */
export type ExistingChoice =
  | { readonly kind: 'found'; readonly object: string; readonly id: string; readonly reason: Reason }
  | { readonly kind: 'none'; readonly reason: Reason }
  /** Two or more records on the deciding rule: not guessed, the signal fails. */
  | { readonly kind: 'ambiguous'; readonly reason: Reason }

/** The account the person's company is, or why there is none. */
export type AccountDecision =
  | { readonly kind: 'matched'; readonly id: string; readonly name: string | null; readonly reason: Reason }
  | { readonly kind: 'none'; readonly reason: Reason }
  | { readonly kind: 'ambiguous'; readonly reason: Reason }

/** Who owns the record, or who will decide. */
export type OwnerDecision =
  | { readonly kind: 'user'; readonly userId: string; readonly reason: Reason }
  /** An existing record keeps its owner. */
  | { readonly kind: 'keep'; readonly reason: Reason }
  /** Salesforce's lead assignment rules pick the owner on create. */
  | { readonly kind: 'assignment-rules'; readonly reason: Reason }
  /** The next active member of the round-robin pool, whose turn the app takes from the store. */
  | { readonly kind: 'round-robin'; readonly reason: Reason }

/** Field values a write sets, their values before, and a reason per field. */
export interface FieldWrites {
  readonly fields: Readonly<Record<string, FieldValue>>
  readonly before: Readonly<Record<string, FieldValue>>
  readonly reasons: readonly Reason[]
  /** Required fields the signal leaves blank on create: the record cannot be created. */
  readonly missing: readonly string[]
}

/** An account the export creates before the contact (`contact-and-account`). */
export interface AccountCreate {
  /** Same company, same key: two signals in a run share one new account. */
  readonly companyKey: string
  readonly object: string
  readonly name: string
  readonly fields: Readonly<Record<string, FieldValue>>
  readonly ownerId: string
  readonly reasons: readonly Reason[]
}

/** The write of the person's record. */
export interface PersonWrite {
  readonly kind: 'create' | 'update'
  readonly object: string
  readonly tab: ExportTab
  /** The record id for an update. */
  readonly id: string | null
  readonly writes: FieldWrites
  /** The company lookup to set: an account id, or `new` for the account created with it. */
  readonly company: string | 'new' | null
  readonly owner: OwnerDecision
  /** The owner now, for updates; before-value of the owner lookup. */
  readonly currentOwnerId: string | null
  readonly currentCompanyId: string | null
}

/** What happens to a signal's person: a record created or updated, nothing to do, or a failure before any write. */
export type SignalOutcomeKind = 'create' | 'update' | 'skip' | 'fail'

/**
 * Everything the engine decided for one signal, each decision with its reason: whether the
 * person exists, the account, the record type, the owner and every field. `app/export`
 * executes it; `plan` prints it; run items keep its reasons for `explain`.
 */
export interface SignalPlan {
  readonly outcome: SignalOutcomeKind
  /** The person's object: the one updated, created, or that would have been. */
  readonly object: string
  /** The existing record's id (updates and skips). */
  readonly recordId: string | null
  readonly existing: ExistingChoice
  readonly account: AccountDecision
  readonly createAccount: AccountCreate | null
  /** Null when the signal fails before anything could be written. */
  readonly person: PersonWrite | null
  /** In order: existing record, account, record type, owner, and the failure if any. Field reasons are in `person.writes`. */
  readonly reasons: readonly Reason[]
}
