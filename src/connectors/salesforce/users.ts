import type { RemoteUser } from '../../domain/records.js'
import { queryPages } from './read.js'
import type { SalesforceSession } from './session.js'

const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null)

/** Every user of the org, active or not (`IsActive` → `active`). */
export async function listUsers(session: SalesforceSession): Promise<RemoteUser[]> {
  const out: RemoteUser[] = []
  const soql = 'SELECT Id, Username, Email, FirstName, LastName, IsActive FROM User ORDER BY Id'
  for await (const batch of queryPages(session, soql, false, 'list users')) {
    for (const u of batch) out.push({ id: String(u.Id), email: text(u.Email), firstName: text(u.FirstName), lastName: text(u.LastName), active: u.IsActive === true })
  }
  return out
}
