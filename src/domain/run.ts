import type { FieldValue } from './records.js'
import type { Reason } from './reason.js'

export type RunKind = 'sync' | 'export'
export type RunStatus = 'running' | 'succeeded' | 'failed' | 'stopped'

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
