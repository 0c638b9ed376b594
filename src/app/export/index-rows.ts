import type { FieldValue, RemoteRecord } from '../../domain/records.js'
import type { ExportIndexRow } from '../../store/store.js'
import type { CrmFields } from './crm-fields.js'

/** An account as the index keeps it. */
export interface AccountRow {
  readonly name: string | null
  readonly website: string | null
  readonly parentId: string | null
  /** The user id in the target's account owner field, if any. */
  readonly owner: string | null
}

/** A contact as the index keeps it: enough to find the person and count contacts per account by email domain. */
export interface ContactRow {
  readonly email: string | null
  readonly firstName: string | null
  readonly lastName: string | null
  readonly accountId: string | null
}

/** A field as text, or null when blank. */
export const text = (v: FieldValue | undefined): string | null => (typeof v === 'string' && v.trim() !== '' ? v : typeof v === 'number' ? String(v) : null)

/** An account record in the index's compact form. */
export function accountRow(r: RemoteRecord, f: CrmFields, ownerOf: (r: RemoteRecord) => string | null): ExportIndexRow {
  const website = f.accountDomains.map((d) => text(r.fields[d])).find((d) => d !== null) ?? null
  const data: AccountRow = { name: text(r.fields[f.accountName]), website, parentId: r.refs?.parent ?? null, owner: ownerOf(r) }
  return { kind: 'account', id: r.id, data: { ...data } }
}

/** A contact record in the index's compact form. */
export function contactRow(r: RemoteRecord, f: CrmFields): ExportIndexRow {
  const data: ContactRow = { email: text(r.fields[f.email]), firstName: text(r.fields[f.firstName]), lastName: text(r.fields[f.lastName]), accountId: r.refs?.company ?? null }
  return { kind: 'contact', id: r.id, data: { ...data } }
}
