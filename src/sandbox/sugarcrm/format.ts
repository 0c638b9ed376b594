import type { Scalar, StoredRecord, SugarStore } from './store.js'
import { primaryEmail } from './store.js'
import { moduleFields } from './vardefs.js'

/** Fields Sugar always returns, whatever `fields` asked for (FilterApi's mandatory fields). */
const mandatory = ['id', 'date_modified', 'assigned_user_id', 'created_by', 'deleted']

const fullName = (values: Record<string, Scalar>): string =>
  [values.first_name, values.last_name].filter((v) => typeof v === 'string' && v !== '').join(' ')

/** The value of a field as the API reports it, computing Sugar's non-db fields. */
export function fieldValue(store: SugarStore, rec: StoredRecord, name: string): Scalar {
  const v = rec.values
  switch (name) {
    case 'email1':
      return primaryEmail(rec)
    case 'full_name':
      return fullName(v)
    case 'name':
      return rec.module === 'Accounts' ? (v.name ?? '') : fullName(v)
    case 'assigned_user_name':
      return relatedName(store.modules.Users.get(String(v.assigned_user_id ?? '')))
    case 'account_name':
      return rec.module === 'Contacts' ? relatedName(store.modules.Accounts.get(String(v.account_id ?? ''))) : (v.account_name ?? '')
    case 'parent_name':
      return relatedName(store.modules.Accounts.get(String(v.parent_id ?? '')))
  }
  const value = v[name]
  if (value !== undefined) return value
  return moduleFields(rec.module).get(name)?.type === 'bool' ? false : ''
}

function relatedName(rec: StoredRecord | undefined): string {
  if (!rec) return ''
  return rec.module === 'Accounts' ? String(rec.values.name ?? '') : fullName(rec.values)
}

/**
 * A record as the REST API returns it: every field (or those asked for plus the mandatory
 * ones), the `email` array, `_acl` and `_module`.
 */
export function formatRecord(store: SugarStore, rec: StoredRecord, select?: ReadonlySet<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const def of moduleFields(rec.module).values()) {
    if (select && !select.has(def.name) && !mandatory.includes(def.name)) continue
    out[def.name] = def.name === 'email' ? rec.email.map((e) => ({ ...e })) : fieldValue(store, rec, def.name)
  }
  out._acl = { fields: {} }
  out._module = rec.module
  return out
}
