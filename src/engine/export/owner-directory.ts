import type { RemoteUser } from '../../domain/records.js'
import { describeUser } from '../user-directory.js'

/** The users of the export's system, found by id or email. */
export interface OwnerDirectory {
  /** The user with this id; Salesforce's 15- and 18-character ids are one id. */
  byId(id: string | null | undefined): RemoteUser | undefined
  /** The user a config value names: an id, or an email (case-insensitive; an active user first). */
  find(ref: string): RemoteUser | undefined
  /** "Jane Smith <jane@acme.com> (005…)": a user as reasons name them. */
  describe(user: RemoteUser): string
}

/** Salesforce ids compare on their case-sensitive first 15 characters; other ids whole. */
function idKey(id: string): string {
  return /^[a-zA-Z0-9]{18}$/.test(id) ? id.slice(0, 15) : id
}

/** Builds the directory over every user of the system, active or not. */
export function createOwnerDirectory(users: readonly RemoteUser[]): OwnerDirectory {
  const byId = new Map(users.map((u) => [idKey(u.id), u]))
  const byEmail = new Map<string, RemoteUser>()
  // Emails are not unique among Salesforce users: the active one wins.
  for (const u of [...users].sort((a, b) => Number(a.active) - Number(b.active))) if (u.email) byEmail.set(u.email.trim().toLowerCase(), u)
  return {
    byId: (id) => (id ? byId.get(idKey(id.trim())) : undefined),
    find: (ref) => byEmail.get(ref.trim().toLowerCase()) ?? byId.get(idKey(ref.trim())),
    describe: (user) => `${describeUser(user)} (${user.id})`,
  }
}
