import type { CompanyIndex, IndexedAccount } from './company-index.js'
import { decidedResult } from './build-result.js'
import type { FreeMailSet } from './free-mail.js'
import type { ResolvedAccountMatchOptions } from './match-options.js'
import type { AccountMatchResult } from './match-result.js'
import { emailDomain, websiteDomain } from './normalize-domain.js'
import { resolveContenders } from './resolve-contenders.js'

/** A company domain from the query, with where it came from. */
export interface QueryDomain {
  readonly domain: string
  readonly source: 'website' | 'email'
  /** The text it was read from, for explanations. */
  readonly raw: string
}

/** The company's own domain, for callers that read it from a website, domain or email field. */
export interface DomainFields {
  readonly domain?: string | null
  readonly website?: string | null
  readonly email?: string | null
}

/**
 * The query's usable domains, company website first, then email; free-mail domains are
 * dropped with a note, since a gmail.com address says nothing about the employer. A website
 * at a provider that is also a company (zoho.com) is kept: it names that company.
 */
export function queryDomains(query: DomainFields, freeMail: FreeMailSet): { domains: QueryDomain[]; notes: string[] } {
  const domains: QueryDomain[] = []
  const notes: string[] = []
  const site = query.domain ?? query.website ?? null
  const found: [string | null, 'website' | 'email', string | null][] = [
    [websiteDomain(site), 'website', site],
    [emailDomain(query.email), 'email', query.email ?? null],
  ]
  for (const [domain, source, raw] of found) {
    if (domain === null || raw === null) continue
    // Some providers hand out addresses under a host of their own (papa.email.ne.jp): the host counts too.
    const blocked = source === 'email' ? freeMail.has(domain) || freeMail.has(emailHost(raw)) : (freeMail.blocksWebsite?.(domain) ?? freeMail.has(domain))
    if (blocked) {
      notes.push(`${domain} (${source} ${raw}) is a free-mail domain and never matches an account`)
      continue
    }
    if (!domains.some((d) => d.domain === domain)) domains.push({ domain, source, raw })
  }
  return { domains, notes }
}

/**
 * Rule (a): accounts whose website has the query's domain. Several on one domain go to the
 * hierarchy rules (parent, then more contacts, then the tie-break).
 */
export function matchByDomain(domains: readonly QueryDomain[], index: CompanyIndex, opts: ResolvedAccountMatchOptions): AccountMatchResult | null {
  for (const d of domains) {
    const accounts = index.byDomain(d.domain)
    if (accounts.length === 0) continue
    const contenders = accounts.map((account) => ({ account, score: 1, evidence: [domainEvidence(d, account)] }))
    return decidedResult('domain', contenders, resolveContenders(contenders, index, opts.tieBreak))
  }
  return null
}

/** `domain acme.com = website www.acme.com`, or with the email it came from. */
function domainEvidence(d: QueryDomain, account: IndexedAccount): string {
  const from = d.source === 'email' ? `email domain ${d.domain} (${d.raw})` : d.raw.trim().toLowerCase() === d.domain ? `domain ${d.domain}` : `domain ${d.domain} (${d.raw})`
  return `${from} = website ${account.website ?? account.domain ?? ''}`
}

/** The full host of an email address, lower case (`Jane <jane@Mail.Example.com>` → mail.example.com). */
function emailHost(email: string): string {
  const at = email.lastIndexOf('@')
  return at === -1 ? '' : email.slice(at + 1).replace(/[>\s]+$/, '').trim().toLowerCase()
}
