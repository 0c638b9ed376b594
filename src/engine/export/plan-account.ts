import type { Signal } from '../../domain/export/signal.js'
import { objectOf } from '../../domain/export/record-sync.js'
import type { Reason } from '../../domain/reason.js'
import { normalizeCompanyName } from '../../matching/index.js'
import type { AccountCreate } from './export-plan.js'
import { mapFields } from './map-fields.js'
import type { PlanContext } from './plan-context.js'
import { companyDomain } from './read-source.js'

/** The key two signals of one run share when they need the same new account: its domain, else its name. */
export function companyKey(signal: Signal): string {
  const domain = companyDomain(signal)
  if (domain) return `domain:${domain}`
  return `name:${normalizeCompanyName(signal.company.name)?.key ?? (signal.company.name ?? '').toLowerCase()}`
}

/**
 * Plans the account `contact-and-account` creates when none matches: the account tab's
 * create rows, owned by the configured account owner (seed: "assign it to a default user").
 * Also returns what the new account's owner field will hold, for the contact's owner.
 */
export function planAccountCreate(signal: Signal, ctx: Pick<PlanContext, 'target' | 'schemas' | 'owners' | 'users'>): { create: AccountCreate; ownerValue: string | null } | { failure: Reason } {
  const { target } = ctx
  const object = objectOf(target.kind, 'account')
  const schema = ctx.schemas.get(object)
  const writes = mapFields({ rows: target.rows.account, signal, location: target.config.location, schema, current: null })
  if (writes.missing.length > 0) {
    return { failure: { rule: 'field.required-missing', detail: `the new ${object} requires ${writes.missing.join(', ')} and this signal has no value for it; add it to the signal or map a static fallback under fields.account` } }
  }
  const name = String(signal.company.name ?? companyDomain(signal) ?? '')
  const ownerReason: Reason = { rule: 'owner.account-owner', detail: `the new ${object} is owned by ${ctx.users.describe(ctx.owners.accountOwner)}, the ${target.config.accountOwner === undefined ? 'default owner (accountOwner is not set)' : 'configured accountOwner'}` }
  const field = target.config.accountOwnerField
  const isOwnerLookup = field !== undefined && schema?.relationships.some((r) => r.name === 'owner' && r.field.toLowerCase() === field.toLowerCase())
  const fromRows = field === undefined ? null : Object.entries(writes.fields).find(([k]) => k.toLowerCase() === field.toLowerCase())?.[1]
  const ownerValue = isOwnerLookup ? ctx.owners.accountOwner.id : fromRows === undefined || fromRows === null ? null : String(fromRows)
  const create: AccountCreate = { companyKey: companyKey(signal), object, name, fields: writes.fields, ownerId: ctx.owners.accountOwner.id, reasons: [...writes.reasons, ownerReason] }
  return { create, ownerValue }
}
