import { hostname } from 'node:os'
import { setTimeout as pause } from 'node:timers/promises'
import type { RunKind } from '../domain/run.js'
import type { Store } from '../store/store.js'
import { LeaseHeldError, leaseSubject } from './lease-held-error.js'
import type { Logger } from './logger.js'

/** What a lease needs: the store, the run's clock, and how long a lease lasts. */
export interface RunLeaseDeps {
  readonly store: Store
  readonly now: () => Date
  readonly logger: Logger
  /** Seconds a lease lasts unless renewed; it is renewed every third of it. */
  readonly leaseSeconds: number
  /** Who holds it, for people; this process unless a test says otherwise. */
  readonly pid?: number
  readonly host?: string
}

/** The first pause while waiting for a lease, and the longest; it doubles in between. */
const FIRST_PAUSE_MS = 250
const LONGEST_PAUSE_MS = 5_000

/**
 * One run's hold on its mapping (a sync) or export target (an export), so that one of each
 * runs at a time: taken before the run starts, renewed by a heartbeat while it runs, released
 * when it ends, whichever way. A lease left by a killed run expires after `leaseSeconds`.
 *
 * `store` is the run's store with one guard: once the lease is lost (not renewed in time and
 * taken over by another run), `commit` refuses, so the run stops at its next batch instead of
 * writing alongside the new holder.
 */
export class RunLease {
  readonly store: Store
  #runId: string | undefined
  #expiresAt = 0
  #lost = false
  #timer: NodeJS.Timeout | undefined
  #renewing: Promise<void> | undefined

  constructor(
    private readonly kind: RunKind,
    private readonly name: string,
    private readonly deps: RunLeaseDeps,
  ) {
    this.store = guardCommits(deps.store, () => this.#assertHeld())
  }

  /**
   * Takes the lease for `runId`, or throws `LeaseHeldError` naming the holder. With
   * `waitSeconds`, polls with a doubling pause (never past the holder's expiry) until the
   * lease comes free or that many seconds have passed.
   */
  async take(runId: string, waitSeconds?: number): Promise<void> {
    const { store, now, logger } = this.deps
    const startedAt = now()
    let wait = FIRST_PAUSE_MS
    for (;;) {
      const at = now()
      const result = await store.takeLease({ kind: this.kind, name: this.name, runId, pid: this.deps.pid ?? process.pid, host: this.deps.host ?? hostname(), startedAt: at.toISOString(), expiresAt: this.#expiry(at) }, at.toISOString())
      if (result.taken) {
        for (const id of result.interrupted) logger.warn('run interrupted: it stopped without finishing and its lease expired', { run: id, by: runId, [this.kind === 'sync' ? 'mapping' : 'target']: this.name })
        this.#runId = runId
        this.#expiresAt = Date.parse(this.#expiry(at))
        this.#startHeartbeat()
        return
      }
      const waited = (at.getTime() - startedAt.getTime()) / 1000
      if (waitSeconds === undefined || waited >= waitSeconds) throw new LeaseHeldError(result.holder, waitSeconds === undefined ? undefined : Math.round(waited))
      if (wait === FIRST_PAUSE_MS) logger.info(`waiting for run ${result.holder.runId}, which holds ${leaseSubject(this.kind, this.name)}`, { holder: result.holder.runId, pid: result.holder.pid, host: result.holder.host })
      // Never sleep past the moment the holder's lease would expire, nor past our own limit.
      const untilExpiry = Date.parse(result.holder.expiresAt) - at.getTime() + 50
      await pause(Math.max(50, Math.min(wait, untilExpiry, (waitSeconds - waited) * 1000)))
      wait = Math.min(wait * 2, LONGEST_PAUSE_MS)
    }
  }

  /** Stops the heartbeat and frees the lease; a failure is logged, since the lease expires anyway. */
  async release(): Promise<void> {
    clearInterval(this.#timer)
    await this.#renewing
    const runId = this.#runId
    if (runId === undefined) return
    this.#runId = undefined
    await this.deps.store.releaseLease({ kind: this.kind, name: this.name, runId }).catch((error: unknown) => {
      this.deps.logger.warn('could not release the lease; it expires on its own', { run: runId, error: error instanceof Error ? error.message : String(error) })
    })
  }

  #expiry(at: Date): string {
    return new Date(at.getTime() + this.deps.leaseSeconds * 1000).toISOString()
  }

  #startHeartbeat(): void {
    // unref: a heartbeat must never keep a finished process alive.
    this.#timer = setInterval(() => void this.#renew(), (this.deps.leaseSeconds * 1000) / 3)
    this.#timer.unref()
  }

  #renew(): Promise<void> {
    this.#renewing ??= this.#renewOnce().finally(() => (this.#renewing = undefined))
    return this.#renewing
  }

  async #renewOnce(): Promise<void> {
    const runId = this.#runId
    if (runId === undefined || this.#lost) return
    const at = this.deps.now()
    try {
      if (await this.deps.store.renewLease({ kind: this.kind, name: this.name, runId }, this.#expiry(at))) this.#expiresAt = Date.parse(this.#expiry(at))
      else this.#lost = true
    } catch (error) {
      // The store may be briefly unreachable: the lease still holds until its expiry.
      this.deps.logger.warn('could not renew the lease', { run: runId, error: error instanceof Error ? error.message : String(error) })
      if (at.getTime() >= this.#expiresAt) this.#lost = true
    }
    if (this.#lost) this.deps.logger.error(`run ${runId} lost its lease on ${leaseSubject(this.kind, this.name)}; it stops at its next batch`, { run: runId })
  }

  /** Before a commit: renews first when the heartbeat fell behind, then refuses if the lease is gone. */
  async #assertHeld(): Promise<void> {
    if (this.#runId === undefined) return
    if (!this.#lost && this.deps.now().getTime() >= this.#expiresAt) await this.#renew()
    if (this.#lost) {
      throw new Error(
        `run ${this.#runId} lost its lease on ${leaseSubject(this.kind, this.name)} (not renewed within sync.leaseSeconds: was the process paused, or the store unreachable?) and stopped so two runs never write at once; run again to finish`,
      )
    }
  }
}

/** `store` with `commit` checked by `check` first; every other method is the store's own. */
function guardCommits(store: Store, check: () => Promise<void>): Store {
  return new Proxy(store, {
    get(target, property) {
      if (property === 'commit') return async (...args: Parameters<Store['commit']>) => {
        await check()
        return target.commit(...args)
      }
      const value: unknown = Reflect.get(target, property, target)
      // Bound to the store itself: its methods reach private fields a proxy does not have.
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value
    },
  })
}
