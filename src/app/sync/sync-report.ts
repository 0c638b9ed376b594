import type { Reason } from '../../domain/reason.js'
import type { EntityPlan } from '../../engine/entity-plan.js'

/** Counts per system name. */
export type PerSystem = Record<string, number>

/** What one sync run did (or, for a plan, would do), for people and for tests. */
export interface SyncReport {
  readonly runId: string
  readonly mapping: string
  readonly dryRun: boolean
  readonly read: PerSystem
  readonly created: PerSystem
  readonly updated: PerSystem
  readonly failed: PerSystem
  /** Records deleted because their counterpart was (`deletes: propagate`). */
  readonly deleted: PerSystem
  /** Records joined to an existing record of another system by a match key. */
  linked: number
  held: number
  skipped: number
  warnings: number
  /** Linked records read as changed that agreed with their last-synced values: nothing to plan. */
  unchanged: number
  /** Every write made (or planned), all systems together. */
  writes: number
  /** Held and failed records, all of them counted. */
  problemCount: number
  /** The first of them with their reasons, for the summary (a run's log has every one). */
  readonly problems: { readonly entityId: string; readonly system?: string; readonly reason: Reason }[]
  /** The plans, kept for `revsync plan` (not for real runs, which can be large). */
  readonly plans: { readonly plan: EntityPlan; readonly notes: readonly Reason[]; readonly held?: Reason }[]
}

/** An empty report to fill in. */
export function emptyReport(runId: string, mapping: string, dryRun: boolean): SyncReport {
  return { runId, mapping, dryRun, read: {}, created: {}, updated: {}, failed: {}, deleted: {}, linked: 0, held: 0, skipped: 0, warnings: 0, unchanged: 0, writes: 0, problemCount: 0, problems: [], plans: [] }
}

/** Adds one to a per-system count. */
export function bump(counts: PerSystem, system: string, by = 1): void {
  counts[system] = (counts[system] ?? 0) + by
}

/** How many problems a report keeps with their detail; the log and the run items have them all. */
export const keptProblems = 1000

/** Counts a held or failed record into the report, keeping its detail while there is room. */
export function addProblem(report: SyncReport, problem: SyncReport['problems'][number]): void {
  report.problemCount++
  if (report.problems.length < keptProblems) report.problems.push(problem)
}
