import type { ExportTarget } from '../../domain/export/resolve-target.js'
import type { ObjectSchema } from '../../domain/object-schema.js'
import type { RemoteRecord } from '../../domain/records.js'
import { createCompanyIndex, createPersonIndex, emailDomain } from '../../matching/index.js'
import type { AccountRecord, CompanyIndex, PersonIndex, PersonRecord } from '../../matching/index.js'
import type { ExportIndexRow } from '../../store/store.js'
import { text } from './index-rows.js'
import type { AccountRow, ContactRow } from './index-rows.js'

/** The CRM as one export run sees it: accounts and contacts, from the stored index refreshed at the start. */
export interface CrmIndex {
  readonly companies: CompanyIndex
  /** Existing contacts (Salesforce Contact, HubSpot contacts); leads are looked up per batch. */
  readonly contacts: PersonIndex
  /** The user id in the account owner field of each account that has one. */
  readonly accountOwners: Map<string, string>
  readonly counts: { readonly accounts: number; readonly contacts: number }
}

/**
 * Indexes the target's accounts and contacts in their compact form: the account index for
 * matching (with each account's contacts counted by email domain, for the "majority of
 * contacts" rule), the contacts for finding existing people, and the value of the account
 * owner field. Counts are derived here rather than stored, so a contact that moved to
 * another account or was deleted changes them without any bookkeeping.
 */
export function crmIndexOf(rows: Iterable<ExportIndexRow>): CrmIndex {
  const accounts = new Map<string, AccountRecord & { contactEmailDomains: Record<string, number>; contactCount: number }>()
  const accountOwners = new Map<string, string>()
  const people: (PersonRecord & { accountId: string | null })[] = []
  for (const row of rows) {
    if (row.kind === 'account') {
      const a = row.data as unknown as AccountRow
      accounts.set(row.id, { id: row.id, name: a.name, website: a.website, parentId: a.parentId, contactCount: 0, contactEmailDomains: {} })
      if (a.owner !== null) accountOwners.set(row.id, a.owner)
    } else {
      const c = row.data as unknown as ContactRow
      people.push({ id: row.id, email: c.email, firstName: c.firstName, lastName: c.lastName, accountId: c.accountId })
    }
  }
  for (const p of people) {
    const account = p.accountId === null ? undefined : accounts.get(p.accountId)
    if (!account) continue
    account.contactCount++
    const domain = emailDomain(p.email)
    if (domain !== null) account.contactEmailDomains[domain] = (account.contactEmailDomains[domain] ?? 0) + 1
  }
  const companies = createCompanyIndex(accounts.values())
  // A contact's company domain is its account's website, so name + domain finds it.
  const contacts = createPersonIndex(people.map(({ accountId, ...p }) => ({ ...p, companyDomain: accountId === null ? null : (companies.get(accountId)?.domain ?? null) })))
  return { companies, contacts, accountOwners, counts: { accounts: accounts.size, contacts: people.length } }
}

/** Reads the account owner field: the owner lookup (in `refs`) or a plain field such as `SDR_Owner__c`. */
export function accountOwnerReader(target: ExportTarget, schema: ObjectSchema | undefined): (r: RemoteRecord) => string | null {
  const field = target.config.accountOwnerField
  if (field === undefined) return () => null
  const isLookup = schema?.relationships.some((rel) => rel.name === 'owner' && rel.field.toLowerCase() === field.toLowerCase()) ?? false
  if (isLookup) return (r) => r.refs?.owner ?? null
  const name = schema?.fields.find((x) => x.name.toLowerCase() === field.toLowerCase())?.name ?? field
  return (r) => text(r.fields[name])
}
