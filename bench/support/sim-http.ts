// Plain fetch + JSON calls to the simulators, for what the benchmark does outside revsync:
// changing people as their users would, and the transfer floor.
import { benchCredentials } from './bench-credentials.js'

/** Answers a request's JSON, or throws with the status and body. */
export async function json<T>(response: Promise<Response>): Promise<T> {
  const r = await response
  if (!r.ok) throw new Error(`${r.url} answered ${r.status}: ${await r.text()}`)
  return (await r.json()) as T
}

/** Logs into the Sugar simulator as admin (OAuth2 password grant) and answers the access token. */
export async function sugarToken(sugarUrl: string): Promise<string> {
  const { access_token: token } = await json<{ access_token: string }>(
    fetch(`${sugarUrl}/rest/v11/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'password', client_id: 'sugar', client_secret: '', username: 'admin', password: benchCredentials.sugarPassword, platform: 'bench' }),
    }),
  )
  return token
}

/** Updates Sugar contacts through `/bulk`, 100 requests a call. */
export async function sugarBulkUpdate(sugarUrl: string, token: string, updates: readonly { id: string; fields: Record<string, unknown> }[]): Promise<void> {
  for (let i = 0; i < updates.length; i += 100) {
    const requests = updates.slice(i, i + 100).map((u) => ({ url: `/v11/Contacts/${u.id}`, method: 'PUT', data: JSON.stringify(u.fields) }))
    const answers = await json<{ status: number }[]>(fetch(`${sugarUrl}/rest/v11/bulk`, { method: 'POST', headers: { 'content-type': 'application/json', 'oauth-token': token }, body: JSON.stringify({ requests }) }))
    const bad = answers.find((a) => a.status !== 200)
    if (bad) throw new Error(`a Sugar bulk update failed: ${JSON.stringify(bad)}`)
  }
}

/** Updates HubSpot contacts through batch update, 100 inputs a call. */
export async function hubspotBatchUpdate(hubspotUrl: string, updates: readonly { id: string; properties: Record<string, unknown> }[]): Promise<void> {
  for (let i = 0; i < updates.length; i += 100) {
    const inputs = updates.slice(i, i + 100)
    await json(fetch(`${hubspotUrl}/crm/v3/objects/contacts/batch/update`, { method: 'POST', headers: { authorization: `Bearer ${benchCredentials.hubspotToken}`, 'content-type': 'application/json' }, body: JSON.stringify({ inputs }) }))
  }
}
