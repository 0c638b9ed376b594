import { serve } from '@hono/node-server'
import type { AddressInfo } from 'node:net'
import type { LoadedConfig } from '../app/config/load-config.js'
import type { Logger } from '../app/logger.js'
import { openAppFrom } from '../app/open-app.js'
import { createRunEvents } from '../app/service/run-events.js'
import { startScheduler } from '../app/service/scheduler.js'
import type { Scheduler } from '../app/service/scheduler.js'
import type { ServiceContext } from '../app/service/service-context.js'
import { startWorker } from '../app/service/worker.js'
import type { Worker } from '../app/service/worker.js'
import { createInProcessQueueFor } from '../app/service/in-process-queue-for.js'
import { createApi } from './create-api.js'
import { createRateLimit } from './rate-limit.js'
import { routeTable } from './route-table.js'

/** How to start the service. */
export interface ServiceOptions {
  readonly loaded: LoadedConfig
  readonly logger: Logger
  /** 127.0.0.1 unless told: the API is not for the network until someone decides it is. */
  readonly host?: string
  /** 0 picks a free port. */
  readonly port?: number
  /** Per-token rate limit: requests at once, and per second after that. */
  readonly rateLimit?: { readonly burst: number; readonly perSecond: number }
  /** How often the scheduler looks for due mappings, in ms. */
  readonly tickMs?: number
}

/** A running service: its address, its parts (for tests), and how to stop it. */
export interface RunningService {
  readonly url: string
  readonly context: ServiceContext
  readonly worker: Worker
  readonly scheduler: Scheduler
  /** Stops taking requests and jobs, lets the running batch be recorded, closes the store. */
  stop(): Promise<void>
}

/**
 * `revsync serve` in one process: the HTTP API, the scheduler and an in-process worker on
 * one store. Stopping closes the listener first, then the scheduler, then the worker (which
 * ends its run between batches with the run `stopped`), and the store last.
 */
export async function startService(options: ServiceOptions): Promise<RunningService> {
  const app = await openAppFrom(options.loaded, { logger: options.logger })
  const now = app.now
  const queue = createInProcessQueueFor(app)
  const context: ServiceContext = { app, queue, events: createRunEvents(), logger: options.logger, now, newId: () => app.newId() }
  const api = createApi({ service: context, routes: routeTable(), rateLimit: createRateLimit({ ...(options.rateLimit ?? { burst: 60, perSecond: 10 }), now: () => app.now().getTime() }) })
  const host = options.host ?? '127.0.0.1'
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: api.fetch, hostname: host, port: options.port ?? 8787 }, () => resolve(s))
    s.once('error', reject)
  })
  const { port } = server.address() as AddressInfo
  const worker = startWorker({ app, queue, events: context.events, logger: options.logger })
  const scheduler = startScheduler({ app, queue, logger: options.logger, now, newId: () => app.newId(), ...(options.tickMs ? { tickMs: options.tickMs } : {}) })
  void scheduler.tick().catch((error: unknown) => options.logger.error('scheduler failed', { error: String(error) }))
  let stopping: Promise<void> | undefined
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    context,
    worker,
    scheduler,
    stop: () =>
      (stopping ??= (async () => {
        scheduler.stop()
        // Open event streams would keep the listener from closing: end them with it.
        const closed = new Promise<void>((resolve) => server.close(() => resolve()))
        ;(server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.()
        await worker.stop()
        await closed
        await app.close()
      })()),
  }
}
