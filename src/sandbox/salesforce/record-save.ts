import { saveError } from './errors.js'
import type { SaveError } from './errors.js'
import { checkValue } from './field-values.js'
import { keyPrefixes, to18 } from './ids.js'
import { computeName } from './state.js'
import type { SalesforceState, SfRecord } from './state.js'

/** Who saves and how: the running user and whether assignment rules fire (`Sforce-Auto-Assign`). */
export interface SaveContext {
  readonly userId: string
  readonly autoAssign: boolean
}

/** A record ready to store, or the errors Salesforce answers for it. */
export type SaveOutcome = { readonly ok: true; readonly record: SfRecord } | { readonly ok: false; readonly id?: string; readonly errors: readonly SaveError[] }

const fail = (error: SaveError, id?: string): SaveOutcome => ({ ok: false, errors: [error], ...(id ? { id } : {}) })

/** The first field of a write that the object does not have: Salesforce rejects the whole request for it. */
export function unknownField(state: SalesforceState, object: string, input: Record<string, unknown>): string | undefined {
  return Object.keys(input).find((k) => k !== 'attributes' && !state.field(object, k))
}

/** Validates a create and builds the new record; nothing is stored. */
export function prepareCreate(state: SalesforceState, object: string, input: Record<string, unknown>, ctx: SaveContext): SaveOutcome {
  if (object === 'User') return fail(saveError('CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY', 'revsync sandbox: users are managed in Setup, not through this API'))
  const record: SfRecord = { IsDeleted: false, OwnerId: ctx.userId }
  if (object === 'Lead') Object.assign(record, { IsConverted: false, Status: 'Open - Not Contacted' })
  for (const [key, raw] of Object.entries(input)) {
    if (key === 'attributes') continue
    const f = state.field(object, key)!
    if (f.name === 'Id') return fail(saveError('INVALID_FIELD', 'cannot specify Id in an insert call', ['Id']))
    if (!f.createable) return fail(readOnlyField(f.name))
    const checked = checkValue(state, f, raw)
    if (!checked.ok) return fail(checked.error)
    record[f.name] = checked.value
  }
  return finish(state, object, record, undefined, ctx)
}

/** Validates an update of a stored record and builds its new version; nothing is stored. */
export function prepareUpdate(state: SalesforceState, object: string, rawId: unknown, input: Record<string, unknown>, ctx: SaveContext): SaveOutcome {
  if (typeof rawId !== 'string' || rawId === '') return fail(saveError('MISSING_ARGUMENT', 'Id not specified in an update call'))
  const id = to18(rawId)
  // A SaveResult names an id only when it is a record id of the object; a malformed or
  // foreign one is answered without `id`, as the REST API guide's examples show.
  if (id === undefined) return fail(saveError('MALFORMED_ID', `malformed id ${rawId}`, ['Id']))
  if (id.slice(0, 3) !== keyPrefixes[object]) return fail(saveError('MALFORMED_ID', `${object} ID: id value of incorrect type: ${rawId}`, ['Id']))
  const current = state.records.get(object)?.get(id)
  if (!current || current.IsDeleted === true) return fail(saveError('ENTITY_IS_DELETED', 'entity is deleted'), id)
  if (object === 'User') return fail(saveError('CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY', 'revsync sandbox: users are managed in Setup, not through this API'), id)
  if (current.IsConverted === true) return fail(saveError('CANNOT_UPDATE_CONVERTED_LEAD', 'cannot reference converted lead'), id)
  const record: SfRecord = { ...current }
  for (const [key, raw] of Object.entries(input)) {
    if (key === 'attributes' || key.toLowerCase() === 'id') continue
    const f = state.field(object, key)!
    if (!f.updateable) return fail(readOnlyField(f.name), id)
    const checked = checkValue(state, f, raw)
    if (!checked.ok) return fail(checked.error, id)
    record[f.name] = checked.value
  }
  return finish(state, object, record, current, ctx)
}

function readOnlyField(name: string): SaveError {
  const message = `Unable to create/update fields: ${name}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`
  return saveError('INVALID_FIELD_FOR_INSERT_UPDATE', message, [name])
}

/** The checks that need the whole record: assignment, required fields, owner, duplicates. */
function finish(state: SalesforceState, object: string, record: SfRecord, current: SfRecord | undefined, ctx: SaveContext): SaveOutcome {
  const id = current ? String(current.Id) : undefined
  if (object === 'Lead' && ctx.autoAssign) applyAssignmentRule(state, record)
  const missing = state
    .fields(object)
    .filter((f) => !f.nillable && f.createable && !f.defaultedOnCreate && (record[f.name] === null || record[f.name] === undefined))
    .map((f) => f.name)
  if (missing.length > 0) return fail(saveError('REQUIRED_FIELD_MISSING', `Required fields are missing: [${missing.join(', ')}]`, missing), id)
  if (record.OwnerId !== current?.OwnerId) {
    const owner = state.records.get('User')!.get(String(record.OwnerId))
    if (owner && owner.IsActive !== true) {
      return fail(saveError('INACTIVE_OWNER_OR_USER', `operation performed with inactive user [${String(owner.Id)}] as owner of ${object.toLowerCase()}`), id)
    }
  }
  const duplicate = findDuplicate(state, object, record, current)
  if (duplicate) return { ok: false, errors: [duplicate], ...(id ? { id } : {}) }
  computeName(object, record)
  return { ok: true, record }
}

function applyAssignmentRule(state: SalesforceState, record: SfRecord): void {
  const rule = state.seed.assignmentRule
  if (!rule) return
  const entry = rule.entries.find((e) => {
    const value = record[state.field('Lead', e.field)?.name ?? e.field]
    return typeof value === 'string' && e.values.some((v) => v.toLowerCase() === value.toLowerCase())
  })
  const ownerId = entry?.ownerId ?? rule.defaultOwnerId
  if (ownerId !== undefined) record.OwnerId = to18(ownerId) ?? ownerId
}

/** The blocking duplicate rule on email, when the seed turns it on. */
function findDuplicate(state: SalesforceState, object: string, record: SfRecord, current: SfRecord | undefined): SaveError | undefined {
  if (!state.seed.duplicateRuleOnEmail || (object !== 'Lead' && object !== 'Contact')) return undefined
  const email = typeof record.Email === 'string' ? record.Email.toLowerCase() : undefined
  if (email === undefined || (current && String(current.Email ?? '').toLowerCase() === email)) return undefined
  const matches = (['Lead', 'Contact'] as const).flatMap((o) =>
    state
      .live(o)
      .filter((r) => r.IsConverted !== true && r.Id !== record.Id && typeof r.Email === 'string' && r.Email.toLowerCase() === email)
      .map((r) => ({ object: o, id: String(r.Id) })),
  )
  if (matches.length === 0) return undefined
  const ruleName = object === 'Lead' ? 'Standard_Rule_for_Leads_with_Duplicate_Contacts' : 'Standard_Contact_Duplicate_Rule'
  return {
    ...saveError('DUPLICATES_DETECTED', 'Use one of these records?'),
    duplicateResult: {
      allowSave: false,
      duplicateRule: ruleName,
      duplicateRuleEntityType: object,
      errorMessage: 'Use one of these records?',
      matchResults: matches.map((m) => ({
        entityType: m.object,
        errors: [],
        matchEngine: 'ExactMatchEngine',
        matchRecords: [{ additionalInformation: [], fieldDiffs: [], matchConfidence: 100, record: { attributes: { type: m.object }, Id: m.id } }],
        rule: `Standard_${m.object}_Match_Rule_v1_1`,
        size: 1,
        success: true,
      })),
    },
  }
}
