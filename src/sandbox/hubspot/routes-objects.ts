import type { SimRequest, SimResponse, SimRoute } from '../kit/http-server.js'
import { archiveRecord, batchArchive, batchRead } from './batch-read.js'
import { batchCreate } from './batch-create.js'
import { batchUpdate } from './batch-update.js'
import { batchUpsert } from './batch-upsert.js'
import { notFound, validationError } from './errors.js'
import { findRecord, idPropertyProblem } from './find-record.js'
import { bodyOf, guarded } from './guard.js'
import type { SimObjectType } from './property-catalog.js'
import { applyInlineAssociations, checkInlineAssociations, createRecord, prepareProperties, refusalResponse, updateRecord } from './record-writes.js'
import { requestedProperties, toPublicObject, toWrittenObject } from './serialize.js'
import type { HubSpotState } from './state.js'
import { searchHandler } from './search.js'

const listLimit = 100

/** `GET /crm/v3/objects/{object}`: records in id order, `after` being the next id. */
function list(state: HubSpotState, object: SimObjectType) {
  return (req: SimRequest): SimResponse => {
    const limit = Number(req.query.get('limit') ?? '10')
    if (!Number.isInteger(limit) || limit < 1 || limit > listLimit) {
      return validationError(`limit must be between 1 and ${listLimit}; got ${req.query.get('limit') ?? ''}`, state.correlationId())
    }
    const archived = req.query.get('archived') === 'true'
    const after = req.query.get('after')
    const properties = requestedProperties(req.query)
    const all = [...state.records[object].values()]
      .filter((r) => r.archived === archived && (after === null || BigInt(r.id) >= BigInt(after)))
      .sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1))
    const page = all.slice(0, limit).map((r) => toPublicObject(state, object, r, properties))
    const next = all[limit]
    const body = next ? { results: page, paging: { next: { after: next.id, link: `?after=${next.id}` } } } : { results: page }
    return { status: 200, body }
  }
}

function getOne(state: HubSpotState, object: SimObjectType) {
  return (req: SimRequest): SimResponse => {
    const idProperty = req.query.get('idProperty') ?? undefined
    const problem = idPropertyProblem(state, object, idProperty)
    if (problem) return validationError(problem, state.correlationId())
    const record = findRecord(state, object, req.params.id ?? '', idProperty)
    if (!record) return notFound('resource not found', state.correlationId())
    return { status: 200, body: toPublicObject(state, object, record, requestedProperties(req.query)) }
  }
}

function createOne(state: HubSpotState, object: SimObjectType) {
  return (req: SimRequest): SimResponse => {
    const body = bodyOf(req)
    const prepared = prepareProperties(state, object, body.properties ?? {})
    if (!prepared.ok) return refusalResponse(state, prepared.refusal)
    const bad = checkInlineAssociations(state, object, body.associations)
    if (bad) return refusalResponse(state, bad)
    const at = state.now()
    const record = createRecord(state, object, prepared.values, at)
    applyInlineAssociations(state, object, record.id, body.associations, at)
    return { status: 201, body: toWrittenObject(object, record) }
  }
}

/** `PATCH /crm/v3/objects/{object}/{id}`: how a person's edit in the CRM reaches the simulator. */
function updateOne(state: HubSpotState, object: SimObjectType) {
  return (req: SimRequest): SimResponse => {
    const record = findRecord(state, object, req.params.id ?? '', req.query.get('idProperty') ?? undefined)
    if (!record) return notFound('resource not found', state.correlationId())
    const prepared = prepareProperties(state, object, bodyOf(req).properties ?? {}, record.id)
    if (!prepared.ok) return refusalResponse(state, prepared.refusal)
    updateRecord(state, object, record, prepared.values, state.now())
    return { status: 200, body: toWrittenObject(object, record) }
  }
}

function archiveOne(state: HubSpotState, object: SimObjectType) {
  return (req: SimRequest): SimResponse => {
    archiveRecord(state, object, req.params.id ?? '')
    return { status: 204 }
  }
}

/** Every v3 objects route of one object type, each guarded and named for call counts. */
export function objectRoutes(state: HubSpotState, object: SimObjectType): SimRoute[] {
  const base = `/crm/v3/objects/${object}`
  const route = (method: string, pattern: string, name: string, handler: (req: SimRequest) => SimResponse, search = false): SimRoute => ({
    method,
    pattern,
    name: `${object}.${name}`,
    handler: guarded(state, handler, { search }),
  })
  return [
    route('POST', `${base}/search`, 'search', searchHandler(state, object), true),
    route('POST', `${base}/batch/read`, 'batch.read', batchRead(state, object)),
    route('POST', `${base}/batch/create`, 'batch.create', batchCreate(state, object)),
    route('POST', `${base}/batch/update`, 'batch.update', batchUpdate(state, object)),
    route('POST', `${base}/batch/upsert`, 'batch.upsert', batchUpsert(state, object)),
    route('POST', `${base}/batch/archive`, 'batch.archive', batchArchive(state, object)),
    route('GET', base, 'list', list(state, object)),
    route('POST', base, 'create', createOne(state, object)),
    route('GET', `${base}/:id`, 'get', getOne(state, object)),
    route('PATCH', `${base}/:id`, 'update', updateOne(state, object)),
    route('DELETE', `${base}/:id`, 'archive', archiveOne(state, object)),
  ]
}
