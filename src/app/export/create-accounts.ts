import type { Connector } from '../../domain/connector.js'
import type { WriteOp } from '../../domain/records.js'
import type { AccountCreate, SignalPlan } from '../../engine/export/export-plan.js'
import type { ExportWorld } from './export-world.js'
import { companyDomain } from '../../engine/export/read-source.js'
import type { Signal } from '../../domain/export/signal.js'

/** A new account of this round: its id once created, or why it could not be. */
export type NewAccount =
  | { readonly ok: true; readonly id: string; readonly create: AccountCreate }
  | { readonly ok: false; readonly create: AccountCreate; readonly code: string; readonly message: string }

/**
 * Creates the accounts `contact-and-account` needs, one per company however many signals of
 * the round name it, owned by the account owner. Each new account joins the index at once,
 * so later signals of the run match it instead of creating it again. In a plan nothing is
 * sent: the accounts get `planned-account-N` ids.
 */
export async function createAccounts(
  world: ExportWorld,
  connector: Connector,
  round: readonly { readonly signal: Signal; readonly plan: SignalPlan }[],
  planned: (() => string) | null,
): Promise<Map<string, NewAccount>> {
  const byKey = new Map<string, { create: AccountCreate; signal: Signal }>()
  for (const { signal, plan } of round) if (plan.createAccount && !byKey.has(plan.createAccount.companyKey)) byKey.set(plan.createAccount.companyKey, { create: plan.createAccount, signal })
  const out = new Map<string, NewAccount>()
  if (byKey.size === 0) return out
  const entries = [...byKey.values()]
  const object = entries[0]!.create.object
  const results = planned
    ? entries.map((e) => ({ ok: true as const, ref: e.create.companyKey, id: planned() }))
    : await connector.write(object, entries.map((e): WriteOp => ({ kind: 'create', ref: e.create.companyKey, fields: e.create.fields, refs: { owner: e.create.ownerId } })))
  results.forEach((result, i) => {
    const { create, signal } = entries[i]!
    if (!result.ok) {
      out.set(create.companyKey, { ok: false, create, code: result.vendorCode, message: result.message })
      return
    }
    out.set(create.companyKey, { ok: true, id: result.id, create })
    world.crm.companies.upsert({ id: result.id, name: signal.company.name ?? create.name, website: companyDomain(signal), contactCount: 0 })
    const plan = round.find((r) => r.plan.createAccount?.companyKey === create.companyKey)?.plan
    const ownerValue = ownerValueOf(world, plan, create)
    if (ownerValue !== null) world.crm.accountOwners.set(result.id, ownerValue)
  })
  return out
}

/** What the new account's owner field holds: the owner lookup is the account owner; a plain field, what the rows wrote. */
function ownerValueOf(world: ExportWorld, plan: SignalPlan | undefined, create: AccountCreate): string | null {
  const field = world.target.config.accountOwnerField
  if (field === undefined || plan === undefined) return null
  const schema = world.schemas.get(create.object)
  if (schema?.relationships.some((r) => r.name === 'owner' && r.field.toLowerCase() === field.toLowerCase())) return create.ownerId
  const value = Object.entries(create.fields).find(([k]) => k.toLowerCase() === field.toLowerCase())?.[1]
  return value === undefined || value === null ? null : String(value)
}
