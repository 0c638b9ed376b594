import type { AccountRecord } from './account-record.js'
import { indexKeys, initialsKey, queryKeys, wordKey } from './blocking-keys.js'
import { isPlaceholderCompact } from './is-placeholder-name.js'
import { DEFAULT_NAME_SCORE_OPTIONS } from './name-score-options.js'
import type { NameKeys } from './blocking-keys.js'
import { normalizeDomain, websiteDomain } from './normalize-domain.js'
import { normalizeCompanyName } from './normalize-company-name.js'
import type { NameShape } from './normalize-company-name.js'
import { addPosting, collectPostings, postingCount, removePosting } from './postings.js'
import type { WordRarity } from './score-company-names.js'
import type { Postings } from './postings.js'

/** An account as the index keeps it: what matching and explanations need, normalized once. */
export interface IndexedAccount {
  readonly id: string
  readonly name: string | null
  /** The website or domain as the CRM had it, for explanations. */
  readonly website: string | null
  /** Its registrable domain, or null when it has none (or only a page on a shared host). */
  readonly domain: string | null
  readonly parentId: string | null
  readonly contactCount: number
  /** The email domain most of its contacts share, and how many share it. */
  readonly topContactDomain: string | null
  readonly topContactDomainCount: number
  readonly shape: NameShape | null
}

/** Limits of the index; the defaults suit a million accounts. */
export interface CompanyIndexOptions {
  /** Shortest word in which a typo is tolerated; must equal the scorer's. Default 8. */
  readonly minTypoLength?: number
  /** Most accounts read from one same-name key; more are CRM duplicates. Default 200. */
  readonly maxExactCandidates?: number
  /** Most accounts read from one typo key. Default 50. */
  readonly maxTypoCandidates?: number
}

/** Name candidates for one lookup: likely matches, and related names for near-miss reports. */
export interface NameCandidates {
  readonly likely: readonly IndexedAccount[]
  readonly related: readonly IndexedAccount[]
}

/**
 * An in-memory index of accounts with blocking keys (registrable domain, the top contact
 * email domain, same-name and same-core keys, typo keys, word and initials keys), so a lookup
 * scores a handful of candidates even at a million accounts. Accounts are added, replaced
 * and removed one by one as the CRM changes.
 */
export class CompanyIndex implements WordRarity {
  private readonly slots: (IndexedAccount | undefined)[] = []
  private readonly free: number[] = []
  private readonly slotById = new Map<string, number>()
  private readonly byDomainKey: Postings<string> = new Map()
  private readonly byContactKey: Postings<string> = new Map()
  private readonly byNameKey: Postings<number> = new Map()
  private readonly byTypoKey: Postings<number> = new Map()
  private readonly byRelatedKey: Postings<number> = new Map()
  private readonly minTypoLength: number
  private readonly maxExact: number
  private readonly maxTypo: number

  constructor(options: CompanyIndexOptions = {}) {
    this.minTypoLength = options.minTypoLength ?? DEFAULT_NAME_SCORE_OPTIONS.minTypoLength
    this.maxExact = options.maxExactCandidates ?? 200
    this.maxTypo = options.maxTypoCandidates ?? 50
  }

  /** How many accounts the index holds. */
  get size(): number {
    return this.slotById.size
  }

  /** Adds an account, or replaces the one with the same id. */
  upsert(account: AccountRecord): IndexedAccount {
    this.remove(account.id)
    const entry = toIndexedAccount(account)
    const slot = this.free.pop() ?? this.slots.length
    this.slots[slot] = entry
    this.slotById.set(entry.id, slot)
    this.file(entry, slot, addPosting)
    return entry
  }

  /** Removes an account; false when the index did not hold it. */
  remove(id: string): boolean {
    const slot = this.slotById.get(id)
    if (slot === undefined) return false
    const entry = this.slots[slot]
    if (entry !== undefined) this.file(entry, slot, removePosting)
    this.slots[slot] = undefined
    this.slotById.delete(id)
    this.free.push(slot)
    return true
  }

  /** The account with this id. */
  get(id: string): IndexedAccount | undefined {
    const slot = this.slotById.get(id)
    return slot === undefined ? undefined : this.slots[slot]
  }

  /** Accounts whose website's registrable domain is `domain`. */
  byDomain(domain: string): IndexedAccount[] {
    return this.read(this.byDomainKey, domain, Number.MAX_SAFE_INTEGER)
  }

  /** Accounts whose contacts most often have email addresses at `domain`. */
  byContactDomain(domain: string): IndexedAccount[] {
    return this.read(this.byContactKey, domain, Number.MAX_SAFE_INTEGER)
  }

  /** How many accounts carry this word (by its stem) among their name's first distinctive words: the rarity the scorer weighs. */
  accountsWithWord(word: string): number {
    return postingCount(this.byRelatedKey, wordKey(word))
  }

