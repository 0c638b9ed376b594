import type { ExportTab } from '../../domain/export/export-config.js'
import type { Signal } from '../../domain/export/signal.js'
import type { RemoteRecord } from '../../domain/records.js'
import type { Reason } from '../../domain/reason.js'
import { chooseExisting } from './choose-existing.js'
import { decideAccount } from './decide-account.js'
import { decideOwner } from './decide-owner.js'
import type { OwnerAccount } from './decide-owner.js'
import { decideRecordType } from './decide-record-type.js'
import type { AccountDecision, ExistingChoice, OwnerDecision, PersonWrite, SignalPlan } from './export-plan.js'
import { mapFields } from './map-fields.js'
import { planAccountCreate } from './plan-account.js'
import type { PlanContext } from './plan-context.js'

/**
 * Plans one signal: finds an existing lead or contact, matches the account, decides the
 * record type, the owner and every field, each with its reason. Pure: the context holds
 * everything it reads, so `plan` and `export` decide the same way.
 */
export function planSignal(signal: Signal, ctx: PlanContext): SignalPlan {
  const { target } = ctx
  const existing = chooseExisting(signal, ctx.people)
  const account = decideAccount(signal, ctx.companies, ctx.matchOptions)
  const type = decideRecordType({ kind: target.kind, recordSync: target.recordSync, existing, account })
  const base = { existing, account, createAccount: null, person: null }
  const reasons: Reason[] = [existing.reason, account.reason, type.reason]
  if (type.kind === 'fail') return { ...base, outcome: 'fail', object: type.object, recordId: null, reasons }
  if (type.kind === 'update') {
    const record = ctx.record(type.object, type.id)
    if (!record) return { ...base, outcome: 'fail', object: type.object, recordId: type.id, reasons: [...reasons, { rule: 'existing.gone', detail: `${type.object} ${type.id} could not be read back; it may have been deleted or converted since the run started` }] }
    return planUpdate(signal, ctx, existing, account, type.tab, record, reasons)
  }
  const accountCreate = type.account === 'new' ? planAccountCreate(signal, ctx) : null
  if (accountCreate && 'failure' in accountCreate) return { ...base, outcome: 'fail', object: type.object, recordId: null, reasons: [...reasons, accountCreate.failure] }
  // The account the person lands on, or (always-lead) the account the lead's company is.
  const ownerAccount: OwnerAccount | null = accountCreate
    ? { id: 'new', name: accountCreate.create.name, ownerValue: accountCreate.ownerValue }
    : account.kind === 'matched'
      ? { id: account.id, name: account.name, ownerValue: ctx.accountOwnerValue(account.id) }
      : null
  const owner = decideOwner({ target, owners: ctx.owners, users: ctx.users, object: type.object, account: ownerAccount })
  const writes = mapFields({ rows: target.rows[type.tab], signal, location: target.config.location, schema: ctx.schemas.get(type.object), current: null })
  reasons.push(owner.reason)
  if (writes.missing.length > 0) return { ...base, outcome: 'fail', object: type.object, recordId: null, reasons: [...reasons, missingReason(type.object, writes.missing)] }
  const company = accountCreate ? 'new' : type.account === 'matched' && account.kind === 'matched' ? account.id : null
  const person: PersonWrite = { kind: 'create', object: type.object, tab: type.tab, id: null, writes, company, owner, currentOwnerId: null, currentCompanyId: null }
  return { existing, account, createAccount: accountCreate?.create ?? null, person, outcome: 'create', object: type.object, recordId: null, reasons }
}

function planUpdate(signal: Signal, ctx: PlanContext, existing: ExistingChoice, account: AccountDecision, tab: ExportTab, record: RemoteRecord, reasons: Reason[]): SignalPlan {
  const { target } = ctx
  const matched = account.kind === 'matched' ? account : null
  const ownerAccount = matched ? { id: matched.id, name: matched.name, ownerValue: ctx.accountOwnerValue(matched.id) } : null
  const currentOwnerId = record.refs?.owner ?? null
  const owner = decideOwner({ target, owners: ctx.owners, users: ctx.users, object: record.object, existingOwnerId: currentOwnerId, account: ownerAccount })
  reasons.push(owner.reason)
  const writes = mapFields({ rows: target.rows[tab], signal, location: target.config.location, schema: ctx.schemas.get(record.object), current: record.fields })
  const currentCompanyId = record.refs?.company ?? null
  // A contact that has no account yet is placed on the matched one; one that has an account
  // keeps it, since moving people between accounts is the CRM owner's call.
  const setsCompany = tab === 'contact' && matched !== null && currentCompanyId === null
  if (setsCompany) reasons.push({ rule: 'account.set', detail: `the ${record.object} had no account; placed on "${matched.name ?? matched.id}" (${matched.id})` })
  const person: PersonWrite = { kind: 'update', object: record.object, tab, id: record.id, writes, company: setsCompany ? matched.id : null, owner, currentOwnerId, currentCompanyId }
  const base = { existing, account, createAccount: null, object: record.object, recordId: record.id }
  if (Object.keys(writes.fields).length === 0 && !setsCompany && !changesOwner(owner, currentOwnerId, ctx)) {
    return { ...base, person, outcome: 'skip', reasons: [...reasons, { rule: 'skip.up-to-date', detail: `${record.object} ${record.id} already holds every value the rows would write; nothing to do` }] }
  }
  return { ...base, person, outcome: 'update', reasons }
}

/** True when the decision gives the record another owner than it has. */
export function changesOwner(owner: OwnerDecision, currentOwnerId: string | null, ctx: Pick<PlanContext, 'users'>): boolean {
  if (owner.kind === 'keep' || owner.kind === 'assignment-rules') return false
  if (owner.kind === 'round-robin') return true
  const current = ctx.users.byId(currentOwnerId)
  return current === undefined || current.id !== owner.userId
}

function missingReason(object: string, fields: readonly string[]): Reason {
  return { rule: 'field.required-missing', detail: `${object} requires ${fields.join(', ')} and this signal has no value for ${fields.length === 1 ? 'it' : 'them'}; add the value to the signal or map a static fallback` }
}
