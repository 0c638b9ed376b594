/**
 * The benchmark's accounts and labeled lookups, built from real companies: name variants
 * (positives for the name rule), held-out real companies and near-miss names (negatives),
 * emails and websites at account domains (domain rule, with parent/child groups), free-mail
 * and unknown domains (negatives), and accounts known only by their contacts' email domain.
 */
import type { AccountRecord, CompanyQuery } from '../src/matching/index.js'
import { normalizeCompanyName } from '../src/matching/index.js'
import { pick, shuffle } from './matching-data.js'
import type { RealCompany } from './matching-data.js'
import type { LabeledQuery } from './matching-evaluate.js'
import { CORE_KINDS, EXTRA_KINDS, makeNearMiss, makeVariant } from './matching-variants.js'
import type { VariantKind } from './matching-variants.js'

/** Sizes of the query sets. */
export interface QueryPlan {
  readonly nameVariants: number
  readonly extraVariants: number
  readonly nearMisses: number
  readonly domainQueries: number
  readonly freeMailQueries: number
  readonly contactAccounts: number
}

/** The real accounts and the lookups with their expected answers. */
export interface BenchSet {
  readonly accounts: AccountRecord[]
  readonly queries: LabeledQuery<CompanyQuery>[]
  readonly heldOutSkipped: number
  readonly twinsSkipped: number
}

/** Splits real companies into indexed and held-out ones and builds the labeled lookups. */
export function buildBenchSet(real: readonly RealCompany[], rng: () => number, plan: QueryPlan): BenchSet {
  const companies = shuffle(rng, [...real])
  const heldOut = companies.slice(0, Math.floor(companies.length * 0.15))
  const known = companies.slice(heldOut.length)
  const { accounts, expectByDomain, contactOnly } = knownAccounts(known, rng, plan.contactAccounts)
  const keys = nameKeys(accounts)
  const twins = new Set(accounts.filter((a) => (keys.compactCount.get(compactOf(a.name)) ?? 0) > 1).map((a) => a.id))
  const sources = shuffle(rng, accounts.filter((a) => !twins.has(a.id)))
  const queries: LabeledQuery<CompanyQuery>[] = [
    ...nameVariantQueries(sources.slice(0, plan.nameVariants), CORE_KINDS, rng),
    ...nameVariantQueries(sources.slice(plan.nameVariants, plan.nameVariants + plan.extraVariants), EXTRA_KINDS, rng),
  ]
  let heldOutSkipped = 0
  for (const c of heldOut) {
    if (keys.taken.has(coreOf(c.name)) || keys.taken.has(compactOf(c.name))) heldOutSkipped += 1
    else queries.push({ query: { name: c.name }, expect: null, rule: 'name', kind: 'held-out-real-name' })
  }
  const words = [...new Set(known.flatMap((c) => c.name.split(/\s+/)).filter((w) => /^\p{L}{4,}$/u.test(w)))]
  for (const source of sources.slice(0, plan.nearMisses)) {
    const name = makeNearMiss(source.name ?? '', rng, words)
    if (name === null || keys.taken.has(coreOf(name)) || keys.taken.has(compactOf(name))) continue
    queries.push({ query: { name }, expect: null, rule: 'name', kind: 'near-miss-name' })
  }
  const domainById = new Map(known.map((c) => [c.qid, c.domain]))
  queries.push(...domainQueries(accounts, domainById, expectByDomain, rng, plan), ...contactQueries(contactOnly, rng))
  return { accounts, queries, heldOutSkipped, twinsSkipped: twins.size }
}

