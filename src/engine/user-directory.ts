import type { RemoteUser } from '../domain/records.js'

/** One person who is a user in one or more systems. */
export interface UserIdentity {
  /** Lower-cased email, or `override:N` for a hand-matched user. */
  readonly key: string
  readonly bySystem: ReadonlyMap<string, RemoteUser>
}

/** Users matched across systems: translate an owner id in one system to the same person in another. */
export interface UserDirectory {
  /** The user behind an id of one system. */
  user(system: string, id: string | null | undefined): RemoteUser | undefined
  /** The cross-system identity of a user id. */
  identity(system: string, id: string | null | undefined): UserIdentity | undefined
  /** The same person's user in `system`, if they are one there. */
  counterpart(identity: UserIdentity, system: string): RemoteUser | undefined
  /** The identity behind a cross-system key. */
  byKey(key: string): UserIdentity | undefined
}

/** "John Smith <john@acme.com>": how a user is named in warnings. */
export function describeUser(user: RemoteUser): string {
  const name = [user.firstName, user.lastName].filter(Boolean).join(' ')
  if (name && user.email) return `${name} <${user.email}>`
  return name || user.email || `user ${user.id}`
}

/** First and last name, as `owner.fullName` reads. */
export function fullName(user: RemoteUser): string | null {
  const name = [user.firstName, user.lastName].filter(Boolean).join(' ').trim()
  return name === '' ? null : name
}

/**
 * Matches users across systems by email, case-insensitively (SPEC 2.4), after applying the
 * hand-made overrides, which win. Users are never created; a person missing from a system
 * simply has no counterpart there.
 */
export function buildUserDirectory(
  usersBySystem: ReadonlyMap<string, readonly RemoteUser[]>,
  overrides: readonly Readonly<Record<string, string>>[] = [],
): UserDirectory {
  const identities = new Map<string, Map<string, RemoteUser>>()
  const keyOf = new Map<string, string>()
  const idKey = (system: string, id: string) => `${system}\u0000${id}`
  const byId = new Map<string, RemoteUser>()
  for (const [system, users] of usersBySystem) for (const u of users) byId.set(idKey(system, u.id), u)

  overrides.forEach((row, i) => {
    const members = new Map<string, RemoteUser>()
    for (const [system, id] of Object.entries(row)) {
      const user = byId.get(idKey(system, id))
      if (!user) continue
      members.set(system, user)
      keyOf.set(idKey(system, id), `override:${i}`)
    }
    identities.set(`override:${i}`, members)
  })
  for (const [system, users] of usersBySystem) {
    for (const user of users) {
      if (keyOf.has(idKey(system, user.id)) || !user.email) continue
      const key = user.email.trim().toLowerCase()
      const members = identities.get(key) ?? new Map<string, RemoteUser>()
      // Two users of one system with one email: the active one represents the person.
      const existing = members.get(system)
      if (!existing || (!existing.active && user.active)) members.set(system, user)
      identities.set(key, members)
      keyOf.set(idKey(system, user.id), key)
    }
  }
  const identity = (system: string, id: string | null | undefined): UserIdentity | undefined => {
    const key = id ? keyOf.get(idKey(system, id)) : undefined
    const members = key ? identities.get(key) : undefined
    return key && members ? { key, bySystem: members } : undefined
  }
  return {
    user: (system, id) => (id ? byId.get(idKey(system, id)) : undefined),
    identity,
    counterpart: (ident, system) => ident.bySystem.get(system),
    byKey: (key) => {
      const members = identities.get(key)
      return members ? { key, bySystem: members } : undefined
    },
  }
}
