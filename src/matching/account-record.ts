/**
 * An account (company record) as the matcher needs it, whatever CRM it came from. Callers
 * build it from the store or from a connector read.
 */
export interface AccountRecord {
  readonly id: string
  readonly name?: string | null
  /** A domain, host, URL or email; `website` is used when this is empty. */
  readonly domain?: string | null
  readonly website?: string | null
  /** The parent account in the CRM's hierarchy, if any. */
  readonly parentId?: string | null
  /** Contacts on the account; defaults to the sum of `contactEmailDomains`. */
  readonly contactCount?: number | null
  /** Contacts on the account by email domain, e.g. `{ 'acme.com': 12, 'gmail.com': 3 }`. */
  readonly contactEmailDomains?: Readonly<Record<string, number>> | null
}
