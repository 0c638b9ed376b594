import type { SimRequest, SimResponse } from '../kit/http-server.js'
import { apiError, saveError } from './errors.js'
import type { SaveError } from './errors.js'
import { keyPrefixes, objectOfId, to18 } from './ids.js'
import { prepareCreate, prepareUpdate, unknownField } from './record-save.js'
import type { SaveContext, SaveOutcome } from './record-save.js'
import type { SalesforceState, SfRecord } from './state.js'

/** The most records one sObject Collections request takes. */
export const collectionLimit = 200

type Input = Record<string, unknown>

interface SaveResult {
  readonly id?: string
  readonly success: boolean
  readonly errors: readonly SaveError[]
}

/** Whether assignment rules fire: the header defaults to TRUE in the REST API. */
export function autoAssignOf(req: SimRequest): boolean {
  const header = req.headers['sforce-auto-assign']
  return typeof header !== 'string' || header.toUpperCase() !== 'FALSE'
}

function commit(state: SalesforceState, object: string, record: SfRecord, ctx: SaveContext): string {
  const created = record.Id === undefined
  if (created) record.Id = state.newId(object)
  state.touch(record, ctx.userId, created)
  state.records.get(object)!.set(String(record.Id), record)
  return String(record.Id)
}

function objectOf(state: SalesforceState, input: Input): string | undefined {
  const attributes = input.attributes as { type?: unknown } | undefined
  return typeof attributes?.type === 'string' ? state.objectName(attributes.type) : undefined
}

/** `POST` (create) and `PATCH` (update) on `/composite/sobjects`. */
export function saveCollection(state: SalesforceState, req: SimRequest, ctx: SaveContext, kind: 'create' | 'update'): SimResponse {
  const body = req.body as { allOrNone?: unknown; records?: unknown } | undefined
  if (!body || !Array.isArray(body.records)) return apiError(400, 'JSON_PARSER_ERROR', 'The request body must contain a records array')
  const inputs = body.records as Input[]
  if (inputs.length > collectionLimit) {
    return apiError(400, 'EXCEEDED_ID_LIMIT', `record limit reached. cannot submit more than ${collectionLimit} records into this call`)
  }
  const objects: string[] = []
  for (const input of inputs) {
    const object = objectOf(state, input ?? {})
    if (!object) return apiError(400, 'INVALID_TYPE', 'Must specify a valid sObject type in the attributes of every record')
    const unknown = unknownField(state, object, input)
    if (unknown !== undefined) return apiError(400, 'INVALID_FIELD', `No such column '${unknown}' on sobject of type ${object}`)
    objects.push(object)
  }
  const prepare = (input: Input, i: number): SaveOutcome =>
    kind === 'create' ? prepareCreate(state, objects[i]!, input, ctx) : prepareUpdate(state, objects[i]!, input.id ?? input.Id, input, ctx)
  if (body.allOrNone === true) return { status: 200, body: allOrNone(state, inputs.map(prepare), objects, ctx) }
  const results: SaveResult[] = inputs.map((input, i) => {
    const outcome = prepare(input, i)
    if (!outcome.ok) return { ...(outcome.id ? { id: outcome.id } : {}), success: false, errors: outcome.errors }
    return { id: commit(state, objects[i]!, outcome.record, ctx), success: true, errors: [] }
  })
  return { status: 200, body: results }
}

function allOrNone(state: SalesforceState, outcomes: SaveOutcome[], objects: string[], ctx: SaveContext): SaveResult[] {
  if (outcomes.every((o) => o.ok)) {
    return outcomes.map((o, i) => ({ id: commit(state, objects[i]!, (o as { record: SfRecord }).record, ctx), success: true, errors: [] }))
  }
  const rolledBack = saveError('ALL_OR_NONE_OPERATION_ROLLED_BACK', 'Record rolled back because not all records were valid and the request was using AllOrNone header')
  return outcomes.map((o) => (o.ok ? { success: false, errors: [rolledBack] } : { ...(o.id ? { id: o.id } : {}), success: false, errors: o.errors }))
}

/** Single-record errors come back as the whole answer: `[{ message, errorCode, fields }]`. */
function recordErrors(errors: readonly SaveError[]): SimResponse {
  return { status: 400, body: errors.map((e) => ({ message: e.message, errorCode: e.statusCode, fields: e.fields })) }
}

/** `POST /sobjects/{Object}`: one create, 201 with the new id. */
export function createOne(state: SalesforceState, req: SimRequest, object: string, ctx: SaveContext): SimResponse {
  const input = (req.body ?? {}) as Input
  const unknown = unknownField(state, object, input)
  if (unknown !== undefined) return apiError(400, 'INVALID_FIELD', `No such column '${unknown}' on sobject of type ${object}`)
  const outcome = prepareCreate(state, object, input, ctx)
  if (!outcome.ok) return recordErrors(outcome.errors)
  return { status: 201, body: { id: commit(state, object, outcome.record, ctx), success: true, errors: [] } }
}

