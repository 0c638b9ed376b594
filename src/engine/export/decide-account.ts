import type { Signal } from '../../domain/export/signal.js'
import { matchAccount } from '../../matching/index.js'
import type { AccountMatchOptions, AccountMatchResult, CompanyIndex, CompanyQuery } from '../../matching/index.js'
import type { AccountDecision } from './export-plan.js'

/** The signal's company as account matching reads it: name, domain or website, and the person's email. */
export function companyQuery(signal: Signal): CompanyQuery {
  return {
    name: signal.company.name ?? null,
    domain: signal.company.domain ?? signal.company.website ?? null,
    email: signal.person.email ?? null,
  }
}

/**
 * Finds the account of the signal's company with the matching module (SPEC 3.3: domain, then
 * name or a variation, then the majority of contacts; parent over child; more contacts; free
 * mail never matches) and turns its result into a decision with the rule, score and evidence.
 */
export function decideAccount(signal: Signal, index: CompanyIndex, options: AccountMatchOptions): AccountDecision {
  return toDecision(matchAccount(companyQuery(signal), index, options))
}

/** An account match result as a decision with a reason a person can read. */
export function toDecision(result: AccountMatchResult): AccountDecision {
  const evidence = result.evidence.join('; ')
  if (result.status === 'matched' && result.accountId !== null) {
    const how = result.decidedBy && result.decidedBy !== 'single' ? `, chosen by ${result.decidedBy} among ${result.candidates.length + 1}` : ''
    const detail = `account ${label(result.accountName, result.accountId)} matched by ${result.rule} (score ${round(result.score)}${how}): ${evidence}`
    return { kind: 'matched', id: result.accountId, name: result.accountName, reason: { rule: `account.${result.rule}`, detail } }
  }
  if (result.status === 'ambiguous') {
    const names = result.candidates.map((c) => label(c.accountName, c.accountId)).join(', ')
    return { kind: 'ambiguous', reason: { rule: 'account.ambiguous', detail: `several accounts match by ${result.rule} and none is preferred (${names}): ${evidence}; not guessed` } }
  }
  const near = result.nearMiss ? `; nearest: ${label(result.nearMiss.accountName, result.nearMiss.accountId)} by ${result.nearMiss.rule} (score ${round(result.nearMiss.score)}), ${result.nearMiss.shortfall}` : ''
  return { kind: 'none', reason: { rule: 'account.none', detail: `no account matches${evidence ? `: ${evidence}` : ''}${near}` } }
}

function label(name: string | null, id: string): string {
  return name ? `"${name}" (${id})` : id
}

function round(x: number): number {
  return Math.round(x * 100) / 100
}
