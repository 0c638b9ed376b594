import { createServer } from 'node:http'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { FaultInjector } from './faults.js'
import { createRouteMatcher } from './route-matcher.js'

import type { SimRequest, SimResponse, SimRoute } from './sim-types.js'

export type { SimHandler, SimRequest, SimResponse, SimRoute } from './sim-types.js'

/** A running simulator. */
export interface SimServer {
  readonly url: string
  readonly server: Server
  /** Calls per route family since start or the last reset. */
  readonly calls: Map<string, number>
  close(): Promise<void>
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  for await (const c of req) chunks.push(c as Buffer)
  if (chunks.length === 0) return undefined
  const text = Buffer.concat(chunks).toString('utf8')
  const type = req.headers['content-type'] ?? ''
  if (type.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(text))
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

function send(res: ServerResponse, out: SimResponse): void {
  const payload = out.body === undefined ? '' : JSON.stringify(out.body)
  res.writeHead(out.status, { 'content-type': 'application/json', ...out.headers })
  res.end(payload)
}

export interface SimServerOptions {
  readonly routes: readonly SimRoute[]
  readonly faults: FaultInjector
  /** Answer for a request no route matches; vendors differ in shape. */
  readonly notFound?: (req: SimRequest) => SimResponse
  readonly port?: number
}

/**
 * Starts an HTTP simulator on 127.0.0.1. Every request passes the fault injector first, so
 * tests can script 429 storms, 5xx bursts and latency. `/__sandbox/*` is the control API.
 */
export async function startSimServer(options: SimServerOptions): Promise<SimServer> {
  const match = createRouteMatcher(options.routes)
  const calls = new Map<string, number>()
  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => send(res, { status: 500, body: { message: String(error) } }))
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sandbox')
    const body = await readBody(req)
    const base = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, body }
    if (url.pathname.startsWith('/__sandbox/')) return send(res, control({ ...base, params: {} }))
    const found = match(base.method, url.pathname)
    if (found) {
      const family = found.route.name ?? `${found.route.method} ${found.route.pattern}`
      calls.set(family, (calls.get(family) ?? 0) + 1)
      const fault = await options.faults.before(family)
      if (fault) return send(res, fault)
      return send(res, await found.route.handler({ ...base, params: found.params }))
    }
    send(res, options.notFound?.({ ...base, params: {} }) ?? { status: 404, body: { message: `no route ${base.method} ${url.pathname}` } })
  }

  function control(req: SimRequest): SimResponse {
    if (req.path === '/__sandbox/calls' && req.method === 'GET') return { status: 200, body: Object.fromEntries(calls) }
    if (req.path === '/__sandbox/calls' && req.method === 'DELETE') {
      calls.clear()
      return { status: 204 }
    }
    if (req.path === '/__sandbox/faults' && req.method === 'POST') {
      options.faults.configure(req.body as Record<string, unknown>)
      return { status: 200, body: options.faults.settings() }
    }
    if (req.path === '/__sandbox/faults' && req.method === 'GET') return { status: 200, body: options.faults.settings() }
    return { status: 404, body: { message: `no control route ${req.method} ${req.path}` } }
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    calls,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((e) => (e ? reject(e) : resolve()))
      }),
  }
}