/** `PATCH /sobjects/{Object}/{id}`: one update, 204 on success. */
export function updateOne(state: SalesforceState, req: SimRequest, object: string, ctx: SaveContext): SimResponse {
  const input = (req.body ?? {}) as Input
  const unknown = unknownField(state, object, input)
  if (unknown !== undefined) return apiError(400, 'INVALID_FIELD', `No such column '${unknown}' on sobject of type ${object}`)
  const outcome = prepareUpdate(state, object, req.params.id, input, ctx)
  if (!outcome.ok) return recordErrors(outcome.errors)
  commit(state, object, outcome.record, ctx)
  return { status: 204 }
}

/** A live stored record by the id in the path, or the answer Salesforce gives when there is none. */
function storedRecord(state: SalesforceState, object: string, rawId: string | undefined): { record: SfRecord } | { error: SimResponse } {
  const id = rawId === undefined ? undefined : to18(rawId)
  if (id === undefined || id.slice(0, 3) !== keyPrefixes[object]) return { error: apiError(404, 'NOT_FOUND', `Provided external ID field does not exist or is not accessible: ${String(rawId)}`) }
  const record = state.records.get(object)?.get(id)
  if (!record || record.IsDeleted === true) return { error: apiError(404, 'ENTITY_IS_DELETED', 'entity is deleted') }
  return { record }
}

/** `GET /sobjects/{Object}/{id}`: the record with every field. */
export function getOne(state: SalesforceState, req: SimRequest, object: string, version: string): SimResponse {
  const found = storedRecord(state, object, req.params.id)
  if ('error' in found) return found.error
  const fields = Object.fromEntries(state.fields(object).filter((f) => f.type !== 'address').map((f) => [f.name, found.record[f.name] ?? null]))
  return { status: 200, body: { attributes: { type: object, url: `/services/data/v${version}/sobjects/${object}/${String(fields.Id)}` }, ...fields } }
}

/** `DELETE /sobjects/{Object}/{id}`: moves the record to the recycle bin (seen by `queryAll`). */
export function deleteOne(state: SalesforceState, req: SimRequest, object: string, ctx: SaveContext): SimResponse {
  const found = storedRecord(state, object, req.params.id)
  if ('error' in found) return found.error
  found.record.IsDeleted = true
  state.touch(found.record, ctx.userId)
  return { status: 204 }
}

interface DeleteResult {
  readonly id?: string
  readonly success: boolean
  readonly errors: readonly SaveError[]
}

/** A record the collection delete may move to the recycle bin, or the per-record error Salesforce answers. */
function deletable(state: SalesforceState, rawId: string): { object: string; record: SfRecord } | { id?: string; error: SaveError } {
  const id = to18(rawId)
  if (id === undefined) return { error: saveError('MALFORMED_ID', `malformed id ${rawId}`) }
  const object = objectOfId(id)
  const record = object === undefined ? undefined : state.records.get(object)?.get(id)
  if (object === undefined || !record) return { id, error: saveError('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id') }
  if (record.IsDeleted === true) return { id, error: saveError('ENTITY_IS_DELETED', 'entity is deleted') }
  if (object === 'User') return { id, error: saveError('INVALID_TYPE_FOR_OPERATION', 'entity type cannot be deleted') }
  return { object, record }
}

/**
 * `DELETE /composite/sobjects?ids=…&allOrNone=…`: up to 200 ids of any object types, one
 * DeleteResult each in the order given. Deleted records go to the recycle bin (`queryAll`).
 */
export function deleteCollection(state: SalesforceState, req: SimRequest, ctx: SaveContext): SimResponse {
  const param = req.query.get('ids')
  if (param === null || param.trim() === '') return apiError(400, 'MISSING_ARGUMENT', 'ids: The ids parameter is required')
  const ids = param.split(',').map((id) => id.trim())
  if (ids.length > collectionLimit) {
    return apiError(400, 'EXCEEDED_ID_LIMIT', `record limit reached. cannot submit more than ${collectionLimit} records into this call`)
  }
  const allOrNone = (req.query.get('allOrNone') ?? 'false').toLowerCase() === 'true'
  const outcomes = ids.map((id) => deletable(state, id))
  if (allOrNone && outcomes.some((o) => 'error' in o)) {
    const rolledBack = saveError('ALL_OR_NONE_OPERATION_ROLLED_BACK', 'Record rolled back because not all records were valid and the request was using AllOrNone header')
    const body: DeleteResult[] = outcomes.map((o) => ('error' in o ? { ...(o.id ? { id: o.id } : {}), success: false, errors: [o.error] } : { id: String(o.record.Id), success: false, errors: [rolledBack] }))
    return { status: 200, body }
  }
  const body: DeleteResult[] = outcomes.map((o) => {
    if ('error' in o) return { ...(o.id ? { id: o.id } : {}), success: false, errors: [o.error] }
    // The same id twice in one call: the second finds it already in the recycle bin.
    if (o.record.IsDeleted === true) return { id: String(o.record.Id), success: false, errors: [saveError('ENTITY_IS_DELETED', 'entity is deleted')] }
    o.record.IsDeleted = true
    state.touch(o.record, ctx.userId)
    return { id: String(o.record.Id), success: true, errors: [] }
  })
  return { status: 200, body }
}
