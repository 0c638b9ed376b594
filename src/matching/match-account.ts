import { unmatchedResult } from './build-result.js'
import type { CompanyIndex } from './company-index.js'
import { matchByContacts } from './match-by-contacts.js'
import { matchByDomain, queryDomains } from './match-by-domain.js'
import type { DomainFields } from './match-by-domain.js'
import { matchByName } from './match-by-name.js'
import { resolveAccountMatchOptions } from './match-options.js'
import type { AccountMatchOptions } from './match-options.js'
import type { AccountMatchResult, NearMiss } from './match-result.js'
import { isPlaceholderCompact } from './is-placeholder-name.js'
import { normalizeCompanyName } from './normalize-company-name.js'

/** A company to find among the accounts: a name, its website or domain, and/or a person's email there. */
export interface CompanyQuery extends DomainFields {
  readonly name?: string | null
}

/**
 * Finds the account for a company with the seed's rules in order: (a) an account whose
 * website has the company's domain or the person's (non-free-mail) email domain; (b) an
 * account with the same name or a variation; (c) an account where most contacts have emails
 * at that domain. Several accounts on one rule are settled by hierarchy (parent over child,
 * then more contacts, then a reported tie-break); what cannot be settled is reported as
 * ambiguous, never guessed. Pure: the index and options are all it reads.
 */
export function matchAccount(query: CompanyQuery, index: CompanyIndex, options: AccountMatchOptions = {}): AccountMatchResult {
  const opts = resolveAccountMatchOptions(options)
  const { domains, notes } = queryDomains(query, opts.freeMail)
  const byDomain = matchByDomain(domains, index, opts)
  if (byDomain !== null) return withNotes(byDomain, notes)
  let name = typeof query.name === 'string' ? normalizeCompanyName(query.name) : null
  if (name !== null && isPlaceholderCompact(name.compact)) {
    notes.push(`company name "${name.input}" is a placeholder, not a company, and never matches an account`)
    name = null
  }
  const byName = name === null ? null : matchByName(name, index, opts)
  if (byName?.result) return withNotes(byName.result, notes)
  // Where most contacts of an account have a mailbox says nothing when it is a free-mail provider.
  const byContacts = matchByContacts(domains.filter((d) => !opts.freeMail.has(d.domain)), index, opts)
  if (byContacts.result !== null) return withNotes(byContacts.result, notes)
  if (domains.length === 0 && name === null) notes.push('no usable domain or name to match on')
  return unmatchedResult(notes, nearest(byName?.nearMiss ?? null, byContacts.nearMiss))
}

function withNotes(result: AccountMatchResult, notes: readonly string[]): AccountMatchResult {
  return notes.length === 0 ? result : { ...result, evidence: [...result.evidence, ...notes] }
}

/** The name near miss unless the contacts one scored higher. */
function nearest(name: NearMiss | null, contacts: NearMiss | null): NearMiss | null {
  if (name === null) return contacts
  if (contacts === null) return name
  return contacts.score > name.score ? contacts : name
}
