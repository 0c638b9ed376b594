import type { FieldValue, RecordRefs, RelationshipName, RemoteRecord, WriteOp } from '../../domain/records.js'
import { sugarToIsoUtc } from './sugar-time.js'

/** A record as Sugar's REST API returns it. */
export type SugarRecord = Readonly<Record<string, unknown>> & { readonly id: string; readonly date_modified: string }

/** The lookup fields revsync treats as relationships, per module. */
const relationshipFields: Readonly<Record<string, Partial<Record<RelationshipName, string>>>> = {
  Leads: { owner: 'assigned_user_id', company: 'account_id' },
  Contacts: { owner: 'assigned_user_id', company: 'account_id' },
  Accounts: { owner: 'assigned_user_id', parent: 'parent_id' },
}

/** The relationship fields of a module (owner, company, parent → native field). */
export function refFieldsOf(module: string): Partial<Record<RelationshipName, string>> {
  return relationshipFields[module] ?? (module === 'Users' ? {} : { owner: 'assigned_user_id' })
}

/**
 * Fields that are not plain fields: the record's identity and timestamp (in `id` / `modifiedAt`),
 * the delete flag (`deleted`), the conversion pair (`convertedTo`), the `email` collection
 * (mirrored as `email1`) and API bookkeeping.
 */
const structural = new Set(['id', 'date_modified', 'deleted', 'email', '_acl', '_module', 'locked_fields', 'my_favorite', 'following', '_erased_fields'])
const leadConversion = new Set(['converted', 'contact_id'])

/** True for a native field that is not exposed as a plain field of `module`. */
export function isStructural(module: string, field: string): boolean {
  return structural.has(field) || (module === 'Leads' && leadConversion.has(field))
}

/** Maps one Sugar record to revsync's shape: scalars in `fields` ('' → null), lookups in `refs`. */
export function toRemoteRecord(module: string, raw: SugarRecord): RemoteRecord {
  const refFields = refFieldsOf(module)
  const refNames = new Set(Object.values(refFields))
  const fields: Record<string, FieldValue> = {}
  for (const [name, value] of Object.entries(raw)) {
    if (isStructural(module, name) || refNames.has(name)) continue
    if (value === null || value === '') fields[name] = null
    else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') fields[name] = value
  }
  const refs: Record<string, string | null> = {}
  for (const [rel, field] of Object.entries(refFields)) {
    const value = raw[field]
    refs[rel] = typeof value === 'string' && value !== '' ? value : null
  }
  const contactId = raw.contact_id
  return {
    id: raw.id,
    object: module,
    fields,
    ...(Object.keys(refs).length > 0 ? { refs: refs as RecordRefs } : {}),
    modifiedAt: sugarToIsoUtc(raw.date_modified),
    ...(raw.deleted === true || raw.deleted === 1 || raw.deleted === '1' ? { deleted: true } : {}),
    ...(module === 'Leads' && isTrue(raw.converted) && typeof contactId === 'string' && contactId !== ''
      ? { convertedTo: { object: 'Contacts', id: contactId } }
      : {}),
  }
}

/**
 * The `fields` a read asks Sugar for: those wanted plus what `toRemoteRecord` needs (id, time,
 * delete flag, the lookups behind refs, a lead's conversion pair). `undefined` asks for all.
 */
export function sugarFields(module: string, wanted: readonly string[] | undefined, extra: readonly string[] = []): string[] | undefined {
  if (!wanted) return undefined
  const needed = ['id', 'date_modified', 'deleted', ...Object.values(refFieldsOf(module)), ...(module === 'Leads' ? leadConversion : [])]
  return [...new Set([...needed, ...wanted, ...extra])]
}

const isTrue = (v: unknown): boolean => v === true || v === 1 || v === '1' || v === 'true'

/** The JSON body of a create or update: plain fields as given, refs into their native lookups. */
export function toSugarBody(module: string, op: WriteOp): Record<string, unknown> {
  const body: Record<string, unknown> = { ...op.fields }
  const refFields = refFieldsOf(module)
  for (const [rel, value] of Object.entries(op.refs ?? {})) {
    const field = refFields[rel as RelationshipName]
    if (!field) throw new Error(`${module} has no "${rel}" relationship; it has ${Object.keys(refFields).join(', ') || 'none'}`)
    body[field] = value ?? ''
  }
  return body
}
