import type { Reason } from '../domain/reason.js'
import type { UserDirectory } from './user-directory.js'
import { describeUser } from './user-directory.js'

/** Where a relationship's winner lands in one system: a record id, or why it cannot. */
export type RelatedTarget = { readonly id: string } | { readonly problem: Reason }

/**
 * How one relationship's lookups compare across systems: each referenced id gets a
 * cross-system key (a user's email, a company's entity id), and a key translates back into
 * the id of the same user or company in another system.
 */
export interface RelatedDirectory {
  /** The cross-system key of the record or user `id` of `system`, when revsync knows it. */
  key(system: string, id: string): string | undefined
  /** How people name the referenced record or user in messages. */
  describe(system: string, id: string): string
  /** The same user or company in `system`, or the reason it cannot be used there. */
  target(key: string, system: string, who: string): RelatedTarget
}

/** Owners: users matched by email; a user missing or inactive in a system cannot own records there. */
export function ownerDirectory(users: UserDirectory): RelatedDirectory {
  return {
    key: (system, id) => users.identity(system, id)?.key,
    describe: (system, id) => {
      const user = users.user(system, id)
      return user ? describeUser(user) : `user ${id} of ${system}`
    },
    target(key, system, who) {
      const found = users.byKey(key)?.bySystem.get(system)
      if (!found) return { problem: { rule: 'owner.missing-user', detail: `${who} is not a user in ${system}; the ${system} owner is left unchanged` } }
      if (!found.active) return { problem: { rule: 'owner.inactive-user', detail: `${who} is inactive in ${system}; the ${system} owner is left unchanged` } }
      return { id: found.id }
    },
  }
}

/** Linked records of a related mapping, as the app loaded them for one batch. */
export interface LinkedRecords {
  /** Entity id of a record of `system`, by record id. */
  readonly entityOf: ReadonlyMap<string, string>
  /** Record id in `system` of an entity, by `${entityId}\u0000${system}`. */
  readonly recordOf: ReadonlyMap<string, string>
}

/** Companies (and parents): records linked as one entity of the company mapping. */
export function companyDirectory(name: string, links: LinkedRecords): RelatedDirectory {
  return {
    key: (system, id) => links.entityOf.get(`${system}\u0000${id}`),
    describe: (system, id) => `${name} ${system}/${id}`,
    target(key, system, who) {
      const id = links.recordOf.get(`${key}\u0000${system}`)
      if (!id) return { problem: { rule: `${name}.not-linked`, detail: `${who} has no linked record in ${system} yet; the ${system} ${name} is left unchanged`, retry: true } }
      return { id }
    },
  }
}
