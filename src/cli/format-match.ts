import { closest } from '../domain/config/check-fields.js'
import { INPUT_FIELDS } from '../app/match/parse-input.js'
import { ACCOUNT_FIELDS } from '../app/match/read-accounts-file.js'
import type { FieldError } from '../app/match/read-records.js'
import type { MatchRun, SampleLine } from '../app/match/run-match.js'

/** One account match result, as the app's run hands it over (the CLI reaches matching only through app). */
type AccountMatchResult = SampleLine['result']

/** A bad line as one message: `FILE:LINE: field message; …`. */
export function formatBadLine(where: string, errors: readonly FieldError[]): string {
  return `${where}: ${errors.map((e) => (e.field === '(line)' ? `the line ${e.message}` : `${e.field} ${e.message}`)).join('; ')} (skipped)`
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`
}

function hint(field: string, known: readonly string[]): string {
  const near = closest(field, known)
  return near !== undefined && near.toLowerCase() !== field.toLowerCase() ? `; did you mean ${near}?` : ''
}

function pct(n: number, of: number): string {
  return of === 0 ? '' : ` (${Math.round((n / of) * 100)}%)`
}

function account(name: string | null, id: string): string {
  return name ? `${name} (${id})` : id
}

/** Why a line did not match: the nearest miss and its shortfall, or the matcher's notes. */
function whyUnmatched(r: AccountMatchResult): string {
  const notes = r.evidence.filter((e) => !e.startsWith('nearest: ') && !e.startsWith('no account shares'))
  if (r.nearMiss !== null) notes.push(`nearest ${account(r.nearMiss.accountName, r.nearMiss.accountId)} by ${r.nearMiss.rule} ${r.nearMiss.score.toFixed(2)}: ${r.nearMiss.shortfall}`)
  else if (notes.length === 0) notes.push('no account came close (no shared domain, name word or contact domain)')
  return notes.join('; ')
}

function sample(s: SampleLine, why: string): string {
  return `  line ${s.line}  ${s.label} — ${why}`
}

/**
 * The readable summary of a match run: what was matched against what, the totals, matches by
 * rule and how several accounts were settled, then the first unmatched lines with their
 * nearest miss and the first ambiguous ones with their candidates.
 */
export function formatMatchRun(run: MatchRun): string[] {
  const s = run.summary
  const what = run.kind === 'people' ? plural(s.total, 'person', 'people') : plural(s.total, 'company', 'companies')
  const lines = [
    `revsync match: ${what}${run.kindGuessed ? ' (guessed from the field names; --kind sets it)' : ''} from ${run.input} against ${plural(run.accounts.count, 'account')} from ${run.accounts.label}`,
    `name threshold ${run.options.nameThreshold}, tie-break ${run.options.tieBreak}${run.options.from ? ` (settings of ${run.options.from})` : ''}`,
    '',
    `  matched     ${s.matched}${pct(s.matched, s.total)}`,
    `    by domain     ${s.matchedByRule.domain}`,
    `    by name       ${s.matchedByRule.name}`,
    `    by contacts   ${s.matchedByRule.contacts}`,
    `    decided by    single ${s.decidedBy.single}, best name ${s.decidedBy.score}, parent ${s.decidedBy.parent}, more contacts ${s.decidedBy.contacts}, tie-break ${s.decidedBy['tie-break']}`,
    `  ambiguous   ${s.ambiguous}${pct(s.ambiguous, s.total)}`,
    `  unmatched   ${s.unmatched}${pct(s.unmatched, s.total)}`,
  ]
  if (run.invalid > 0) lines.push(`  bad lines   ${run.invalid} of ${run.lines}, skipped (listed above)`)
  if (run.accounts.invalid > 0) lines.push(`  bad account lines ${run.accounts.invalid}, skipped (listed above)`)
  if (run.unmatched.length > 0) lines.push('', `unmatched (first ${run.unmatched.length} of ${s.unmatched}):`, ...run.unmatched.map((u) => sample(u, whyUnmatched(u.result))))
  if (run.ambiguous.length > 0) {
    lines.push('', `ambiguous (first ${run.ambiguous.length} of ${s.ambiguous}):`)
    for (const a of run.ambiguous) lines.push(sample(a, `${a.result.candidates.length} accounts by ${a.result.rule}: ${a.result.candidates.map((c) => `${account(c.accountName, c.accountId)} ${c.score.toFixed(2)}`).join(', ')}`))
  }
  if (run.warnings.lines > 0) {
    lines.push('', `${plural(run.warnings.lines, 'line')} matched with a field left out:`)
    for (const w of run.warnings.first) lines.push(`  line ${w.line}  ${w.field} ${w.message}`)
  }
  const ignored = [...run.ignored.map((i) => `${i.field} (line ${i.line}${hint(i.field, INPUT_FIELDS[run.kind])})`), ...run.accounts.ignored.map((f) => `${f} (accounts file${hint(f, ACCOUNT_FIELDS)})`)]
  if (ignored.length > 0) lines.push('', `fields not read: ${ignored.join(', ')}`)
  lines.push('', `report: ${run.out ?? 'stdout'} (${plural(run.reportLines, 'line')}, one per input line)`)
  return lines
}
