import type { SimRequest, SimResponse } from '../kit/http-server.js'
import { batchError, checkBatchSize, wantsMultiStatus } from './batch-create.js'
import { validationError } from './errors.js'
import type { HubSpotErrorBody } from './errors.js'
import { findRecord, idPropertyProblem, objectNoun } from './find-record.js'
import { inputsOf } from './guard.js'
import type { SimObjectType } from './property-catalog.js'
import { prepareProperties, refusalResponse, updateRecord } from './record-writes.js'
import type { WriteRefusal } from './record-writes.js'
import { toWrittenObject } from './serialize.js'
import type { HubSpotState, SimRecord } from './state.js'

interface UpdatePlan {
  readonly record: SimRecord
  readonly traceId: string | undefined
  readonly values: Record<string, string | null>
}

type Planned = { readonly refusal: WriteRefusal } | { readonly plans: UpdatePlan[]; readonly errors: HubSpotErrorBody[] }

function duplicateIds(inputs: readonly Record<string, unknown>[]): string[] {
  const seen = new Set<string>()
  const dupes = new Set<string>()
  for (const input of inputs) {
    const id = String(input.id ?? '')
    if (seen.has(id)) dupes.add(id)
    seen.add(id)
  }
  return [...dupes]
}

function notFound(object: SimObjectType, id: string): WriteRefusal {
  return {
    status: 404,
    body: { status: 'error', category: 'OBJECT_NOT_FOUND', message: `Could not find ${objectNoun(object)} with id ${id}; it may be deleted or not exist.`, context: { ids: [id] } },
  }
}

/** Validates every input first, so that without multi-status a refusal changes nothing. */
function plan(state: HubSpotState, object: SimObjectType, inputs: readonly Record<string, unknown>[], multi: boolean): Planned {
  const plans: UpdatePlan[] = []
  const errors: HubSpotErrorBody[] = []
  for (const input of inputs) {
    const traceId = typeof input.objectWriteTraceId === 'string' ? input.objectWriteTraceId : undefined
    const id = String(input.id ?? '')
    const record = findRecord(state, object, id, input.idProperty)
    // A missing record is always reported per input, as HubSpot's batch update does.
    if (!record) {
      errors.push(batchError(notFound(object, id), traceId))
      continue
    }
    const prepared = prepareProperties(state, object, input.properties ?? {}, record.id)
    if (!prepared.ok) {
      if (!multi) return { refusal: prepared.refusal }
      errors.push(batchError(prepared.refusal, traceId, { ids: [record.id] }))
      continue
    }
    plans.push({ record, traceId, values: prepared.values })
  }
  return { plans, errors }
}

function precheck(state: HubSpotState, inputs: Record<string, unknown>[] | undefined, object: SimObjectType): SimResponse | undefined {
  const sizeError = checkBatchSize(state, inputs)
  if (sizeError || !inputs) return sizeError
  const dupes = duplicateIds(inputs)
  if (dupes.length > 0) return validationError(`Duplicate IDs found in batch input: [${dupes.join(', ')}]. IDs must be unique`, state.correlationId())
  const problem = inputs.map((i) => idPropertyProblem(state, object, i.idProperty)).find((p) => p !== undefined)
  return problem ? validationError(problem, state.correlationId()) : undefined
}

/** `POST /crm/v3/objects/{object}/batch/update`: 200, or 207 when some inputs failed. */
export function batchUpdate(state: HubSpotState, object: SimObjectType) {
  return (req: SimRequest): SimResponse => {
    const inputs = inputsOf(req)
    const refused = precheck(state, inputs, object)
    if (refused || !inputs) return refused ?? validationError('inputs required', state.correlationId())
    const startedAt = new Date(state.now()).toISOString()
    const planned = plan(state, object, inputs, wantsMultiStatus(state, inputs))
    if ('refusal' in planned) return refusalResponse(state, planned.refusal)
    const at = state.now()
    for (const p of planned.plans) updateRecord(state, object, p.record, p.values, at)
    const results = planned.plans.map((p) => toWrittenObject(object, p.record, p.traceId))
    const body = { status: 'COMPLETE', results, startedAt, completedAt: new Date(state.now()).toISOString() }
    if (planned.errors.length === 0) return { status: 200, body }
    return { status: 207, body: { ...body, numErrors: planned.errors.length, errors: planned.errors } }
  }
}
