import type { FieldValue } from './records.js'
import type { Reason } from './reason.js'

export type RunKind = 'sync' | 'export'
/**
 * `interrupted`: the run stopped without finishing (killed, or its machine lost), found out
 * when its lease expired and another run took it.
 */
export type RunStatus = 'running' | 'succeeded' | 'failed' | 'stopped' | 'interrupted'

/** What happened to one record in one run. */
export type RunItemAction = 'create' | 'update' | 'delete' | 'link' | 'skip' | 'fail' | 'hold' | 'warn'

/** One run: a sync or an export. */
export interface RunRecord {
  readonly id: string
  readonly kind: RunKind
  /** The mapping (sync) or export target (export) it ran. */
  readonly name: string
  readonly startedAt: string
  readonly finishedAt: string | null
  readonly status: RunStatus
  /** Counts and figures for people, e.g. `{ created: { hubspot: 10 }, updated: {...} }`. */
  readonly summary: Readonly<Record<string, unknown>>
}

/** One per-record outcome of a run, with the values before and after and the reason. */
export interface RunItem {
  readonly runId: string
  readonly mapping: string
  readonly entityId: string | null
  readonly system: string
  readonly object: string
  /** The record id in `system`; null when a create failed before an id existed. */
  readonly recordId: string | null
  readonly action: RunItemAction
  readonly before: Readonly<Record<string, FieldValue>>
  readonly after: Readonly<Record<string, FieldValue>>
  readonly reasons: readonly Reason[]
  readonly at: string
}

/**
 * The lease that keeps one mapping (a sync) or one export target (an export) to one run at a
 * time: who holds it, and until when. A holder renews it while it runs; past `expiresAt`
 * anyone may take it, which is how a killed run's lease comes free.
 */
export interface RunLease {
  readonly kind: RunKind
  /** The mapping or export target. */
  readonly name: string
  readonly runId: string
  /** The process holding it, for people: `pid@host`. */
  readonly pid: number
  readonly host: string
  readonly startedAt: string
  readonly expiresAt: string
}

/**
 * The status to show for `run` now. A run still `running` whose lease is gone or expired
 * stopped without finishing (killed, or its machine lost): it is shown `interrupted`. The
 * store marks it so only when the next run takes the lease, because listing runs must stay
 * a read; showing it here means people see the truth before that next run.
 */
export function shownStatus(run: RunRecord, leases: readonly RunLease[], now: Date): RunStatus {
  if (run.status !== 'running') return run.status
  const lease = leases.find((l) => l.kind === run.kind && l.name === run.name && l.runId === run.id)
  return lease && Date.parse(lease.expiresAt) > now.getTime() ? 'running' : 'interrupted'
}
