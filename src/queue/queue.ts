/**
 * A job: one unit of work the worker runs. It names what to run, never the state it runs on
 * (cursors, links and retries stay in the store), so any worker on the same store can take it.
 * One kind per trigger: a run of a whole mapping now; webhook-triggered record sets and
 * signal batches come as kinds of their own.
 */
export interface SyncJob {
  readonly kind: 'sync'
  readonly mapping: string
  /** The id the run will have, so the caller can follow it before it starts. */
  readonly runId: string
  /** Who asked: `api` (a token's name) or `schedule`. */
  readonly trigger: string
}

export type JobSpec = SyncJob

/** `skipped`: the job did not run, and need not (another run held the mapping). */
export type JobState = 'queued' | 'running' | 'done' | 'failed' | 'skipped'

/** A job as the queue holds it. */
export type Job = JobSpec & {
  readonly id: string
  readonly state: JobState
  readonly enqueuedAt: string
  readonly error?: string
}

/**
 * The queue port: in-process for the embedded default, a PostgreSQL queue for several
 * workers later. Every implementation passes `queueContract`.
 */
export interface Queue {
  /** Adds a job; it is taken after every job queued before it. */
  enqueue(spec: JobSpec): Promise<Job>
  /** The oldest queued job, now `running`; undefined when none waits. */
  take(): Promise<Job | undefined>
  /** Marks a running job done. */
  complete(id: string): Promise<void>
  /** Marks a running job failed, with why. */
  fail(id: string, error: string): Promise<void>
  /** Marks a running job skipped, with why: it did not run and need not be retried. */
  skip(id: string, why: string): Promise<void>
  /** Jobs queued or running, oldest first. */
  active(): Promise<Job[]>
  /** A job by id, while the queue remembers it. */
  get(id: string): Promise<Job | undefined>
  /** The job of a run, while the queue remembers it: how a run that never started ended. */
  findByRun(runId: string): Promise<Job | undefined>
  /** Resolves when a job is queued after this call (or one is waiting already). */
  waitForJob(signal: AbortSignal): Promise<void>
}
