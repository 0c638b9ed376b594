import type { AccountRecord } from './account-record.js'
import { CompanyIndex, createCompanyIndex } from './company-index.js'
import type { CompanyIndexOptions } from './company-index.js'
import { matchAccount } from './match-account.js'
import type { CompanyQuery } from './match-account.js'
import type { AccountMatchOptions } from './match-options.js'
import type { AccountMatchResult, AccountMatchRule, DecidedBy } from './match-result.js'

/** One company (or person's company) to match, with a reference to tie the row back to its input. */
export interface CompanyMatchInput extends CompanyQuery {
  /** E.g. the input line number or the signal id; defaults to the 1-based position. */
  readonly ref?: string
}

/** The result for one input, ready to be written as one JSONL line. */
export interface CompanyMatchRow {
  readonly ref: string
  readonly input: CompanyMatchInput
  readonly result: AccountMatchResult
}

/** Counts for the readable summary of a match run. */
export interface CompanyMatchSummary {
  readonly total: number
  readonly matched: number
  readonly matchedByRule: Readonly<Record<AccountMatchRule, number>>
  /** How matches among several accounts were settled. */
  readonly decidedBy: Readonly<Record<DecidedBy, number>>
  readonly ambiguous: number
  readonly unmatched: number
}

/** Per-input results and the summary. */
export interface CompanyMatchReport {
  readonly rows: readonly CompanyMatchRow[]
  readonly summary: CompanyMatchSummary
}

/** Options of a batch match: the matching options plus the index limits used when accounts are given as a list. */
export interface MatchCompaniesOptions extends AccountMatchOptions {
  readonly index?: CompanyIndexOptions
}

/**
 * Matches a batch of companies against accounts (a list, indexed here, or a prebuilt index)
 * and summarizes: matched by rule, ambiguous, unmatched. Pure, so `revsync match` can print
 * the summary and write the rows as JSONL before an export is turned on.
 */
export function matchCompanies(
  inputs: readonly CompanyMatchInput[],
  accounts: readonly AccountRecord[] | CompanyIndex,
  options: MatchCompaniesOptions = {},
): CompanyMatchReport {
  const index = accounts instanceof CompanyIndex ? accounts : createCompanyIndex(accounts, options.index)
  const rows = inputs.map((input, i) => ({ ref: input.ref ?? String(i + 1), input, result: matchAccount(input, index, options) }))
  return { rows, summary: summarize(rows) }
}

function summarize(rows: readonly CompanyMatchRow[]): CompanyMatchSummary {
  const matchedByRule: Record<AccountMatchRule, number> = { domain: 0, name: 0, contacts: 0 }
  const decidedBy: Record<DecidedBy, number> = { single: 0, score: 0, parent: 0, contacts: 0, 'tie-break': 0 }
  let ambiguous = 0
  let unmatched = 0
  for (const { result } of rows) {
    if (result.status === 'ambiguous') ambiguous += 1
    else if (result.status === 'unmatched' || result.rule === 'none') unmatched += 1
    else {
      matchedByRule[result.rule] += 1
      if (result.decidedBy !== null) decidedBy[result.decidedBy] += 1
    }
  }
  return { total: rows.length, matched: rows.length - ambiguous - unmatched, matchedByRule, decidedBy, ambiguous, unmatched }
}