function knownAccounts(known: readonly RealCompany[], rng: () => number, contactAccounts: number) {
  const byDomain = new Map<string, RealCompany[]>()
  for (const c of known) byDomain.set(c.domain, [...(byDomain.get(c.domain) ?? []), c])
  const parentOf = new Map<string, string>()
  const expectByDomain = new Map<string, string>()
  for (const [domain, group] of byDomain) {
    // The shortest name on a shared domain plays the parent ("Hilton" over "DoubleTree by Hilton").
    const parent = [...group].sort((a, b) => a.name.length - b.name.length || (a.qid < b.qid ? -1 : 1))[0] as RealCompany
    expectByDomain.set(domain, parent.qid)
    for (const c of group) if (c !== parent) parentOf.set(c.qid, parent.qid)
  }
  const single = shuffle(rng, known.filter((c) => byDomain.get(c.domain)?.length === 1)).slice(0, contactAccounts)
  const contactOnly = new Map(single.map((c, i) => [c.qid, { domain: c.domain, majority: i % 10 < 7 }]))
  const accounts: AccountRecord[] = known.map((c) => {
    const contacts = contactOnly.get(c.qid)
    const base = { id: c.qid, name: c.name, parentId: parentOf.get(c.qid) ?? null, contactCount: 1 + Math.floor(rng() * 40) }
    if (contacts === undefined) return { ...base, website: c.website }
    const atDomain = contacts.majority ? 3 + Math.floor(rng() * 20) : 2
    const elsewhere = contacts.majority ? Math.floor(rng() * atDomain * 0.8) : 3
    return { ...base, website: null, contactCount: atDomain + elsewhere, contactEmailDomains: { [c.domain]: atDomain, 'gmail.com': elsewhere } }
  })
  return { accounts, expectByDomain, contactOnly }
}

function nameVariantQueries(sources: readonly AccountRecord[], kinds: readonly VariantKind[], rng: () => number): LabeledQuery<CompanyQuery>[] {
  const out: LabeledQuery<CompanyQuery>[] = []
  sources.forEach((a, i) => {
    for (let attempt = 0; attempt < kinds.length; attempt += 1) {
      const kind = kinds[(i + attempt) % kinds.length] as VariantKind
      const name = makeVariant(a.name ?? '', kind, rng)
      if (name === null) continue
      out.push({ query: { name }, expect: a.id, rule: 'name', kind })
      return
    }
  })
  return out
}

function domainQueries(
  accounts: readonly AccountRecord[],
  domainById: ReadonlyMap<string, string>,
  expectByDomain: ReadonlyMap<string, string>,
  rng: () => number,
  plan: QueryPlan,
): LabeledQuery<CompanyQuery>[] {
  const out: LabeledQuery<CompanyQuery>[] = []
  const withSite = shuffle(rng, accounts.filter((a) => a.website)).slice(0, plan.domainQueries)
  for (const a of withSite) {
    const domain = domainById.get(a.id)
    if (domain === undefined) continue
    const forms = [`Jane.Doe@${domain}`, `j.doe@Mail.${domain.toUpperCase()}`, `https://www.${domain}/about-us`, `sales.${domain}`, `http://${domain}`]
    const text = pick(rng, forms)
    const query: CompanyQuery = text.includes('@') ? { email: text } : { website: text }
    out.push({ query, expect: expectByDomain.get(domain) ?? null, rule: 'domain', kind: text.includes('@') ? 'email-domain' : 'website-domain' })
  }
  const providers = ['gmail.com', 'outlook.com', 'hotmail.co.uk', 'yahoo.fr', 'gmx.de', 'icloud.com', 'proton.me', 'qq.com', 'web.de', 'mail.ru']
  for (let i = 0; i < plan.freeMailQueries; i += 1) {
    out.push({ query: { email: `person${i}@${pick(rng, providers)}` }, expect: null, rule: 'domain', kind: 'free-mail' })
    out.push({ query: { website: `https://unknown-company-${i}.example.com` }, expect: null, rule: 'domain', kind: 'unknown-domain' })
  }
  return out
}

function contactQueries(contactOnly: ReadonlyMap<string, { domain: string; majority: boolean }>, rng: () => number): LabeledQuery<CompanyQuery>[] {
  return [...contactOnly].map(([qid, c]) => ({
    query: { email: `${pick(rng, ['ann', 'raj', 'li', 'omar', 'eva'])}@${c.domain}` },
    expect: c.majority ? qid : null,
    rule: 'contacts' as const,
    kind: c.majority ? 'contacts-majority' : 'contacts-minority',
  }))
}

function nameKeys(accounts: readonly AccountRecord[]): { taken: Set<string>; compactCount: Map<string, number> } {
  const taken = new Set<string>()
  const compactCount = new Map<string, number>()
  for (const a of accounts) {
    const compact = compactOf(a.name)
    compactCount.set(compact, (compactCount.get(compact) ?? 0) + 1)
    taken.add(compact)
    taken.add(coreOf(a.name))
  }
  return { taken, compactCount }
}

function compactOf(name: string | null | undefined): string {
  return `c:${normalizeCompanyName(name)?.compact ?? ''}`
}

function coreOf(name: string | null | undefined): string {
  return `k:${normalizeCompanyName(name)?.core ?? ''}`
}
