import type { Job, JobSpec, Queue } from './queue.js'

/** What an in-process queue needs: ids and a clock, injected so tests fix them. */
export interface InProcessQueueDeps {
  readonly newId: () => string
  readonly now: () => Date
  /** Finished jobs remembered for `get`; older ones are forgotten. */
  readonly keepFinished?: number
}

/**
 * The queue of the embedded default: jobs in memory, in one process. Losing them on a
 * restart loses nothing: a job names a run, and the schedule or the caller asks again, while
 * the work itself resumes from the cursors in the store.
 */
export function createInProcessQueue(deps: InProcessQueueDeps): Queue {
  const jobs = new Map<string, Job>()
  const keep = deps.keepFinished ?? 500
  let wake: (() => void) | undefined
  const set = (id: string, change: Partial<Job>): void => {
    const job = jobs.get(id)
    if (!job) throw new Error(`no job ${id} in the queue`)
    if (job.state !== 'running') throw new Error(`job ${id} is ${job.state}, not running`)
    jobs.set(id, { ...job, ...change } as Job)
    forgetOld()
  }
  const forgetOld = (): void => {
    const finished = [...jobs.values()].filter((j) => j.state !== 'queued' && j.state !== 'running')
    for (const job of finished.slice(0, Math.max(0, finished.length - keep))) jobs.delete(job.id)
  }
  const queued = (): Job[] => [...jobs.values()].filter((j) => j.state === 'queued')
  return {
    async enqueue(spec: JobSpec) {
      const job: Job = { ...spec, id: deps.newId(), state: 'queued', enqueuedAt: deps.now().toISOString() }
      jobs.set(job.id, job)
      wake?.()
      return job
    },
    async take() {
      const [next] = queued()
      if (!next) return undefined
      const running: Job = { ...next, state: 'running' }
      jobs.set(next.id, running)
      return running
    },
    async complete(id) {
      set(id, { state: 'done' })
    },
    async fail(id, error) {
      set(id, { state: 'failed', error })
    },
    async skip(id, why) {
      set(id, { state: 'skipped', error: why })
    },
    async active() {
      return [...jobs.values()].filter((j) => j.state === 'queued' || j.state === 'running')
    },
    async get(id) {
      return jobs.get(id)
    },
    async findByRun(runId) {
      return [...jobs.values()].find((j) => j.runId === runId)
    },
    waitForJob(signal) {
      if (queued().length > 0 || signal.aborted) return Promise.resolve()
      return new Promise<void>((resolve) => {
        const done = (): void => {
          wake = undefined
          signal.removeEventListener('abort', done)
          resolve()
        }
        wake = done
        signal.addEventListener('abort', done, { once: true })
      })
    },
  }
}
