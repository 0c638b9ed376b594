import { createWriteStream } from 'node:fs'
import { access } from 'node:fs/promises'
import { basename, dirname, extname, join, resolve } from 'node:path'
import { createCompanyIndex, matchCompanies } from '../../matching/index.js'
import type { AccountMatchOptions, AccountMatchResult, CompanyIndex, CompanyMatchSummary, TieBreak } from '../../matching/index.js'
import { loadAccounts } from './load-accounts.js'
import type { AccountsSource } from './load-accounts.js'
import { guessKind, parseInput } from './parse-input.js'
import type { CompanyInput, InputKind, InputRow, PersonInput } from './parse-input.js'
import type { BadLine } from './read-accounts-file.js'
import { MatchError, readRecords, recordFormat } from './read-records.js'
import type { FieldError } from './read-records.js'

/** What `revsync match` was asked to do. */
export interface MatchRequest {
  /** The file of companies or people (JSONL or CSV). */
  readonly input: string
  /** `jsonl` or `csv` when the input's extension does not say. */
  readonly format?: string
  /** What the input holds; guessed from its field names when unset. */
  readonly kind?: InputKind
  readonly accounts: AccountsSource
  /** Where the JSONL report goes: a path, or a stream (stdout). Default: next to the input, `NAME.match.jsonl`. */
  readonly out?: string | NodeJS.WritableStream
  /** Lowest name score that matches (`nameThreshold`); overrides an export target's. */
  readonly threshold?: number
  readonly tieBreak?: TieBreak
  /** How many unmatched and ambiguous lines the summary shows. Default 5. */
  readonly samples?: number
}

/** Called as bad lines are found (`where` is `FILE:LINE`), so they can be shown before the summary. */
export interface MatchHooks {
  onInvalid?(where: string, errors: readonly FieldError[]): void
}

/** A line the summary shows: its number, what it was, and its result. */
export interface SampleLine {
  readonly line: number
  readonly label: string
  readonly result: AccountMatchResult
}

/** Everything the readable summary says. */
export interface MatchRun {
  readonly kind: InputKind
  readonly kindGuessed: boolean
  readonly input: string
  readonly accounts: { readonly label: string; readonly count: number; readonly invalid: number; readonly ignored: readonly string[] }
  readonly options: { readonly nameThreshold: number; readonly tieBreak: TieBreak; readonly from: string | null }
  /** Input lines read, valid or not (blank lines are not counted). */
  readonly lines: number
  readonly invalid: number
  readonly summary: CompanyMatchSummary
  /** The first unmatched and ambiguous lines. */
  readonly unmatched: readonly SampleLine[]
  readonly ambiguous: readonly SampleLine[]
  /** Lines matched with a field that could not be used (a domain that is not one), and the first few. */
  readonly warnings: { readonly lines: number; readonly first: readonly (FieldError & { readonly line: number })[] }
  /** Fields of the input nothing read, with the first line each was on. */
  readonly ignored: readonly { readonly field: string; readonly line: number }[]
  /** The report's path, or `null` when it went to a stream. */
  readonly out: string | null
  readonly reportLines: number
}

/** The default report path: `people.csv` → `people.match.jsonl`, next to the input. */
export function defaultReportPath(input: string): string {
  return join(dirname(input), `${basename(input, extname(input))}.match.jsonl`)
}

/** Lines matched together; the report is written as they finish, so a large file is never held whole. */
const BATCH = 2000

const MIN_THRESHOLD = 0.5

type Entry = { readonly line: number; readonly row: InputRow } | BadLine

/** One JSONL report line for a matched (or not) input line. */
function reportRow(line: number, row: InputRow, r: AccountMatchResult): Record<string, unknown> {
  return {
    line,
    ...(row.id !== null ? { id: row.id } : {}),
    input: row.input,
    status: r.status,
    rule: r.rule,
    score: r.score,
    accountId: r.accountId,
    accountName: r.accountName,
    decidedBy: r.decidedBy,
    evidence: r.evidence,
    candidates: r.candidates,
    nearMiss: r.nearMiss,
    ...(row.warnings.length > 0 ? { warnings: row.warnings } : {}),
  }
}

