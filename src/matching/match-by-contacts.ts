import { decidedResult, toNearMiss } from './build-result.js'
import type { CompanyIndex, IndexedAccount } from './company-index.js'
import type { QueryDomain } from './match-by-domain.js'
import type { ResolvedAccountMatchOptions } from './match-options.js'
import type { AccountMatchResult, NearMiss } from './match-result.js'
import { resolveContenders } from './resolve-contenders.js'
import type { Contender } from './resolve-contenders.js'

/** What the contacts rule decided, or the nearest account when it decided nothing. */
export interface ContactsRuleOutcome {
  readonly result: AccountMatchResult | null
  readonly nearMiss: NearMiss | null
}

/**
 * Rule (c): an account where more than half (by default) of the contacts have email
 * addresses at the query's domain. Several such accounts go to the hierarchy rules.
 */
export function matchByContacts(domains: readonly QueryDomain[], index: CompanyIndex, opts: ResolvedAccountMatchOptions): ContactsRuleOutcome {
  let nearMiss: NearMiss | null = null
  for (const d of domains) {
    const contenders: Contender[] = []
    for (const account of index.byContactDomain(d.domain)) {
      const c = toContender(account, d.domain)
      if (isMajority(account, opts)) contenders.push(c)
      else if (nearMiss === null || c.score > nearMiss.score) nearMiss = toNearMiss('contacts', c, shortfall(account, opts))
    }
    if (contenders.length > 0) {
      return { result: decidedResult('contacts', contenders, resolveContenders(contenders, index, opts.tieBreak)), nearMiss: null }
    }
  }
  return { result: null, nearMiss }
}

function isMajority(account: IndexedAccount, opts: ResolvedAccountMatchOptions): boolean {
  if (account.contactCount <= 0 || account.topContactDomainCount < opts.minContactsAtDomain) return false
  return account.topContactDomainCount / account.contactCount > opts.contactMajority
}

function toContender(account: IndexedAccount, domain: string): Contender {
  const share = account.contactCount > 0 ? account.topContactDomainCount / account.contactCount : 0
  return { account, score: share, evidence: [`${account.topContactDomainCount} of ${account.contactCount} contacts @${domain}`] }
}

function shortfall(account: IndexedAccount, opts: ResolvedAccountMatchOptions): string {
  if (account.topContactDomainCount < opts.minContactsAtDomain) return `fewer than ${opts.minContactsAtDomain} contacts at the domain`
  return `${account.topContactDomainCount} of ${account.contactCount} contacts is not more than ${Math.round(opts.contactMajority * 100)}%`
}
