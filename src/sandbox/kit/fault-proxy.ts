import { createServer, request as httpRequest } from 'node:http'
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'

/**
 * How a targeted request goes wrong:
 * - `reset`: it is forwarded, the simulator applies it and answers, and the proxy then resets
 *   the client's connection instead of passing the answer on (the answer is lost).
 * - `hang`: it is accepted and never answered, nor forwarded.
 */
export type ProxyFaultMode = 'reset' | 'hang'

/** The first `times` requests matching `method` and `path` (the path with its query) go wrong. */
export interface ProxyFault {
  readonly method: string
  readonly path: RegExp
  readonly mode: ProxyFaultMode
  readonly times: number
}

/** A running fault proxy in front of one simulator. */
export interface FaultProxy {
  readonly url: string
  /** Adds a fault; requests are checked against faults in the order they were added. */
  inject(fault: ProxyFault): void
  /** Requests a fault has hit so far (all faults together). */
  hits(): number
  /** Resolves once `count` requests have hit a fault; waits on the event, never on a timer. */
  waitForHits(count: number): Promise<void>
  close(): Promise<void>
}

interface ArmedFault extends ProxyFault {
  left: number
}

async function readAll(stream: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

/** The client's headers for the upstream: its own `host`, and the body's exact length. */
function forwardHeaders(headers: IncomingHttpHeaders, upstream: URL, length: number): IncomingHttpHeaders {
  const { host: _host, connection: _connection, 'transfer-encoding': _te, 'content-length': _cl, ...rest } = headers
  return { ...rest, host: upstream.host, ...(length > 0 ? { 'content-length': String(length) } : {}) }
}

/**
 * Starts an HTTP proxy on 127.0.0.1 in front of `upstream` that passes every request through,
 * except the ones a fault targets. It stands alone (node:http only), so any client can be put
 * behind it: revsync's fetch client, the HubSpot SDK, jsforce.
 */
export async function startFaultProxy(upstream: string): Promise<FaultProxy> {
  const target = new URL(upstream)
  const faults: ArmedFault[] = []
  const hung = new Set<ServerResponse>()
  const waiters: { count: number; resolve: () => void }[] = []
  let hits = 0

  const hit = (): void => {
    hits++
    for (const w of waiters.filter((x) => hits >= x.count)) {
      waiters.splice(waiters.indexOf(w), 1)
      w.resolve()
    }
  }

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ message: `fault proxy: ${String(error)}` }))
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readAll(req)
    const method = req.method ?? 'GET'
    const path = req.url ?? '/'
    const fault = faults.find((f) => f.left > 0 && f.method === method && f.path.test(path))
    if (fault) fault.left--
    if (fault?.mode === 'hang') {
      hung.add(res)
      hit()
      return
    }
    const answer = await forward(method, path, req.headers, body)
    if (fault?.mode === 'reset') {
      hit()
      // The simulator has applied the request; the client only sees its connection reset.
      ;(req.socket as Socket).resetAndDestroy()
      return
    }
    res.writeHead(answer.status, answer.headers)
    res.end(answer.body)
  }

  function forward(method: string, path: string, headers: IncomingHttpHeaders, body: Buffer): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
    return new Promise((resolve, reject) => {
      const out = httpRequest({ host: target.hostname, port: target.port, method, path, headers: forwardHeaders(headers, target, body.length) }, (upstreamRes) => {
        readAll(upstreamRes).then((data) => {
          const { 'transfer-encoding': _te, 'content-length': _cl, connection: _c, ...rest } = upstreamRes.headers
          resolve({ status: upstreamRes.statusCode ?? 502, headers: { ...rest, 'content-length': String(data.length) }, body: data })
        }, reject)
      })
      out.on('error', reject)
      out.end(body)
    })
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    inject: (fault) => void faults.push({ ...fault, left: fault.times }),
    hits: () => hits,
    waitForHits: (count) => (hits >= count ? Promise.resolve() : new Promise((resolve) => waiters.push({ count, resolve }))),
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const res of hung) res.destroy()
        server.closeAllConnections()
        server.close((e) => (e ? reject(e) : resolve()))
      }),
  }
}
