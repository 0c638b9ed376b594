import { normalizeEmail } from './normalize-email.js'
import { normalizePersonName } from './normalize-person-name.js'
import { personDomains } from './person-index.js'
import type { IndexedPerson, PersonIndex, PersonRecord } from './person-index.js'

/** A person to find among existing leads and contacts. */
export type PersonQuery = Omit<PersonRecord, 'id'>

/** Person-matching rules, in order. */
export type PersonMatchRule = 'email' | 'name-domain'

/** One person a rule found. */
export interface PersonCandidate {
  readonly personId: string
  readonly rule: PersonMatchRule
  readonly evidence: readonly string[]
}

/** The outcome of looking a person up: one person, several (never guessed), or none. */
export interface PersonMatchResult {
  readonly status: 'matched' | 'ambiguous' | 'unmatched'
  readonly rule: PersonMatchRule | 'none'
  /** 1 for the same email, 0.9 for the same name at the same company domain, 0 otherwise. */
  readonly score: number
  readonly personId: string | null
  readonly evidence: readonly string[]
  readonly candidates: readonly PersonCandidate[]
}

/** Score of a name + company-domain match: strong, but weaker than the same address. */
export const NAME_DOMAIN_SCORE = 0.9

/**
 * Finds an existing lead or contact for a person: the same normalized email first, then the
 * same name at the same company domain (the company's website or a non-free-mail email
 * domain). Two or more people on a rule are ambiguous and reported, never guessed.
 */
export function matchPerson(query: PersonQuery, index: PersonIndex): PersonMatchResult {
  const email = normalizeEmail(query.email, index.options)
  if (email !== null) {
    const found = index.byEmail(email)
    if (found.length > 0) return decide('email', 1, found.map((p) => ({ personId: p.record.id, rule: 'email', evidence: [emailEvidence(email, p)] })))
  }
  const name = normalizePersonName(query)
  const domains = personDomains(query, index.options.freeMail)
  if (name !== null) {
    for (const domain of domains) {
      const found = index.byNameAndDomain(name, domain)
      const evidence = (p: IndexedPerson): string => `name "${name}" at ${domain} = ${describe(p)}`
      if (found.length > 0) return decide('name-domain', NAME_DOMAIN_SCORE, found.map((p) => ({ personId: p.record.id, rule: 'name-domain', evidence: [evidence(p)] })))
    }
  }
  return { status: 'unmatched', rule: 'none', score: 0, personId: null, evidence: [unmatchedReason(email, name, domains)], candidates: [] }
}

function decide(rule: PersonMatchRule, score: number, candidates: PersonCandidate[]): PersonMatchResult {
  const only = candidates.length === 1 ? candidates[0] : undefined
  if (only !== undefined) return { status: 'matched', rule, score, personId: only.personId, evidence: only.evidence, candidates: [] }
  const ids = candidates.map((c) => c.personId).join(', ')
  const evidence = [`${candidates.length} people match by ${rule} (${ids}); not guessed`]
  return { status: 'ambiguous', rule, score, personId: null, evidence, candidates }
}

function emailEvidence(email: string, p: IndexedPerson): string {
  const stored = p.record.email ?? ''
  const same = stored.trim().toLowerCase() === email
  return same ? `email ${email} = ${p.record.id}` : `email ${email} = ${stored} (${p.record.id}) after normalizing`
}

function describe(p: IndexedPerson): string {
  const name = [p.record.firstName, p.record.lastName].filter(Boolean).join(' ') || (p.record.name ?? '')
  return `${name}${p.record.email ? ` <${p.record.email}>` : ''} (${p.record.id})`
}

function unmatchedReason(email: string | null, name: string | null, domains: readonly string[]): string {
  if (email === null && (name === null || domains.length === 0)) return 'no email, and no name with a company domain, to match on'
  if (name === null || domains.length === 0) return `no person with email ${email ?? ''}`
  return `no person with ${email === null ? '' : `email ${email} or `}name "${name}" at ${domains.join(' or ')}`
}