/** A short name for a line in the summary: the company, or the person's email and company. */
export function labelOf(input: CompanyInput | PersonInput): string {
  if ('email' in input || 'company' in input || 'firstName' in input || 'lastName' in input) {
    const p = input as PersonInput
    const company = [p.company?.name, p.company?.domain ?? p.company?.website].filter(Boolean).join(', ')
    const who = p.email ?? ([p.firstName, p.lastName].filter(Boolean).join(' ') || '(no email)')
    return company ? `${who} (${company})` : who
  }
  const c = input as CompanyInput
  const site = c.domain ?? c.website
  return c.name !== undefined ? `"${c.name}"${site ? ` (${site})` : ''}` : (site ?? '(empty)')
}

function emptySummary(): { -readonly [K in keyof CompanyMatchSummary]: CompanyMatchSummary[K] } {
  return { total: 0, matched: 0, matchedByRule: { domain: 0, name: 0, contacts: 0 }, decidedBy: { single: 0, score: 0, parent: 0, contacts: 0, 'tie-break': 0 }, ambiguous: 0, unmatched: 0 }
}

function addSummary(into: ReturnType<typeof emptySummary>, s: CompanyMatchSummary): void {
  into.total += s.total
  into.matched += s.matched
  into.ambiguous += s.ambiguous
  into.unmatched += s.unmatched
  const rules = into.matchedByRule as Record<string, number>
  for (const [k, n] of Object.entries(s.matchedByRule)) rules[k] = (rules[k] ?? 0) + n
  const decided = into.decidedBy as Record<string, number>
  for (const [k, n] of Object.entries(s.decidedBy)) decided[k] = (decided[k] ?? 0) + n
}

/** A report sink that respects backpressure; ends (and closes) only a file it opened. */
async function openReport(out: string | NodeJS.WritableStream): Promise<{ write(line: string): Promise<void>; close(): Promise<void> }> {
  if (typeof out !== 'string') return sink(out, () => Promise.resolve())
  const file = createWriteStream(out, { encoding: 'utf8' })
  await new Promise<void>((resolve, reject) => {
    file.once('open', () => resolve())
    file.once('error', (error: NodeJS.ErrnoException) => reject(new MatchError(`cannot write the report ${out} (${error.code ?? error.message}); pass --out PATH`)))
  })
  return sink(file, () => new Promise<void>((resolve, reject) => file.end((error?: Error | null) => (error ? reject(error) : resolve()))))
}

function sink(stream: NodeJS.WritableStream, close: () => Promise<void>): { write(line: string): Promise<void>; close(): Promise<void> } {
  return {
    write: (line) => (stream.write(`${line}\n`) ? Promise.resolve() : new Promise<void>((resolve) => stream.once('drain', () => resolve()))),
    close,
  }
}

function checkThreshold(threshold: number | undefined): void {
  if (threshold === undefined) return
  if (!Number.isFinite(threshold) || threshold < MIN_THRESHOLD || threshold > 1) throw new MatchError(`--threshold ${threshold} is out of range; give a name score between ${MIN_THRESHOLD} and 1 (default 0.9)`)
}

/**
 * `revsync match`: reads the accounts (a file or a configured system), then the input file
 * line by line, matches each company (or person's company) with the export's account
 * matching, and writes one JSONL report line per input line — the result with its rule,
 * score, evidence, the candidates and the nearest miss, or the errors of a bad line, which
 * is skipped. Returns what the readable summary says. Throws `MatchError` when a file
 * cannot be read or no input line is usable.
 */
export async function runMatch(request: MatchRequest, hooks: MatchHooks = {}): Promise<MatchRun> {
  checkThreshold(request.threshold)
  const format = recordFormat(request.input, request.format)
  const source = 'file' in request.accounts ? request.accounts.file : null
  const outPath = request.out === undefined ? defaultReportPath(request.input) : typeof request.out === 'string' ? request.out : null
  // Checked before the accounts are loaded, which may take a full read of a CRM.
  await access(request.input).catch((error: NodeJS.ErrnoException) => {
    throw new MatchError(`cannot read ${request.input} (${error.code ?? error.message})`)
  })
  const inputs = [request.input, ...(source !== null ? [source] : [])].map((p) => resolve(p))
  if (outPath !== null && inputs.includes(resolve(outPath))) throw new MatchError(`the report ${outPath} would overwrite an input file; pass another --out PATH`)
  const loaded = await loadAccounts(request.accounts)
  for (const bad of loaded.invalid) hooks.onInvalid?.(`${source}:${bad.line}`, bad.errors)
  const index = createCompanyIndex(loaded.accounts)
  const options: AccountMatchOptions = {
    ...loaded.options,
    ...(request.threshold !== undefined ? { nameThreshold: request.threshold } : {}),
    ...(request.tieBreak !== undefined ? { tieBreak: request.tieBreak } : {}),
  }
  const report = await openReport(outPath ?? (request.out as NodeJS.WritableStream))
  try {
    const run = await matchFile(request, format, index, options, report, hooks)
    return {
      ...run,
      accounts: { label: loaded.label, count: loaded.accounts.length, invalid: loaded.invalid.length, ignored: loaded.ignored },
      options: { nameThreshold: options.nameThreshold ?? 0.9, tieBreak: options.tieBreak ?? 'lowest-id', from: loaded.optionsFrom },
      out: outPath,
    }
  } finally {
    await report.close()
  }
}

