import type { SimRequest, SimResponse } from '../kit/http-server.js'
import { batchError, checkBatchSize, wantsMultiStatus } from './batch-create.js'
import { validationError } from './errors.js'
import type { HubSpotErrorBody } from './errors.js'
import { findRecord, idPropertyProblem } from './find-record.js'
import { inputsOf } from './guard.js'
import type { SimObjectType } from './property-catalog.js'
import { createRecord, prepareProperties, refusalResponse, updateRecord } from './record-writes.js'
import type { WriteRefusal } from './record-writes.js'
import { toWrittenObject } from './serialize.js'
import type { PublicObject } from './serialize.js'
import type { HubSpotState, SimRecord } from './state.js'

interface UpsertPlan {
  readonly existing: SimRecord | undefined
  readonly traceId: string | undefined
  readonly values: Record<string, string | null>
}

type Planned = { readonly refusal: WriteRefusal } | { readonly plans: UpsertPlan[]; readonly errors: HubSpotErrorBody[] }

function plan(state: HubSpotState, object: SimObjectType, inputs: readonly Record<string, unknown>[], multi: boolean): Planned {
  const plans: UpsertPlan[] = []
  const errors: HubSpotErrorBody[] = []
  for (const input of inputs) {
    const traceId = typeof input.objectWriteTraceId === 'string' ? input.objectWriteTraceId : undefined
    const idProperty = String(input.idProperty ?? '')
    const existing = findRecord(state, object, String(input.id ?? ''), idProperty)
    const props = { ...(input.properties as Record<string, unknown> | undefined), ...(existing ? {} : { [idProperty]: input.id }) }
    const prepared = prepareProperties(state, object, props, existing?.id)
    if (prepared.ok) plans.push({ existing, traceId, values: prepared.values })
    else if (!multi) return { refusal: prepared.refusal }
    else errors.push(batchError(prepared.refusal, traceId))
  }
  return { plans, errors }
}

/**
 * `POST /crm/v3/objects/{object}/batch/upsert`: each input names a unique `idProperty` and its
 * value; a matching record is updated, otherwise one is created (`new: true`).
 */
export function batchUpsert(state: HubSpotState, object: SimObjectType) {
  return (req: SimRequest): SimResponse => {
    const inputs = inputsOf(req)
    const sizeError = checkBatchSize(state, inputs)
    if (sizeError || !inputs) return sizeError ?? validationError('inputs required', state.correlationId())
    const problem = inputs.map((i) => (i.idProperty ? idPropertyProblem(state, object, i.idProperty) : 'idProperty is required')).find((p) => p !== undefined)
    if (problem) return validationError(problem, state.correlationId())
    const startedAt = new Date(state.now()).toISOString()
    const planned = plan(state, object, inputs, wantsMultiStatus(state, inputs))
    if ('refusal' in planned) return refusalResponse(state, planned.refusal)
    const at = state.now()
    const results: (PublicObject & { new: boolean })[] = planned.plans.map((p) => {
      const record = p.existing ?? createRecord(state, object, p.values, at)
      if (p.existing) updateRecord(state, object, p.existing, p.values, at)
      return { ...toWrittenObject(object, record, p.traceId), new: p.existing === undefined }
    })
    const body = { status: 'COMPLETE', results, startedAt, completedAt: new Date(state.now()).toISOString() }
    if (planned.errors.length === 0) return { status: 200, body }
    return { status: 207, body: { ...body, numErrors: planned.errors.length, errors: planned.errors } }
  }
}
