import type { Connector } from '../../domain/connector.js'
import { objectOf } from '../../domain/export/record-sync.js'
import type { ExportTarget } from '../../domain/export/resolve-target.js'
import type { RunItem } from '../../domain/run.js'
import type { SignalRecord } from '../../store/store.js'
import type { ExportDeps, ExportOptions } from './export-deps.js'
import { emptyExportReport, summaryOf } from './export-report.js'
import type { ExportReport, SignalOutcome } from './export-report.js'
import { loadExportWorld, targetOf } from './export-world.js'
import type { ExportConfigSource, ExportWorld } from './export-world.js'
import { AccountConfirmer } from './confirm-accounts.js'
import { executeRound } from './execute-round.js'
import { invalidItem, itemsOf, signalRecordOf } from './record-outcomes.js'
import type { RecordContext } from './record-outcomes.js'
import { countLines, readSignalFile, signalFormat } from './read-signals.js'
import type { SignalLine } from './read-signals.js'
import { refuseUnmatchable } from './refuse-unmatchable.js'
import { splitRounds } from './split-rounds.js'
import { RunLease } from '../run-lease.js'

type ValidLine = Extract<SignalLine, { kind: 'signal' }>

/**
 * Exports a signal file into a target (SPEC 3): reads it line by line, skips lines that are
 * not valid signals (reported with line, field and fix) and signals an earlier run processed,
 * and for the rest, batch by batch, finds existing people, matches accounts, decides record
 * type, owner and fields, writes, and records each round's outcomes and processed signals in
 * one store transaction. The CRM is read (schemas, users, accounts, contacts) only once a
 * batch has a signal to process. With `dryRun` (`plan --export`) nothing is written anywhere.
 */
export async function runExport(source: ExportConfigSource, targetName: string, file: string, deps: ExportDeps, options: ExportOptions = {}): Promise<ExportReport> {
  const target = targetOf(source, targetName)
  const connector = deps.connectors.get(target.system)
  if (!connector) throw new Error(`no connector for system "${target.system}"`)
  // One run per export target at a time (a plan writes nothing, so it takes no lease); the
  // run's store refuses commits once the lease is lost. Throws LeaseHeldError before it starts.
  const lease = options.dryRun ? undefined : new RunLease('export', target.name, { ...deps, leaseSeconds: source.config.sync.leaseSeconds })
  const run = new ExportRun(source, target, connector, file, lease ? { ...deps, store: lease.store } : deps, options)
  await lease?.take(run.report.runId, options.waitSeconds)
  try {
    return await run.execute(signalFormat(file, options.format))
  } finally {
    await lease?.release()
  }
}

/** One export run: its report, the world it loads on first need, and what is still to commit. */
class ExportRun {
  readonly report: ExportReport
  private readonly dryRun: boolean
  private world: ExportWorld | undefined
  private confirmer: AccountConfirmer | undefined
  private assignment: Connector | undefined
  private readonly seen = new Map<string, number>()
  private readonly pendingItems: RunItem[] = []
  private readonly recordedAccounts = new Set<string>()
  private readonly countedAccounts = new Set<string>()
  private planned = 0

  constructor(
    private readonly source: ExportConfigSource,
    private readonly target: ExportTarget,
    private readonly connector: Connector,
    private readonly file: string,
    private readonly deps: ExportDeps,
    private readonly options: ExportOptions,
  ) {
    this.dryRun = options.dryRun ?? false
    this.report = emptyExportReport(deps.newId(), target.name, target.system, target.recordSync, file, this.dryRun)
  }

  /** Reads the file, processes it batch by batch, and records the run (unless it is a plan). */
  async execute(format: ReturnType<typeof signalFormat>): Promise<ExportReport> {
    const { deps, report } = this
    const callsBefore = this.calls()
    if (!this.dryRun) await deps.store.startRun({ id: report.runId, kind: 'export', name: this.target.name, startedAt: deps.now().toISOString() })
    const run = { run: report.runId, target: this.target.name }
    deps.logger.info(this.dryRun ? 'export plan started' : 'export started', { ...run, system: this.target.system, file: this.file })
    try {
      let batch: ValidLine[] = []
      for await (const read of readSignalFile(this.file, format)) {
        const line = refuseUnmatchable(read, this.target.config.allowUnmatchable)
        if (!this.accept(line)) continue
        batch.push(line)
        if (batch.length >= this.target.config.batchSize) {
          await this.flush(batch)
          batch = []
        }
      }
      await this.flush(batch)
      report.apiCalls = this.calls() - callsBefore
      if (!this.dryRun) await deps.store.finishRun(report.runId, { finishedAt: deps.now().toISOString(), status: 'succeeded', summary: summaryOf(report) })
      deps.logger.info(this.dryRun ? 'export plan finished' : 'export finished', { ...summaryOf(report), ...run })
      return report
    } catch (error) {
      report.apiCalls = this.calls() - callsBefore
      const summary = { ...summaryOf(report), error: error instanceof Error ? error.message : String(error) }
      deps.logger.error('export failed', { ...run, error: summary.error })
      if (!this.dryRun) await deps.store.finishRun(report.runId, { finishedAt: deps.now().toISOString(), status: 'failed', summary }).catch(() => {})
      throw error
    }
  }

