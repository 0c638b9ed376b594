import type { SimRequest, SimResponse } from '../kit/http-server.js'
import { checkBatchSize } from './batch-create.js'
import { standardError, validationError } from './errors.js'
import { findRecord, idPropertyProblem, objectNoun } from './find-record.js'
import { bodyOf, inputsOf } from './guard.js'
import type { SimObjectType } from './property-catalog.js'
import { toPublicObject } from './serialize.js'
import type { HubSpotState } from './state.js'

function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : undefined
}

/**
 * `POST /crm/v3/objects/{object}/batch/read`: records by id or by a unique `idProperty`
 * (contacts by `email`); inputs that match nothing come back as a 207 `OBJECT_NOT_FOUND`.
 */
export function batchRead(state: HubSpotState, object: SimObjectType) {
  return (req: SimRequest): SimResponse => {
    const inputs = inputsOf(req)
    const sizeError = checkBatchSize(state, inputs)
    if (sizeError || !inputs) return sizeError ?? validationError('inputs required', state.correlationId())
    const body = bodyOf(req)
    const problem = idPropertyProblem(state, object, body.idProperty)
    if (problem) return validationError(problem, state.correlationId())
    const properties = stringList(body.properties)
    const startedAt = new Date(state.now()).toISOString()
    const results = []
    const missing: string[] = []
    const seen = new Set<string>()
    for (const input of inputs) {
      const value = String(input.id ?? '')
      const record = findRecord(state, object, value, body.idProperty)
      if (!record) missing.push(value)
      else if (!seen.has(record.id)) {
        seen.add(record.id)
        results.push(toPublicObject(state, object, record, properties))
      }
    }
    const out = { status: 'COMPLETE', results, startedAt, completedAt: new Date(state.now()).toISOString() }
    if (missing.length === 0) return { status: 200, body: out }
    const error = standardError({
      status: 'error',
      category: 'OBJECT_NOT_FOUND',
      message: `Could not get some ${objectNoun(object)} objects, they may be deleted or not exist. Check that ids are valid.`,
      context: { ids: missing },
    })
    return { status: 207, body: { ...out, numErrors: 1, errors: [error] } }
  }
}

/** `POST /crm/v3/objects/{object}/batch/archive`: moves records to the recycle bin. */
export function batchArchive(state: HubSpotState, object: SimObjectType) {
  return (req: SimRequest): SimResponse => {
    const inputs = inputsOf(req)
    const sizeError = checkBatchSize(state, inputs)
    if (sizeError || !inputs) return sizeError ?? validationError('inputs required', state.correlationId())
    for (const input of inputs) archiveRecord(state, object, String(input.id ?? ''))
    return { status: 204 }
  }
}

/** Archives one record; an unknown id is ignored, as HubSpot's archive endpoints do. */
export function archiveRecord(state: HubSpotState, object: SimObjectType, id: string): void {
  const record = findRecord(state, object, id)
  if (!record) return
  const at = state.now()
  record.archived = true
  record.archivedAt = at
  record.updatedAt = at
  const email = record.properties.email
  if (object === 'contacts' && email && state.emails.get(email) === id) state.emails.delete(email)
  state.changes.listener?.({ object, id: record.id, kind: 'deletion', at })
}