  /** How many accounts have names with these initials. */
  accountsWithInitials(initials: string): number {
    return postingCount(this.byRelatedKey, initialsKey(initials))
  }

  /**
   * Accounts whose names share a blocking key with `shape`, likely matches first; related
   * names (a shared word, initials) are read from the rarest key up, so a word one account
   * alone carries is never crowded out by a common one.
   */
  nameCandidates(shape: NameShape, relatedLimit: number): NameCandidates {
    const keys = queryKeys(shape, this.minTypoLength)
    const likely = new Set<number>()
    for (const k of keys.exact) collectPostings(this.byNameKey, k, likely, this.maxExact)
    for (const k of keys.typo) collectPostings(this.byTypoKey, k, likely, this.maxTypo)
    const related = new Set<number>()
    if (relatedLimit > 0) {
      const byRarity = keys.related.map((k) => [k, postingCount(this.byRelatedKey, k)] as const).filter(([, n]) => n > 0).sort((x, y) => x[1] - y[1])
      for (const [k] of byRarity) {
        if (related.size >= relatedLimit) break
        collectPostings(this.byRelatedKey, k, related, relatedLimit - related.size)
      }
      for (const s of likely) related.delete(s)
    }
    return { likely: this.entries(likely), related: this.entries(related).slice(0, relatedLimit) }
  }

  private file(entry: IndexedAccount, slot: number, op: typeof addPosting): void {
    if (entry.domain !== null) op(this.byDomainKey, entry.domain, slot)
    if (entry.topContactDomain !== null) op(this.byContactKey, entry.topContactDomain, slot)
    if (entry.shape === null) return
    const keys: NameKeys = indexKeys(entry.shape, this.minTypoLength)
    for (const k of keys.exact) op(this.byNameKey, k, slot)
    for (const k of keys.typo) op(this.byTypoKey, k, slot)
    for (const k of keys.related) op(this.byRelatedKey, k, slot)
  }

  private read(map: Postings<string>, key: string, limit: number): IndexedAccount[] {
    const slots = new Set<number>()
    collectPostings(map, key, slots, limit)
    return this.entries(slots)
  }

  private entries(slots: Iterable<number>): IndexedAccount[] {
    const out: IndexedAccount[] = []
    for (const s of slots) {
      const entry = this.slots[s]
      if (entry !== undefined) out.push(entry)
    }
    return out
  }
}

/** Builds an index over the accounts. */
export function createCompanyIndex(accounts: Iterable<AccountRecord>, options: CompanyIndexOptions = {}): CompanyIndex {
  const index = new CompanyIndex(options)
  for (const account of accounts) index.upsert(account)
  return index
}

function toIndexedAccount(account: AccountRecord): IndexedAccount {
  const website = nonEmpty(account.domain) ?? nonEmpty(account.website)
  const parsed = normalizeCompanyName(account.name)
  // An account named "Self-employed" or "N/A" (CRMs have them) is never matched by name.
  const normalized = parsed === null || isPlaceholderCompact(parsed.compact) ? null : parsed
  const contacts = topContactDomain(account.contactEmailDomains ?? null)
  return {
    id: account.id,
    name: account.name ?? null,
    website,
    domain: websiteDomain(website),
    parentId: account.parentId ?? null,
    contactCount: account.contactCount ?? contacts.total,
    topContactDomain: contacts.domain,
    topContactDomainCount: contacts.count,
    // Only what scoring reads is kept: a million full normalization records would double memory.
    shape: normalized === null ? null : { tokens: normalized.tokens, kinds: normalized.kinds, legalForms: shared(normalized.legalForms), alternates: normalized.alternates },
  }
}

const NO_FORMS: readonly string[] = Object.freeze([])

/** Most names carry one legal form or none: one shared empty list saves a million arrays. */
function shared(forms: readonly string[]): readonly string[] {
  return forms.length === 0 ? NO_FORMS : forms
}

function nonEmpty(text: string | null | undefined): string | null {
  return typeof text === 'string' && text.trim() !== '' ? text : null
}

/** The email domain most contacts share (registrable, so sales.acme.com counts as acme.com). */
function topContactDomain(counts: Readonly<Record<string, number>> | null): { domain: string | null; count: number; total: number } {
  const byDomain = new Map<string, number>()
  let total = 0
  for (const [raw, n] of Object.entries(counts ?? {})) {
    if (!Number.isFinite(n) || n <= 0) continue
    total += n
    const domain = normalizeDomain(raw)
    if (domain !== null) byDomain.set(domain, (byDomain.get(domain) ?? 0) + n)
  }
  let best: string | null = null
  let count = 0
  for (const [domain, n] of [...byDomain].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (n > count) {
      best = domain
      count = n
    }
  }
  return { domain: best, count, total }
}
