/** One raw answer of the simulator: status, headers and parsed JSON body. */
export interface SimAnswer {
  readonly status: number
  readonly headers: Headers
  // Tests read bodies loosely; HubSpot's shapes are what they assert.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly body: any
}

/**
 * A tiny raw HTTP client for a HubSpot simulator, authenticated with the private-app token;
 * tests use it to act as "a person in the CRM" and to check the wire format itself.
 */
export function simFetch(baseUrl: string, token: string | undefined) {
  return async (method: string, path: string, body?: unknown): Promise<SimAnswer> => {
    const headers: Record<string, string> = { accept: 'application/json' }
    if (token !== undefined) headers.authorization = `Bearer ${token}`
    if (body !== undefined) headers['content-type'] = 'application/json'
    const res = await fetch(baseUrl + path, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) })
    const text = await res.text()
    return { status: res.status, headers: res.headers, body: text === '' ? undefined : JSON.parse(text) }
  }
}
