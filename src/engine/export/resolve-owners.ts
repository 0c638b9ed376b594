import type { ConfigIssue } from '../../domain/config/config-issue.js'
import type { ExportTarget } from '../../domain/export/resolve-target.js'
import type { RemoteUser } from '../../domain/records.js'
import type { OwnerDirectory } from './owner-directory.js'

/** One member of a round-robin pool: as config names them, and the user found. */
export interface PoolMember {
  readonly ref: string
  readonly user: RemoteUser
}

/** The users the target's settings name, found in the system. */
export interface ResolvedOwners {
  readonly defaultOwner: RemoteUser
  /** Owner of accounts the export creates. */
  readonly accountOwner: RemoteUser
  /** Round-robin members in config order, active or not (inactive ones are skipped at their turn). */
  readonly pool: readonly PoolMember[]
}

/**
 * Finds the default owner, the account owner and the pool members among the system's users.
 * The default and account owners must be active, since they are the fallback when every
 * other rule fails; a pool member may be inactive (skipped at its turn) but must exist, so a
 * typo is caught before any write.
 */
export function resolveOwners(target: ExportTarget, users: OwnerDirectory): { owners?: ResolvedOwners; issues: ConfigIssue[] } {
  const issues: ConfigIssue[] = []
  const at = ['exports', target.name]
  const active = (ref: string, key: string): RemoteUser | undefined => {
    const user = users.find(ref)
    if (!user) issues.push({ path: [...at, key], message: `no user "${ref}" in ${target.system}`, fix: `use the email or id of an active ${target.system} user` })
    else if (!user.active) issues.push({ path: [...at, key], message: `${users.describe(user)} is inactive in ${target.system}`, fix: 'name an active user: the default owner is the fallback of every other rule' })
    return user?.active ? user : undefined
  }
  const defaultOwner = active(target.config.defaultOwner, 'defaultOwner')
  const accountOwner = target.config.accountOwner === undefined ? defaultOwner : active(target.config.accountOwner, 'accountOwner')
  const pool: PoolMember[] = []
  if (target.config.leadRouting.kind === 'round-robin') {
    target.config.leadRouting.pool.forEach((ref, i) => {
      const user = users.find(ref)
      if (user) pool.push({ ref, user })
      else issues.push({ path: [...at, 'leadRouting', 'pool', i], message: `no user "${ref}" in ${target.system}`, fix: 'use the email or id of a user' })
    })
  }
  if (!defaultOwner || !accountOwner || issues.length > 0) return { issues }
  return { owners: { defaultOwner, accountOwner, pool }, issues }
}
