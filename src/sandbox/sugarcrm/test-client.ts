import type { SugarSim } from './sim.js'

/** A JSON answer read loosely: tests index into Sugar's bodies without declaring each shape. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- assertions check the shapes
export type Loose = any

/** A bare HTTP helper for tests: logs in as a seeded user and calls the simulator. */
export interface SugarTestClient {
  readonly token: string
  call(method: string, path: string, body?: unknown): Promise<{ status: number; body: Loose }>
}

/** Logs in with the password grant and returns a caller bound to that token. */
export async function sugarTestClient(sim: SugarSim, username = 'admin', password = 'sandbox-password'): Promise<SugarTestClient> {
  const res = await fetch(`${sim.url}/rest/v11/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ grant_type: 'password', client_id: 'sugar', client_secret: '', username, password, platform: 'revsync' }),
  })
  const token = ((await res.json()) as { access_token?: string }).access_token
  if (!token) throw new Error(`login failed with ${res.status}`)
  return {
    token,
    async call(method, path, body) {
      const r = await fetch(`${sim.url}${path}`, {
        method,
        headers: { 'OAuth-Token': token, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
      const text = await r.text()
      return { status: r.status, body: text === '' ? undefined : JSON.parse(text) }
    },
  }
}
