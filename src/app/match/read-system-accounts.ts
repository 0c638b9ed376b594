import type { Connector, SystemKind } from '../../domain/connector.js'
import type { FieldValue } from '../../domain/records.js'
import { emailDomain, websiteDomain } from '../../matching/index.js'
import type { AccountRecord } from '../../matching/index.js'

/** Where a kind of system keeps its companies and its people on them, by native name. */
interface CompanyObjects {
  readonly companies: string
  readonly name: string
  /** Website-like fields, best first. */
  readonly domains: readonly string[]
  /** The people object whose records point at a company (`refs.company`), and its email field. */
  readonly contacts: string
  readonly email: string
}

/** The company and contact objects per system kind (leads are not linked to accounts, so they are not read). */
export const COMPANY_OBJECTS: Readonly<Record<SystemKind, CompanyObjects>> = {
  hubspot: { companies: 'companies', name: 'name', domains: ['domain', 'website'], contacts: 'contacts', email: 'email' },
  salesforce: { companies: 'Account', name: 'Name', domains: ['Website'], contacts: 'Contact', email: 'Email' },
  sugarcrm: { companies: 'Accounts', name: 'name', domains: ['website'], contacts: 'Contacts', email: 'email1' },
}

/** Accounts read from a system, and what was read to build them. */
export interface SystemAccounts {
  readonly accounts: readonly AccountRecord[]
  readonly companyObject: string
  /** Set with `withContacts`: the people object read, how many were read and how many sat on an account. */
  readonly contacts?: { readonly object: string; readonly read: number; readonly onAccounts: number }
}

const text = (v: FieldValue | undefined): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : null)

/**
 * Reads every company of a system through its connector (HubSpot `companies`, Salesforce
 * `Account`, Sugar `Accounts`) as accounts for the matcher: name, the first website-like
 * field that gives a domain, and the parent. With `withContacts`, also reads the contacts
 * and counts them per account by email domain, for the "majority of contacts" rule and for
 * "more contacts" among several accounts; that costs one more full read.
 */
export async function readSystemAccounts(connector: Connector, withContacts: boolean): Promise<SystemAccounts> {
  const o = COMPANY_OBJECTS[connector.kind]
  const accounts = new Map<string, AccountRecord & { contactCount?: number; contactEmailDomains?: Record<string, number> }>()
  for await (const page of connector.read(o.companies)) {
    for (const r of page.records) {
      if (r.deleted) {
        accounts.delete(r.id)
        continue
      }
      const sites = o.domains.map((d) => text(r.fields[d])).filter((d): d is string => d !== null)
      const website = sites.find((s) => websiteDomain(s) !== null) ?? sites[0] ?? null
      accounts.set(r.id, { id: r.id, name: text(r.fields[o.name]), website, parentId: r.refs?.parent ?? null })
    }
  }
  if (!withContacts) return { accounts: [...accounts.values()], companyObject: o.companies }
  for (const account of accounts.values()) {
    account.contactCount = 0
    account.contactEmailDomains = {}
  }
  let read = 0
  let onAccounts = 0
  const seen = new Set<string>()
  for await (const page of connector.read(o.contacts)) {
    for (const r of page.records) {
      // A record read twice (an incremental read's overlap) counts once.
      if (r.deleted || seen.has(r.id)) continue
      seen.add(r.id)
      read++
      const account = r.refs?.company ? accounts.get(r.refs.company) : undefined
      if (account === undefined) continue
      onAccounts++
      account.contactCount = (account.contactCount ?? 0) + 1
      const domain = emailDomain(text(r.fields[o.email]))
      if (domain !== null && account.contactEmailDomains) account.contactEmailDomains[domain] = (account.contactEmailDomains[domain] ?? 0) + 1
    }
  }
  return { accounts: [...accounts.values()], companyObject: o.companies, contacts: { object: o.contacts, read, onAccounts } }
}
