import type { RunLease } from '../domain/run.js'

/** What a lease is on, as people call it: `mapping "people"`, `export target "champions"`. */
export function leaseSubject(kind: RunLease['kind'], name: string): string {
  return kind === 'sync' ? `mapping "${name}"` : `export target "${name}"`
}

/**
 * Another run holds the mapping or export target: this run did not start and wrote nothing.
 * The CLI exits 4 on it. The message names the holder so a person can find it (`revsync
 * runs`, or the process by pid on its host) and says how to proceed.
 */
export class LeaseHeldError extends Error {
  constructor(
    readonly holder: RunLease,
    /** Seconds this run waited for the lease (`--wait`) before giving up. */
    readonly waitedSeconds?: number,
  ) {
    const waited = waitedSeconds === undefined ? 'pass --wait to wait for it' : `waited ${waitedSeconds} s for it; pass a longer --wait SECONDS`
    super(
      `${leaseSubject(holder.kind, holder.name)} is held by run ${holder.runId} since ${holder.startedAt} (pid ${holder.pid}@${holder.host}); ` +
        `this run did not start and wrote nothing. Run again when it has ended, or ${waited}. If that process is gone, its lease expires at ${holder.expiresAt}.`,
    )
    this.name = 'LeaseHeldError'
  }
}
