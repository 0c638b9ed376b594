import type { RemoteUser } from '../../domain/records.js'
import type { SugarClient } from './client.js'
import type { FilterAnswer } from './read.js'

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null)

/** Every user, active or not (`status` Active / Inactive), paged by offset (user lists are short). */
export async function listUsers(client: SugarClient): Promise<RemoteUser[]> {
  const users: RemoteUser[] = []
  for (let offset = 0; offset !== -1; ) {
    const answer = await client.request<FilterAnswer>({
      method: 'POST',
      path: '/rest/v11/Users/filter',
      body: { max_num: 1000, offset, order_by: 'date_entered:ASC,id:ASC', fields: 'user_name,first_name,last_name,email1,status' },
    })
    for (const u of answer.records) {
      users.push({ id: u.id, email: text(u.email1), firstName: text(u.first_name), lastName: text(u.last_name), active: u.status === 'Active' })
    }
    offset = answer.records.length === 0 ? -1 : answer.next_offset
  }
  return users
}
