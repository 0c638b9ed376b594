import type { ExportTarget } from '../../domain/export/resolve-target.js'
import type { RemoteUser } from '../../domain/records.js'
import type { Reason } from '../../domain/reason.js'
import type { OwnerDecision } from './export-plan.js'
import type { OwnerDirectory } from './owner-directory.js'
import type { ResolvedOwners } from './resolve-owners.js'

/** The account the person lands on, with the value of the account owner field. */
export interface OwnerAccount {
  readonly id: string
  readonly name: string | null
  /** The user id the account owner field holds (`OwnerId`, `SDR_Owner__c`, …), or null when empty. */
  readonly ownerValue: string | null
}

/** What the owner of one person's record depends on. */
export interface OwnerInput {
  readonly target: ExportTarget
  readonly owners: ResolvedOwners
  readonly users: OwnerDirectory
  readonly object: string
  /** The existing record's current owner, or undefined when the record is new. */
  readonly existingOwnerId?: string | null
  /** The matched (or newly created) account, or null. */
  readonly account: OwnerAccount | null
}

/**
 * Decides the owner (seed "Default Ownership", SPEC 3.4). An existing record keeps its owner
 * unless `reassignExisting` is on. With an account and `accountOwnerField`, the user in that
 * field owns the record; when the field is empty or the user is inactive, the default owner
 * does. Without an account, lead routing decides: the default owner, Salesforce's assignment
 * rules (on create only), or the round robin.
 */
export function decideOwner(input: OwnerInput): OwnerDecision {
  const { target, owners, users, account } = input
  const existing = input.existingOwnerId !== undefined
  const current = existing ? users.byId(input.existingOwnerId) : undefined
  if (existing && !target.config.reassignExisting) {
    return { kind: 'keep', reason: { rule: 'owner.kept', detail: `the existing ${input.object} keeps its owner ${current ? users.describe(current) : (input.existingOwnerId ?? '(none)')}: reassignExisting is off` } }
  }
  const prefix = existing ? 'reassignExisting is on, so the rules apply to the existing record: ' : ''
  const fallback = (why: string): OwnerDecision => ({ kind: 'user', userId: owners.defaultOwner.id, reason: { rule: 'owner.default', detail: `${prefix}default owner ${users.describe(owners.defaultOwner)}: ${why}` } })
  const field = target.config.accountOwnerField
  if (account !== null) {
    const accountLabel = `account "${account.name ?? account.id}" (${account.id})`
    if (field === undefined) return fallback(`accountOwnerField is not set, so records on ${accountLabel} go to the default owner`)
    if (account.ownerValue === null || account.ownerValue.trim() === '') return fallback(`${field} of ${accountLabel} is empty`)
    const user = users.byId(account.ownerValue)
    if (!user) return fallback(`${field} of ${accountLabel} holds ${account.ownerValue}, which is not a ${target.system} user`)
    if (!user.active) return fallback(`${field} of ${accountLabel} is ${users.describe(user)}, who is inactive`)
    return { kind: 'user', userId: user.id, reason: { rule: 'owner.account-field', detail: `${prefix}${users.describe(user)}, the ${field} of ${accountLabel}` } }
  }
  const routing = target.config.leadRouting
  const what = target.kind === 'salesforce' ? 'a lead without an account' : 'a contact without a company'
  if (routing.kind === 'assignment-rules') {
    if (existing) return { kind: 'keep', reason: { rule: 'owner.kept', detail: `the existing ${input.object} keeps its owner ${current ? users.describe(current) : (input.existingOwnerId ?? '(none)')}: assignment rules only run when a lead is created` } }
    return { kind: 'assignment-rules', reason: { rule: 'owner.assignment-rules', detail: `${what}: left to Salesforce's lead assignment rules (Sforce-Auto-Assign: TRUE)` } }
  }
  if (routing.kind === 'round-robin') {
    return { kind: 'round-robin', reason: { rule: 'owner.round-robin', detail: `${prefix}${what}: the next active user of the round robin over ${owners.pool.map((m) => m.ref).join(', ')}` } }
  }
  return fallback(`${what} goes to the default owner (leadRouting default-owner)`)
}

/** The reason for a round-robin pick: whose turn it was, and who was skipped for being inactive. */
export function roundRobinReason(users: OwnerDirectory, poolSize: number, turn: number, user: RemoteUser, skipped: readonly RemoteUser[]): Reason {
  const skips = skipped.length > 0 ? `; skipped ${skipped.map((u) => `${users.describe(u)} (inactive)`).join(', ')}` : ''
  return { rule: 'owner.round-robin', detail: `round robin: turn ${turn + 1} of ${poolSize} went to ${users.describe(user)}${skips}` }
}

/** The reason when every pool member is inactive. */
export function emptyPoolReason(users: OwnerDirectory, owners: ResolvedOwners): Reason {
  return { rule: 'owner.default', detail: `default owner ${users.describe(owners.defaultOwner)}: every member of the round-robin pool is inactive (${owners.pool.map((m) => m.ref).join(', ')})` }
}
