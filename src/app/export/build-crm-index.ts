import type { Connector } from '../../domain/connector.js'
import { objectOf } from '../../domain/export/record-sync.js'
import type { ExportTarget } from '../../domain/export/resolve-target.js'
import type { ObjectSchema } from '../../domain/object-schema.js'
import type { FieldValue, RemoteRecord } from '../../domain/records.js'
import { createCompanyIndex, createPersonIndex, emailDomain } from '../../matching/index.js'
import type { AccountRecord, CompanyIndex, PersonIndex, PersonRecord } from '../../matching/index.js'
import { crmFields } from './crm-fields.js'

/** The CRM as one export run sees it: accounts and contacts, read once at the start. */
export interface CrmIndex {
  readonly companies: CompanyIndex
  /** Existing contacts (Salesforce Contact, HubSpot contacts); leads are looked up per batch. */
  readonly contacts: PersonIndex
  /** The user id in the account owner field of each account that has one. */
  readonly accountOwners: Map<string, string>
  readonly counts: { readonly accounts: number; readonly contacts: number }
}

const text = (v: FieldValue | undefined): string | null => (typeof v === 'string' && v.trim() !== '' ? v : typeof v === 'number' ? String(v) : null)

/**
 * Reads every account and contact of the target system once per run and indexes them: the
 * account index for matching (with each account's contacts counted by email domain, for the
 * "majority of contacts" rule), the contacts for finding existing people, and the value of
 * the account owner field. One full read costs a page per 2,000 Salesforce records (200 on
 * HubSpot), which beats looking each signal's company up when a file holds many signals.
 */
export async function buildCrmIndex(connector: Connector, target: ExportTarget, schemas: ReadonlyMap<string, ObjectSchema>): Promise<CrmIndex> {
  const f = crmFields[target.kind]
  const accountObject = objectOf(target.kind, 'account')
  const ownerOf = accountOwnerReader(target, schemas.get(accountObject))
  const accounts = new Map<string, AccountRecord & { contactEmailDomains: Record<string, number>; contactCount: number }>()
  const accountOwners = new Map<string, string>()
  for await (const page of connector.read(accountObject)) {
    for (const r of page.records) {
      if (r.deleted) continue
      const website = f.accountDomains.map((d) => text(r.fields[d])).find((d) => d !== null) ?? null
      accounts.set(r.id, { id: r.id, name: text(r.fields[f.accountName]), website, parentId: r.refs?.parent ?? null, contactCount: 0, contactEmailDomains: {} })
      const owner = ownerOf(r)
      if (owner !== null) accountOwners.set(r.id, owner)
    }
  }
  const people: (PersonRecord & { accountId: string | null })[] = []
  for await (const page of connector.read(objectOf(target.kind, 'contact'))) {
    for (const r of page.records) {
      if (r.deleted) continue
      const email = text(r.fields[f.email])
      const accountId = r.refs?.company ?? null
      const account = accountId === null ? undefined : accounts.get(accountId)
      if (account) {
        account.contactCount++
        const domain = emailDomain(email)
        if (domain !== null) account.contactEmailDomains[domain] = (account.contactEmailDomains[domain] ?? 0) + 1
      }
      people.push({ id: r.id, email, firstName: text(r.fields[f.firstName]), lastName: text(r.fields[f.lastName]), accountId })
    }
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
