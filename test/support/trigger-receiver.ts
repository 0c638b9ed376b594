import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createJsonLogger } from '../../src/app/logger.js'
import { acceptHubSpotDelivery, acceptSugarHook } from '../../src/app/triggers/accept-delivery.js'
import { runTriggered } from '../../src/app/triggers/run-triggered.js'
import type { SyncReport } from '../../src/app/sync/sync-report.js'
import type { SyncFixture } from './sync-fixture.js'

/** A receiver as `revsync serve` will mount it: verify, answer 204, run the records. */
export interface TriggerReceiver {
  readonly url: string
  /** Every request answered, by path and status. */
  readonly answers: { path: string; status: number }[]
  /** Reports of the triggered runs, in the order they finished. */
  readonly reports: SyncReport[]
  readonly errors: unknown[]
  /** Log lines written by accepting deliveries and by the runs. */
  readonly logLines: string[]
  /** Resolves once every triggered run started so far has finished. */
  settled(): Promise<void>
  close(): Promise<void>
}

/**
 * Starts a small HTTP receiver for the fixture's systems: `/hooks/hubspot` (v3 signature with
 * `hubspotSecret`) and `/hooks/sugar` (shared `sugarSecret`). Each accepted delivery starts its
 * runs at once, unqueued, so two deliveries for one mapping meet at the run lease.
 */
export async function startTriggerReceiver(f: SyncFixture, secrets: { hubspot: string; sugar: string }): Promise<TriggerReceiver> {
  const logLines: string[] = []
  const logger = createJsonLogger((line) => logLines.push(line))
  const running = new Set<Promise<void>>()
  const receiver = {
    answers: [] as { path: string; status: number }[],
    reports: [] as SyncReport[],
    errors: [] as unknown[],
    logLines,
  }
  let base = ''
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const path = new URL(req.url ?? '/', base).pathname
      const request = { method: req.method ?? 'POST', url: base + (req.url ?? '/'), body: Buffer.concat(chunks).toString('utf8'), headers: req.headers }
      const hubspot = path === '/hooks/hubspot'
      const deps = { system: hubspot ? 'hubspot' : 'sugar', secret: hubspot ? secrets.hubspot : secrets.sugar, now: () => new Date(), logger }
      const accepted = hubspot ? acceptHubSpotDelivery(request, deps) : acceptSugarHook(request, deps)
      if (accepted.status === 204) {
        for (const set of accepted.sets) {
          const run = runTriggered(f.config, set, f.app.syncDeps({ logger }), { waitSeconds: 60 })
            .then((reports) => void receiver.reports.push(...reports))
            .catch((error: unknown) => void receiver.errors.push(error))
          running.add(run)
          void run.finally(() => running.delete(run))
        }
      }
      receiver.answers.push({ path, status: accepted.status })
      res.writeHead(accepted.status, accepted.status === 204 ? {} : { 'content-type': 'application/json' })
      res.end(accepted.status === 204 ? undefined : JSON.stringify({ title: accepted.reason }))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    ...receiver,
    url: base,
    async settled() {
      while (running.size > 0) await Promise.all([...running])
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((e) => (e ? reject(e) : resolve()))
      }),
  }
}