  /** Counts a line; true when it is a signal not seen earlier in this file. */
  private accept(line: SignalLine): line is ValidLine {
    const { report } = this
    report.lines++
    if (line.kind === 'invalid') {
      report.invalidCount++
      if (report.invalid.length < 1000) report.invalid.push(line)
      this.pendingItems.push(invalidItem(line, this.recordContext()))
      this.options.onInvalid?.(line)
      return false
    }
    if (this.seen.has(line.key)) {
      report.duplicates++
      return false
    }
    this.seen.set(line.key, line.line)
    return true
  }

  /** Leaves out signals processed before, then plans and writes the rest, round by round. */
  private async flush(batch: readonly ValidLine[]): Promise<void> {
    const done = batch.length === 0 ? new Map() : await this.deps.store.findSignals(this.target.name, batch.map((l) => l.key))
    const todo = batch.filter((l) => {
      const previous = done.get(l.key)
      const again = previous !== undefined && this.options.retryFailed === true && previous.status === 'failed'
      if (previous !== undefined && !again) this.report.alreadyProcessed++
      return previous === undefined || again
    })
    if (todo.length > 0) {
      const world = (this.world ??= await this.loadWorld())
      await world.people.prepare(todo.map((l) => l.signal))
      for (const round of splitRounds(todo)) await this.runRound(world, round)
    }
    if (!this.dryRun && this.pendingItems.length > 0) await this.deps.store.commit({ items: this.pendingItems.splice(0) })
  }

  private async loadWorld(): Promise<ExportWorld> {
    const expectedSignals = await countLines(this.file)
    const indexDeps = { connector: this.connector, store: this.deps.store, now: this.deps.now }
    const world = await loadExportWorld(this.source, this.target.name, indexDeps, { expectedSignals, persistIndex: !this.dryRun, ...(this.options.leadIndex ? { leadIndex: this.options.leadIndex } : {}) })
    const leads = this.target.kind === 'salesforce' ? `; leads ${world.leadIndex === 'read' ? 'read in full' : 'looked up per batch'}` : ''
    const r = world.indexRefresh
    this.report.index = { read: r.cold ? 'full' : 'changes', accountsRead: r.read.accounts, contactsRead: r.read.contacts, removed: r.removed }
    this.deps.logger.info('export: org indexed', { target: this.target.name, system: this.target.system, accounts: world.crm.counts.accounts, contacts: world.crm.counts.contacts, leadIndex: world.leadIndex, indexRead: r.cold ? 'full' : 'changes', accountsRead: r.read.accounts, contactsRead: r.read.contacts })
    const how = r.cold ? `read in full (${r.why})` : `refreshed from the stored index: ${r.read.accounts} accounts and ${r.read.contacts} contacts changed, ${r.removed} removed`
    this.report.notes.push(`indexed ${world.crm.counts.accounts} accounts and ${world.crm.counts.contacts} contacts of ${this.target.system}, ${how}${leads}`)
    if (world.droppedDefaults.length > 0) this.report.notes.push(`pre-mapped fields ${this.target.system} does not have were left out: ${world.droppedDefaults.join(', ')}`)
    return world
  }

  /** Plans, writes and records one round: its run items and processed signals in one transaction. */
  private async runRound(world: ExportWorld, round: readonly ValidLine[]): Promise<void> {
    this.confirmer ??= new AccountConfirmer(world, this.connector)
    const plans = await this.confirmer.plan(round.map((l) => l.signal))
    const planned = round.map((l, i) => ({ line: l.line, key: l.key, signal: l.signal, plan: plans[i]! }))
    const outcomes = await executeRound(planned, {
      world,
      connector: this.connector,
      assignmentConnector: () => this.assignmentConnector(),
      store: this.deps.store,
      planned: this.dryRun ? (object) => `planned-${object.toLowerCase()}-${++this.planned}` : null,
    })
    const ctx = this.recordContext()
    const items: RunItem[] = this.pendingItems.splice(0)
    const signals: SignalRecord[] = []
    for (const o of outcomes) {
      this.count(o)
      items.push(...itemsOf(o, ctx, this.recordedAccounts))
      signals.push(signalRecordOf(o, ctx))
      this.options.onOutcome?.(o)
    }
    if (!this.dryRun) await this.deps.store.commit({ items, signals })
  }

  private count(o: SignalOutcome): void {
    this.report.counts[o.outcome]++
    // Several signals of one new company share its account: count it once.
    if (o.account.created && o.account.id !== null && !this.countedAccounts.has(o.account.id)) {
      this.countedAccounts.add(o.account.id)
      this.report.accountsCreated++
    }
    if (o.outcome === 'failed' && this.report.failures.length < 1000) this.report.failures.push(o)
  }

  private assignmentConnector(): Connector {
    return (this.assignment ??= this.deps.assignmentConnector?.(this.target.system) ?? this.connector)
  }

  /** API calls of this run's connectors so far. */
  private calls(): number {
    return this.connector.callCount() + (this.assignment && this.assignment !== this.connector ? this.assignment.callCount() : 0)
  }

  private recordContext(): RecordContext {
    return { runId: this.report.runId, target: this.target.name, system: this.target.system, file: this.file, at: this.deps.now().toISOString(), accountObject: objectOf(this.target.kind, 'account') }
  }
}
