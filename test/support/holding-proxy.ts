import { createServer, request } from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** A proxy in front of a simulator that can hold writes back until the test lets them through. */
export interface HoldingProxy {
  readonly url: string
  /** Resolves when the first write arrives and is held. */
  readonly firstHeld: Promise<void>
  /** Sends every held write on, and every later one straight through. */
  release(): void
  close(): Promise<void>
}

/** Writes of the vendors' bulk APIs: HubSpot batch create/update/upsert, Salesforce collections. */
const WRITE = /\/batch\/(create|update|upsert)\b|\/composite\/sobjects\b/

/**
 * Starts a proxy to `target` that forwards reads at once and holds writes until `release`.
 * Tests use it to keep a run in the middle of its writes for as long as they need, with no
 * timing: the run is stopped at a known point, not raced against.
 */
export async function startHoldingProxy(target: string): Promise<HoldingProxy> {
  const upstream = new URL(target)
  let released = false
  const held: (() => void)[] = []
  let onFirst!: () => void
  const firstHeld = new Promise<void>((resolve) => (onFirst = resolve))

  const forward = (req: IncomingMessage, res: ServerResponse, body: Buffer): void => {
    const out = request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      },
    )
    out.on('error', () => res.destroy())
    out.end(body)
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const body = Buffer.concat(chunks)
      if (released || !WRITE.test(req.url ?? '')) return forward(req, res, body)
      held.push(() => forward(req, res, body))
      onFirst()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    firstHeld,
    release() {
      released = true
      for (const send of held.splice(0)) send()
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
