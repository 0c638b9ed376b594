import EMAIL_PROVIDERS from 'email-providers'
import { parse } from 'tldts'
import { COMPANY_MAIL_DOMAINS, FREE_MAIL_BRANDS, FREE_MAIL_DOMAINS } from './data/free-mail-domains.js'

/** Changes to the built-in free-mail list, from config. Domains are registrable domains. */
export interface FreeMailOverrides {
  /** Extra free-mail domains, e.g. a regional ISP. */
  readonly add?: readonly string[]
  /** Built-in entries that are real company domains for this user (e.g. `me.com`). */
  readonly remove?: readonly string[]
}

/** Answers whether a registrable domain is a consumer mailbox provider. */
export interface FreeMailSet {
  /** True when an email address at this domain says nothing about the employer. */
  has(domain: string): boolean
  /**
   * True when the domain is also never a company's website (gmail.com). A provider that is a
   * company too (zoho.com, yandex.ru, gmx.de) is free-mail for a person's email but still its
   * own company's website. When absent, `has` decides both.
   */
  blocksWebsite?(domain: string): boolean
}

/**
 * The free-mail set: the maintained `email-providers` list, the curated list (exact domains,
 * and providers such as `hotmail.*` or `yahoo.*` under any country suffix) and the config's
 * additions, less its removals; removal wins over every list. As a website only the curated
 * exact list and the additions are blocked: the other providers (zoho.com, yandex.ru,
 * gmx.de) are companies too.
 */
export function createFreeMailSet(overrides: FreeMailOverrides = {}): FreeMailSet {
  const removed = new Set((overrides.remove ?? []).map(clean))
  const added = (overrides.add ?? []).map(clean)
  const websites = new Set([...FREE_MAIL_DOMAINS, ...added])
  const exact = new Set(EMAIL_PROVIDERS)
  for (const d of COMPANY_MAIL_DOMAINS) exact.delete(d)
  for (const d of websites) exact.add(d)
  const brands = new Set(FREE_MAIL_BRANDS)
  return {
    has(domain: string): boolean {
      const d = clean(domain)
      if (d === '' || removed.has(d)) return false
      if (exact.has(d)) return true
      const label = parse(d, { allowPrivateDomains: false }).domainWithoutSuffix
      return label !== null && brands.has(label)
    },
    blocksWebsite(domain: string): boolean {
      const d = clean(domain)
      return d !== '' && !removed.has(d) && websites.has(d)
    },
  }
}

/** The built-in free-mail set, without overrides. */
export const DEFAULT_FREE_MAIL: FreeMailSet = createFreeMailSet()

function clean(domain: string): string {
  return domain.trim().toLowerCase().replace(/\.$/, '')
}
