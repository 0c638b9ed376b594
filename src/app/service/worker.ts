import type { Job, Queue } from '../../queue/queue.js'
import type { App } from '../open-app.js'
import type { Logger } from '../logger.js'
import { LeaseHeldError } from '../lease-held-error.js'
import { runSync } from '../sync/run-sync.js'
import type { RunEvents } from './run-events.js'

/** What a worker needs; one deps object. */
export interface WorkerDeps {
  readonly app: App
  readonly queue: Queue
  readonly events: RunEvents
  readonly logger: Logger
}

/** A worker running: `stop` lets the current batch be recorded, then resolves. */
export interface Worker {
  /** Resolves when the worker is idle with nothing queued: for tests and shutdown. */
  idle(): Promise<void>
  stop(): Promise<void>
}

/**
 * Takes jobs one at a time and runs them with the same use cases the CLI runs. On `stop` the
 * running sync is told to stop between batches, so it records the batch in hand, ends
 * `stopped` and releases its lease; the next run carries on from the stored cursors.
 */
export function startWorker(deps: WorkerDeps): Worker {
  const stopping = new AbortController()
  let idleWaiters: (() => void)[] = []
  const loop = async (): Promise<void> => {
    while (!stopping.signal.aborted) {
      const job = await deps.queue.take()
      if (!job) {
        for (const w of idleWaiters) w()
        idleWaiters = []
        await deps.queue.waitForJob(stopping.signal)
        continue
      }
      await runJob(job)
    }
  }
  const runJob = async (job: Job): Promise<void> => {
    const { app, events } = deps
    try {
      const deps_ = app.syncDeps({ signal: stopping.signal, onProgress: (progress) => events.publish(job.runId, { type: 'progress', progress }) })
      await runSync(app.config, job.mapping, deps_, { runId: job.runId })
      await deps.queue.complete(job.id)
      events.publish(job.runId, { type: 'finished', status: stopping.signal.aborted ? 'stopped' : 'succeeded' })
    } catch (error) {
      // A run the lease keeps out wrote nothing; it is a skip, not a failure of the service.
      const message = error instanceof Error ? error.message : String(error)
      if (error instanceof LeaseHeldError) deps.logger.warn('run skipped: another run holds the mapping', { job: job.id, mapping: job.mapping, detail: message })
      else deps.logger.error('job failed', { job: job.id, mapping: job.mapping, error: message })
      if (error instanceof LeaseHeldError) await deps.queue.skip(job.id, message)
      else await deps.queue.fail(job.id, message)
      events.publish(job.runId, { type: 'finished', status: error instanceof LeaseHeldError ? 'skipped' : 'failed', error: message })
    }
  }
  const running = loop()
  return {
    async idle() {
      if ((await deps.queue.active()).length === 0) return
      await new Promise<void>((resolve) => idleWaiters.push(resolve))
    },
    async stop() {
      stopping.abort()
      await running
    },
  }
}