type FileRun = Omit<MatchRun, 'accounts' | 'options' | 'out'>

async function matchFile(request: MatchRequest, format: ReturnType<typeof recordFormat>, index: CompanyIndex, options: AccountMatchOptions, report: Awaited<ReturnType<typeof openReport>>, hooks: MatchHooks): Promise<FileRun> {
  const samples = request.samples ?? 5
  let kind = request.kind
  const kindGuessed = kind === undefined
  const summary = emptySummary()
  const unmatched: SampleLine[] = []
  const ambiguous: SampleLine[] = []
  const warnings = { lines: 0, first: [] as (FieldError & { line: number })[] }
  const ignored = new Map<string, number>()
  let lines = 0
  let invalid = 0
  let reportLines = 0
  let pending: Entry[] = []

  const flush = async (): Promise<void> => {
    const valid = pending.filter((e): e is { line: number; row: InputRow } => 'row' in e)
    const matched = matchCompanies(valid.map((e) => ({ ...e.row.query, ref: String(e.line) })), index, options)
    addSummary(summary, matched.summary)
    let i = 0
    for (const entry of pending) {
      if (!('row' in entry)) {
        await report.write(JSON.stringify({ line: entry.line, status: 'invalid', errors: entry.errors }))
        reportLines++
        continue
      }
      const result = (matched.rows[i++] as (typeof matched.rows)[number]).result
      const sample = { line: entry.line, label: labelOf(entry.row.input), result }
      if (result.status === 'ambiguous' && ambiguous.length < samples) ambiguous.push(sample)
      else if (result.status === 'unmatched' && unmatched.length < samples) unmatched.push(sample)
      await report.write(JSON.stringify(reportRow(entry.line, entry.row, result)))
      reportLines++
    }
    pending = []
  }

  const bad = async (line: number, errors: readonly FieldError[]): Promise<void> => {
    invalid++
    hooks.onInvalid?.(`${request.input}:${line}`, errors)
    pending.push({ line, errors })
  }

  for await (const entry of readRecords(request.input, format, (columns) => (kind ??= guessKind(columns)))) {
    lines++
    if ('errors' in entry) {
      await bad(entry.line, entry.errors)
      continue
    }
    kind ??= guessKind(Object.keys(entry.value))
    const parsed = parseInput(kind, entry.value)
    for (const field of parsed.ignored) if (!ignored.has(field)) ignored.set(field, entry.line)
    if (!parsed.ok) {
      await bad(entry.line, parsed.errors)
      continue
    }
    if (parsed.row.warnings.length > 0) {
      warnings.lines++
      for (const w of parsed.row.warnings) if (warnings.first.length < samples) warnings.first.push({ ...w, line: entry.line })
    }
    pending.push({ line: entry.line, row: parsed.row })
    if (pending.length >= BATCH) await flush()
  }
  await flush()
  if (lines === 0) throw new MatchError(`${request.input} has no lines to match${format === 'csv' ? ' below its header' : ''}`)
  if (invalid === lines) throw new MatchError(`none of the ${lines} lines of ${request.input} could be read (see the errors above); nothing was matched`)
  return {
    kind: kind ?? 'companies',
    kindGuessed,
    input: request.input,
    lines,
    invalid,
    summary,
    unmatched,
    ambiguous,
    warnings,
    ignored: [...ignored].map(([field, line]) => ({ field, line })),
    reportLines,
  }
}
