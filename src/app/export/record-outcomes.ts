import { basename } from 'node:path'
import type { RunItem } from '../../domain/run.js'
import type { SignalRecord } from '../../store/store.js'
import type { InvalidLine, SignalOutcome } from './export-report.js'

/** Where a run's records go: the run, target, system and file, and the time. */
export interface RecordContext {
  readonly runId: string
  readonly target: string
  readonly system: string
  readonly file: string
  readonly at: string
  /** The target's account object (`Account`, `companies`). */
  readonly accountObject: string
}

const actions = { created: 'create', updated: 'update', skipped: 'skip', failed: 'fail' } as const

/**
 * Run items for a signal (SPEC 3.6, 6 "Explain"): the account it created, if any, and its
 * person record, each with every reason. The entity id is the signal key, so a signal's
 * history can be read back; `explain` finds the record's by system and id.
 */
export function itemsOf(outcome: SignalOutcome, ctx: RecordContext, accountsRecorded: Set<string>): RunItem[] {
  const signalReason = { rule: 'signal', detail: `line ${outcome.line} of ${basename(ctx.file)} (signal ${outcome.key})` }
  const base = { runId: ctx.runId, mapping: ctx.target, entityId: outcome.key, system: ctx.system, at: ctx.at }
  const items: RunItem[] = []
  if (outcome.account.created && outcome.account.id && !accountsRecorded.has(outcome.account.id)) {
    accountsRecorded.add(outcome.account.id)
    const why = outcome.reasons.filter((r) => r.rule === 'account.none' || r.rule === 'record-type.contact-and-account')
    const created = outcome.account.createdWith
    items.push({ ...base, object: ctx.accountObject, recordId: outcome.account.id, action: 'create', before: {}, after: created?.fields ?? {}, reasons: [signalReason, ...why, ...(created?.reasons ?? [])] })
  }
  items.push({ ...base, object: outcome.object, recordId: outcome.recordId, action: actions[outcome.outcome], before: outcome.before, after: outcome.fields, reasons: [signalReason, ...outcome.reasons] })
  return items
}

/** A run item for a line that is not a valid signal, so `revsync runs show` lists it. */
export function invalidItem(line: InvalidLine, ctx: RecordContext): RunItem {
  const reasons = line.errors.map((e) => ({ rule: 'signal.invalid', detail: `line ${line.line} ${e.field}: ${e.message}; ${e.fix}` }))
  return { runId: ctx.runId, mapping: ctx.target, entityId: `line:${line.line}`, system: ctx.system, object: 'signal', recordId: null, action: 'fail', before: {}, after: {}, reasons, at: ctx.at }
}

/** The processed-signal record: never processed again (failed ones only with --retry-failed). */
export function signalRecordOf(outcome: SignalOutcome, ctx: RecordContext): SignalRecord {
  return {
    target: ctx.target,
    key: outcome.key,
    status: outcome.outcome === 'failed' ? 'failed' : 'done',
    outcome: { outcome: outcome.outcome, object: outcome.object, recordId: outcome.recordId, accountId: outcome.account.id, ownerId: outcome.owner.id, line: outcome.line, file: basename(ctx.file), ...(outcome.error ? { error: outcome.error } : {}) },
    runId: ctx.runId,
    at: ctx.at,
  }
}
