import { createServer } from 'node:http'
import type { IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'

/** One request a catcher received. */
export interface CaughtRequest {
  readonly url: string
  readonly headers: IncomingHttpHeaders
  readonly body: string
}

/**
 * A tiny receiver for simulator tests: records every request raw and answers with the next
 * status of `statuses` (204 once they run out), so a test can fail attempts on purpose.
 */
export async function startWebhookCatcher(statuses: number[] = []): Promise<{ url: string; caught: CaughtRequest[]; close(): Promise<void> }> {
  const caught: CaughtRequest[] = []
  let base = ''
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      caught.push({ url: base + (req.url ?? '/'), headers: req.headers, body: Buffer.concat(chunks).toString('utf8') })
      res.writeHead(statuses.shift() ?? 204)
      res.end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url: base,
    caught,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((e) => (e ? reject(e) : resolve()))
      }),
  }
}
