import { parse } from 'tldts'
import { FREE_MAIL_BRANDS, FREE_MAIL_DOMAINS } from './data/free-mail-domains.js'

/** Changes to the built-in free-mail list, from config. Domains are registrable domains. */
export interface FreeMailOverrides {
  /** Extra free-mail domains, e.g. a regional ISP. */
  readonly add?: readonly string[]
  /** Built-in entries that are real company domains for this user (e.g. `me.com`). */
  readonly remove?: readonly string[]
}

/** Answers whether a registrable domain is a consumer mailbox provider. */
export interface FreeMailSet {
  has(domain: string): boolean
}

/**
 * The free-mail set: the curated list (exact domains, and providers such as `hotmail.*` or
 * `yahoo.*` under any country suffix) with the config's additions and removals applied.
 * Removal wins over both the exact list and the provider wildcards.
 */
export function createFreeMailSet(overrides: FreeMailOverrides = {}): FreeMailSet {
  const removed = new Set((overrides.remove ?? []).map(clean))
  const exact = new Set([...FREE_MAIL_DOMAINS, ...(overrides.add ?? []).map(clean)])
  const brands = new Set(FREE_MAIL_BRANDS)
  return {
    has(domain: string): boolean {
      const d = clean(domain)
      if (d === '' || removed.has(d)) return false
      if (exact.has(d)) return true
      const label = parse(d, { allowPrivateDomains: false }).domainWithoutSuffix
      return label !== null && brands.has(label)
    },
  }
}

/** The built-in free-mail set, without overrides. */
export const DEFAULT_FREE_MAIL: FreeMailSet = createFreeMailSet()

function clean(domain: string): string {
  return domain.trim().toLowerCase().replace(/\.$/, '')
}
