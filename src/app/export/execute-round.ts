import type { Connector } from '../../domain/connector.js'
import type { Signal } from '../../domain/export/signal.js'
import type { CreateKey, FieldValue, RecordRefs, WriteOp, WriteResult } from '../../domain/records.js'
import type { Reason } from '../../domain/reason.js'
import type { OwnerDecision, SignalPlan } from '../../engine/export/export-plan.js'
import { changesOwner } from '../../engine/export/plan-signal.js'
import type { Store } from '../../store/store.js'
import { createAccounts } from './create-accounts.js'
import { crmFields } from './crm-fields.js'
import type { NewAccount } from './create-accounts.js'
import type { SignalOutcome } from './export-report.js'
import type { ExportWorld } from './export-world.js'
import { takeRoundRobin } from './take-round-robin.js'

/** One planned signal of a round. */
export interface PlannedSignal {
  readonly line: number
  readonly key: string
  readonly signal: Signal
  readonly plan: SignalPlan
}

/** What executing a round needs. */
export interface RoundDeps {
  readonly world: ExportWorld
  readonly connector: Connector
  /** The Salesforce connector that sends `Sforce-Auto-Assign: TRUE`, for leads left to assignment rules. */
  readonly assignmentConnector: () => Connector
  readonly store: Store
  /** In a plan: makes `planned-…` ids instead of writing. */
  readonly planned: ((object: string) => string) | null
}

/** A person write ready to send, with the owner it ends up with. */
interface PersonOp {
  readonly index: number
  readonly op: WriteOp
  readonly owner: OwnerDecision
  readonly autoAssign: boolean
}

/**
 * Executes one round of planned signals: takes round-robin turns, creates the accounts the
 * round needs (once per company), then creates and updates people in as few batch calls as
 * the connector allows, and turns every result into a signal outcome. People the round wrote
 * join the run's indexes, so a later signal of the same person updates instead of creating.
 */
export async function executeRound(round: readonly PlannedSignal[], deps: RoundDeps): Promise<SignalOutcome[]> {
  const owners = await resolveOwners(round, deps)
  const accounts = await createAccounts(deps.world, deps.connector, round, deps.planned ? () => deps.planned!('account') : null)
  const ops: PersonOp[] = []
  const early = new Map<number, { code: string; message: string }>()
  round.forEach(({ plan }, index) => {
    const person = plan.person
    if (!person || (plan.outcome !== 'create' && plan.outcome !== 'update')) return
    const newAccount = plan.createAccount ? accounts.get(plan.createAccount.companyKey) : undefined
    if (newAccount && !newAccount.ok) {
      early.set(index, { code: newAccount.code, message: `the new account could not be created: ${newAccount.message}` })
      return
    }
    const owner = owners.get(index) ?? person.owner
    const refs: Record<string, string | null> = {}
    const company = person.company === 'new' ? (newAccount?.ok ? newAccount.id : null) : person.company
    if (company) refs.company = company
    if (owner.kind === 'user' && (person.kind === 'create' || changesOwner(owner, person.currentOwnerId, deps.world.context))) refs.owner = owner.userId
    const ref = String(index)
    const key = person.kind === 'create' ? emailKey(deps, person.writes.fields) : undefined
    const op: WriteOp = person.kind === 'create' ? { kind: 'create', ref, fields: person.writes.fields, refs, ...(key ? { key } : {}) } : { kind: 'update', ref, id: person.id ?? '', fields: person.writes.fields, refs }
    ops.push({ index, op, owner, autoAssign: person.kind === 'create' && owner.kind === 'assignment-rules' })
  })
  const results = await sendPeople(ops, round, deps)
  return round.map((item, index) => outcomeOf(item, index, deps, { owner: owners.get(index), account: item.plan.createAccount ? accounts.get(item.plan.createAccount.companyKey) : undefined, early: early.get(index), op: ops.find((o) => o.index === index), result: results.get(index) }))
}

/**
 * The email a new person is created with, as the key the connector may look them up by: the
 * export found no one with it before creating, so after a lost answer a person holding it is
 * the one the lost attempt made, and is not created twice.
 */
function emailKey(deps: RoundDeps, fields: Readonly<Record<string, FieldValue>>): CreateKey | undefined {
  const field = crmFields[deps.world.target.kind].email
  const value = fields[field]
  return typeof value === 'string' && value.trim() !== '' ? { field, value } : undefined
}

/** Round-robin owners, taken in signal order so turns follow the file. A plan takes no turn. */
async function resolveOwners(round: readonly PlannedSignal[], deps: RoundDeps): Promise<Map<number, OwnerDecision>> {
  const out = new Map<number, OwnerDecision>()
  if (deps.planned) return out
  for (const [index, { plan }] of round.entries()) {
    if (plan.person?.owner.kind === 'round-robin' && (plan.outcome === 'create' || plan.outcome === 'update')) out.set(index, await takeRoundRobin(deps.world, deps.store))
  }
  return out
}

