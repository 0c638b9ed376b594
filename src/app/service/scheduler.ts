import type { ScheduleConfig } from '../../domain/schedule/next-run-at.js'
import { nextRunAt } from '../../domain/schedule/next-run-at.js'
import type { Queue } from '../../queue/queue.js'
import type { App } from '../open-app.js'
import type { Logger } from '../logger.js'
import { syncOrder } from '../sync/sync-order.js'

/** What the scheduler needs; the clock and timer are injectable so tests drive time. */
export interface SchedulerDeps {
  readonly app: App
  readonly queue: Queue
  readonly logger: Logger
  readonly now: () => Date
  readonly newId: () => string
  /** How often to look for due mappings, in ms; 1 s by default. */
  readonly tickMs?: number
}

/** A scheduler running; `tick` checks once (tests call it), `stop` ends the timer. */
export interface Scheduler {
  tick(): Promise<string[]>
  stop(): void
}

/** When each mapping's last run started, from the store: a restart keeps the rhythm. */
async function lastStarts(app: App): Promise<Map<string, Date>> {
  const last = new Map<string, Date>()
  for (const run of await app.store.listRuns(1000)) if (run.kind === 'sync' && !last.has(run.name)) last.set(run.name, new Date(run.startedAt))
  return last
}

/**
 * Enqueues a sync job for each mapping whose schedule is due, companies before people. A
 * mapping already queued or running is not queued again, so its runs never pile up; the run
 * lease keeps out any other process (a CLI `sync`, a second `serve`).
 */
export function startScheduler(deps: SchedulerDeps): Scheduler {
  const scheduled = syncOrder(deps.app.config).flatMap((name) => {
    const schedule = deps.app.config.mappings[name]?.schedule as ScheduleConfig | undefined
    return schedule ? [{ name, schedule }] : []
  })
  // Enqueued here, not started yet: counts as the last start so a slow queue does not re-enqueue.
  const enqueuedAt = new Map<string, Date>()
  let busy: Promise<string[]> | undefined
  const due = (schedule: ScheduleConfig, ...starts: (Date | undefined)[]): boolean => {
    const last = starts.filter((d): d is Date => d !== undefined).sort((a, b) => b.getTime() - a.getTime())[0]
    return nextRunAt(schedule, last, deps.now()).getTime() <= deps.now().getTime()
  }
  const check = async (): Promise<string[]> => {
    // Due by what this process queued: only then is the store asked (an idle service stays idle).
    const candidates = scheduled.filter(({ name, schedule }) => due(schedule, enqueuedAt.get(name)))
    if (candidates.length === 0) return []
    const active = new Set((await deps.queue.active()).map((j) => j.mapping))
    const started = await lastStarts(deps.app)
    const queued: string[] = []
    for (const { name, schedule } of candidates) {
      // A run started another way (the API, a CLI sync, another process) counts as well.
      if (active.has(name) || !due(schedule, started.get(name), enqueuedAt.get(name))) continue
      await deps.queue.enqueue({ kind: 'sync', mapping: name, runId: deps.newId(), trigger: 'schedule' })
      enqueuedAt.set(name, deps.now())
      queued.push(name)
      deps.logger.info('scheduled run queued', { mapping: name })
    }
    return queued
  }
  const tick = (): Promise<string[]> => {
    // One check at a time: a slow store must not make two ticks enqueue the same mapping.
    busy ??= check().finally(() => (busy = undefined))
    return busy
  }
  const timer = setInterval(() => void tick().catch((error: unknown) => deps.logger.error('scheduler failed', { error: String(error) })), deps.tickMs ?? 1000)
  timer.unref()
  return { tick, stop: () => clearInterval(timer) }
}
