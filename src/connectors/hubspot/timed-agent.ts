import { Agent as HttpAgent } from 'node:http'
import { Agent as HttpsAgent } from 'node:https'
import type { Socket } from 'node:net'

/**
 * A keep-alive agent whose sockets time out. The official client sends through node-fetch
 * without any timeout, so a call HubSpot accepts and never answers would wait forever. A socket
 * silent for `ms` is destroyed, which fails the call in flight as a network error (`ETIMEDOUT`,
 * retried like any other); an idle kept-alive socket simply closes.
 */
export function timedAgent(url: string, ms: number): HttpAgent {
  // The agent's own `timeout` keeps the socket timeout when a kept-alive socket is reused.
  const agent = url.startsWith('https:') ? new HttpsAgent({ keepAlive: true, timeout: ms }) : new HttpAgent({ keepAlive: true, timeout: ms })
  const inner = agent as unknown as { createConnection: (...args: unknown[]) => Socket }
  const create = inner.createConnection.bind(agent)
  inner.createConnection = (...args: unknown[]): Socket => {
    const socket = create(...args)
    socket.setTimeout(ms)
    socket.on('timeout', () => {
      const busy = (socket as unknown as { _httpMessage?: unknown })._httpMessage
      socket.destroy(busy ? Object.assign(new Error(`HubSpot sent no answer within ${ms} ms`), { code: 'ETIMEDOUT' }) : undefined)
    })
    return socket
  }
  return agent
}

interface RequestContextLike {
  setAgent(agent: unknown): void
}

interface GeneratedApi {
  readonly api?: { readonly configuration?: { httpApi?: { send(context: RequestContextLike): unknown } } }
}

/**
 * Makes every request of one generated API go through `agent`. The client takes an
 * `httpAgent`, but its generated APIs apply that setting (a middleware) only to calls given
 * per-call options, so without this each request would use Node's global agent and no
 * timeout. Every call of an API passes its configuration's `httpApi.send`, where the agent
 * is set. Fails loudly should a new client version change that shape.
 */
export function sendThrough<T>(api: T, agent: HttpAgent): T {
  const configuration = (api as GeneratedApi).api?.configuration
  const http = configuration?.httpApi
  if (!configuration || !http) throw new Error('@hubspot/api-client: an API object has no configuration.httpApi; the HubSpot connector needs updating for this client version')
  configuration.httpApi = {
    send: (context) => {
      context.setAgent(agent)
      return http.send(context)
    },
  }
  return api
}
