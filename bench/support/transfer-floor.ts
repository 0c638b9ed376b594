import { benchCredentials } from './bench-credentials.js'

/** Field pairs the benchmark moves: Sugar name -> HubSpot property. */
export const benchFields: readonly (readonly [string, string])[] = [
  ['email1', 'email'],
  ['first_name', 'firstname'],
  ['last_name', 'lastname'],
  ['title', 'jobtitle'],
  ['phone_work', 'phone'],
  ['primary_address_city', 'city'],
]

async function json<T>(response: Promise<Response>): Promise<T> {
  const r = await response
  if (!r.ok) throw new Error(`${r.url} answered ${r.status}: ${await r.text()}`)
  return (await r.json()) as T
}

/**
 * The transfer floor: the least a program can do to move the same records between the same
 * simulators with plain fetch and JSON. It reads Sugar's pages and posts HubSpot batches of
 * 100, and nothing else. Returns the CPU it spent, to divide revsync's CPU by.
 */
export async function transferFloor(urls: { sugar: string; hubspot: string }): Promise<{ cpuMs: number; records: number }> {
  const started = process.cpuUsage()
  const { access_token: token } = await json<{ access_token: string }>(
    fetch(`${urls.sugar}/rest/v11/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'password', client_id: 'sugar', client_secret: '', username: 'admin', password: benchCredentials.sugarPassword, platform: 'bench' }),
    }),
  )
  let offset = 0
  let records = 0
  while (offset >= 0) {
    const page = await json<{ next_offset: number; records: Record<string, unknown>[] }>(
      fetch(`${urls.sugar}/rest/v11/Contacts/filter?max_num=1000&offset=${offset}&order_by=date_modified:ASC`, { headers: { 'oauth-token': token } }),
    )
    for (let i = 0; i < page.records.length; i += 100) {
      const inputs = page.records.slice(i, i + 100).map((r) => ({ properties: Object.fromEntries(benchFields.map(([from, to]) => [to, r[from] == null ? '' : String(r[from])])) }))
      await json(fetch(`${urls.hubspot}/crm/v3/objects/contacts/batch/create`, { method: 'POST', headers: { authorization: `Bearer ${benchCredentials.hubspotToken}`, 'content-type': 'application/json' }, body: JSON.stringify({ inputs }) }))
    }
    records += page.records.length
    offset = page.next_offset
  }
  const used = process.cpuUsage(started)
  return { cpuMs: (used.user + used.system) / 1000, records }
}
