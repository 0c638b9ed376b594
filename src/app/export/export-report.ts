import type { FieldValue } from '../../domain/records.js'
import type { Reason } from '../../domain/reason.js'
import type { SignalError } from './validate-signal.js'

/** How one signal ended (SPEC 3.6). */
export type OutcomeKind = 'created' | 'updated' | 'skipped' | 'failed'

/** The outcome of one signal: the record, the account and why, the owner and why, the fields written. */
export interface SignalOutcome {
  readonly line: number
  readonly key: string
  readonly outcome: OutcomeKind
  readonly object: string
  /** The person's record id; null when a create failed or was only planned. */
  readonly recordId: string | null
  readonly account: {
    readonly id: string | null
    readonly name: string | null
    /** True when the export created the account for this signal (or, in a plan, would). */
    readonly created: boolean
    readonly reason: Reason
    /** For a created account: the fields it was created with (owner included) and their reasons. */
    readonly createdWith?: { readonly fields: Readonly<Record<string, FieldValue>>; readonly reasons: readonly Reason[] }
  }
  /** The owner set on the record (null when left to assignment rules or kept), and why. */
  readonly owner: { readonly id: string | null; readonly reason: Reason }
  readonly fields: Readonly<Record<string, FieldValue>>
  readonly before: Readonly<Record<string, FieldValue>>
  /** Every reason, in order: existing record, account, record type, owner, fields, and the failure. */
  readonly reasons: readonly Reason[]
  readonly error?: { readonly code: string; readonly message: string }
}

/** A line that could not be read as a signal. */
export interface InvalidLine {
  readonly line: number
  readonly errors: readonly SignalError[]
}

/** What an export run (or its plan) did, for the CLI and tests. */
export interface ExportReport {
  readonly runId: string
  readonly target: string
  readonly system: string
  readonly recordSync: string
  readonly file: string
  readonly dryRun: boolean
  /** Signals read, valid or not. */
  lines: number
  readonly counts: Record<OutcomeKind, number>
  /** Accounts created for `contact-and-account` (or, in a plan, to be created). */
  accountsCreated: number
  /** Lines that repeat a signal already read from this file. */
  duplicates: number
  /** Signals processed by an earlier run, so left alone. */
  alreadyProcessed: number
  /** API calls this run made to the system. */
  apiCalls: number
  /** Invalid lines, the first 1,000. */
  readonly invalid: InvalidLine[]
  invalidCount: number
  /** Failed signals, the first 1,000 (all outcomes go to `onOutcome` and the run record). */
  readonly failures: SignalOutcome[]
  /** How the account index was brought up to date: a full read of the org, or the changes since the stored cursors. */
  index: IndexReadSummary | null
  /** Notes about the run, e.g. pre-mapped fields the system lacks. */
  readonly notes: string[]
}

/** What the run read to bring its account index up to date; null when it had nothing to do and read nothing. */
export interface IndexReadSummary {
  readonly read: 'full' | 'changes'
  readonly accountsRead: number
  readonly contactsRead: number
  /** Stored records the CRM reported deleted. */
  readonly removed: number
}

/** A report with nothing in it yet. */
export function emptyExportReport(runId: string, target: string, system: string, recordSync: string, file: string, dryRun: boolean): ExportReport {
  return { runId, target, system, recordSync, file, dryRun, lines: 0, counts: { created: 0, updated: 0, skipped: 0, failed: 0 }, accountsCreated: 0, duplicates: 0, alreadyProcessed: 0, apiCalls: 0, invalid: [], invalidCount: 0, failures: [], index: null, notes: [] }
}

/** Writes the run made (or, in a plan, would make): creates and updates of people and accounts. */
export function writesOf(report: ExportReport): number {
  return report.counts.created + report.counts.updated + report.accountsCreated
}

/** The run record's summary: counts people read, plus `failed` by system as `revsync runs` expects. */
export function summaryOf(report: ExportReport): Record<string, unknown> {
  return {
    file: report.file,
    lines: report.lines,
    outcomes: report.counts,
    writes: writesOf(report),
    accountsCreated: report.accountsCreated,
    failed: report.counts.failed > 0 ? { [report.system]: report.counts.failed } : {},
    invalid: report.invalidCount,
    duplicates: report.duplicates,
    alreadyProcessed: report.alreadyProcessed,
    apiCalls: report.apiCalls,
    ...(report.index ? { index: report.index } : {}),
  }
}