/** Sends person ops grouped by object and by whether assignment rules should fire. */
async function sendPeople(ops: readonly PersonOp[], round: readonly PlannedSignal[], deps: RoundDeps): Promise<Map<number, WriteResult>> {
  const out = new Map<number, WriteResult>()
  const groups = new Map<string, PersonOp[]>()
  for (const o of ops) {
    const object = round[o.index]!.plan.object
    const key = `${object}|${o.autoAssign}`
    groups.set(key, [...(groups.get(key) ?? []), o])
  }
  for (const [key, group] of groups) {
    const [object, autoAssign] = key.split('|') as [string, string]
    const results = deps.planned
      ? group.map((o): WriteResult => ({ ok: true, ref: o.op.ref, id: o.op.kind === 'update' ? o.op.id : deps.planned!(object) }))
      : await (autoAssign === 'true' ? deps.assignmentConnector() : deps.connector).write(object, group.map((o) => o.op))
    group.forEach((o, i) => out.set(o.index, results[i]!))
  }
  return out
}

interface Executed {
  readonly owner: OwnerDecision | undefined
  readonly account: NewAccount | undefined
  readonly early: { code: string; message: string } | undefined
  readonly op: PersonOp | undefined
  readonly result: WriteResult | undefined
}

/** The outcome of one signal from its plan and what happened when it was written. */
function outcomeOf(item: PlannedSignal, index: number, deps: RoundDeps, done: Executed): SignalOutcome {
  const { plan } = item
  const owner = done.owner ?? plan.person?.owner
  const reasons: Reason[] = [...plan.reasons]
  if (done.owner) reasons.push(done.owner.reason)
  reasons.push(...(plan.person?.writes.reasons ?? []))
  const accountCreated = done.account?.ok === true
  const account = {
    id: accountCreated ? (done.account as { id: string }).id : plan.account.kind === 'matched' ? plan.account.id : null,
    name: accountCreated ? (done.account?.create.name ?? null) : plan.account.kind === 'matched' ? plan.account.name : null,
    created: accountCreated,
    reason: plan.account.reason,
    ...(accountCreated && done.account ? { createdWith: { fields: { ...done.account.create.fields, ...refFields(deps, done.account.create.object, { owner: done.account.create.ownerId }) }, reasons: done.account.create.reasons } } : {}),
  }
  const ownerOut = { id: owner?.kind === 'user' ? owner.userId : null, reason: owner?.reason ?? { rule: 'owner.none', detail: 'no owner decided: the signal failed first' } }
  const base = { line: item.line, key: item.key, object: plan.object, account, owner: ownerOut, before: plan.person?.writes.before ?? {} }
  if (plan.outcome === 'fail' || plan.outcome === 'skip') {
    return { ...base, outcome: plan.outcome === 'fail' ? 'failed' : 'skipped', recordId: plan.recordId, fields: {}, reasons, ...(plan.outcome === 'fail' ? { error: { code: 'not_written', message: reasons[reasons.length - 1]?.detail ?? 'failed' } } : {}) }
  }
  const failure = done.early ?? (done.result && !done.result.ok ? { code: done.result.vendorCode, message: done.result.message } : undefined)
  if (failure || !done.result || !done.result.ok || !done.op) {
    const error = failure ?? { code: 'no_result', message: 'the system gave no result for this record' }
    return { ...base, outcome: 'failed', recordId: plan.recordId, fields: {}, reasons: [...reasons, { rule: 'write.failed', detail: `${plan.object} ${plan.outcome} failed: ${error.code}: ${error.message}` }], error }
  }
  const fields = { ...done.op.op.fields, ...refFields(deps, plan.object, done.op.op.refs) }
  const before: Record<string, FieldValue> = { ...base.before }
  if (plan.person?.kind === 'update') {
    const was = refFields(deps, plan.object, { owner: plan.person.currentOwnerId, company: plan.person.currentCompanyId })
    for (const field of Object.keys(refFields(deps, plan.object, done.op.op.refs))) before[field] = was[field] ?? null
  }
  deps.world.people.remember({ id: done.result.id, object: plan.object, fields: done.op.op.fields, refs: done.op.op.refs ?? {}, modifiedAt: new Date(0).toISOString() })
  return { ...base, before, outcome: plan.outcome === 'create' ? 'created' : 'updated', recordId: done.result.id, fields, reasons }
}

/** Relationship refs under their native field names (`OwnerId`, `AccountId`), for run items and plans. */
export function refFields(deps: Pick<RoundDeps, 'world'>, object: string, refs: RecordRefs | undefined): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = {}
  const schema = deps.world.schemas.get(object)
  for (const [name, id] of Object.entries(refs ?? {})) {
    const field = schema?.relationships.find((r) => r.name === name)?.field ?? name
    out[field] = id ?? null
  }
  return out
}
