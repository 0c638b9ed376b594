import type { SimRoute } from '../kit/http-server.js'
import { authed, bodyObject } from './context.js'
import type { SugarContext } from './context.js'
import { invalidParameter, missingParameter } from './errors.js'
import { formatRecord } from './format.js'
import type { StoredRecord } from './store.js'

/** Lead fields a new contact takes from the lead unless the request gives them. */
const carried = [
  'salutation', 'first_name', 'last_name', 'title', 'department', 'phone_work', 'phone_mobile', 'do_not_call',
  'primary_address_street', 'primary_address_city', 'primary_address_state', 'primary_address_postalcode',
  'primary_address_country', 'lead_source', 'description', 'past_company_c',
]

/**
 * `POST /Leads/{id}/convert` with `{ modules: { Contacts: {...} | { id }, Accounts?: {...} | { id } } }`.
 * Creates (or links) the account and the contact, gives the new contact the lead's owner and
 * email addresses, and marks the lead `converted` with `contact_id` / `account_id` set and
 * status Converted. Answers `{ modules: [contact, account?] }`.
 */
export function convertRoute(ctx: SugarContext): SimRoute {
  return authed(ctx, 'POST', '/rest/v11/Leads/:id/convert', 'leads.convert', (req, user) => {
    const lead = ctx.store.get('Leads', req.params.id ?? '')
    if (lead.values.converted === true) throw invalidParameter(`Lead ${lead.id} has already been converted`)
    const modules = bodyObject(req).modules as Record<string, Record<string, unknown> | undefined> | undefined
    if (!modules || typeof modules !== 'object') throw missingParameter('modules')
    const contactSpec = modules.Contacts
    if (!contactSpec || typeof contactSpec !== 'object') throw missingParameter('modules.Contacts')
    const account = modules.Accounts ? accountFor(ctx, modules.Accounts, user) : undefined
    const accountId = account?.id ?? (String(lead.values.account_id ?? '') || undefined)
    const contact = contactFor(ctx, lead, contactSpec, accountId, user)
    Object.assign(lead.values, { converted: true, status: 'Converted', contact_id: contact.id, ...(accountId ? { account_id: accountId } : {}) })
    ctx.store.commit(lead, user, false)
    ctx.store.onChange?.(lead, 'after_save', true)
    const out = [contact, ...(account ? [account] : [])].map((r) => formatRecord(ctx.store, r))
    return { status: 200, body: { modules: out } }
  })
}

function accountFor(ctx: SugarContext, spec: Record<string, unknown>, user: string): StoredRecord {
  if (typeof spec.id === 'string' && spec.id !== '') return ctx.store.get('Accounts', spec.id)
  return ctx.store.create('Accounts', spec, user)
}

function contactFor(ctx: SugarContext, lead: StoredRecord, spec: Record<string, unknown>, accountId: string | undefined, user: string): StoredRecord {
  const link = accountId ? { account_id: accountId } : {}
  if (typeof spec.id === 'string' && spec.id !== '') return ctx.store.update('Contacts', spec.id, link, user)
  const defaults = Object.fromEntries(carried.filter((k) => lead.values[k] !== undefined).map((k) => [k, lead.values[k]]))
  const email = lead.email.map((e) => ({ ...e }))
  const contact = ctx.store.create('Contacts', { ...defaults, email, ...spec, ...link }, user)
  // The contact carries the lead's owner, even one since made inactive: Sugar copies it over
  // without the assignment checks a new save through the API would make.
  if (!('assigned_user_id' in spec)) contact.values.assigned_user_id = lead.values.assigned_user_id ?? ''
  return contact
}
