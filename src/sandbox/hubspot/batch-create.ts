import type { SimRequest, SimResponse } from '../kit/http-server.js'
import { conflict, standardError, validationError } from './errors.js'
import type { HubSpotErrorBody } from './errors.js'
import { inputsOf } from './guard.js'
import type { SimObjectType } from './property-catalog.js'
import { applyInlineAssociations, checkInlineAssociations, createRecord, prepareProperties, refusalResponse } from './record-writes.js'
import type { WriteRefusal } from './record-writes.js'
import { toWrittenObject } from './serialize.js'
import type { HubSpotState } from './state.js'

/** HubSpot's batch size limit for object writes and reads. */
export const batchLimit = 100

interface CreatePlan {
  readonly id: string
  readonly traceId: string | undefined
  readonly values: Record<string, string | null>
  readonly associations: unknown
}

/** A per-input error of a multi-status answer, tied to its input by `objectWriteTraceId`. */
export function batchError(refusal: WriteRefusal, traceId: string | undefined, extra: Record<string, string[]> = {}): HubSpotErrorBody {
  const context = { ...refusal.body.context, ...extra, ...(traceId === undefined ? {} : { objectWriteTraceId: [traceId] }) }
  return standardError({ ...refusal.body, context })
}

/** Checks a batch's size; HubSpot refuses more than 100 inputs (and none) with a 400. */
export function checkBatchSize(state: HubSpotState, inputs: unknown[] | undefined): SimResponse | undefined {
  if (!inputs) return validationError('Invalid input JSON on line 1: "inputs" must be a list', state.correlationId())
  if (inputs.length === 0) return validationError('inputs must contain at least 1 element', state.correlationId())
  if (inputs.length > batchLimit) return validationError(`Batch input size of ${inputs.length} exceeds the limit of ${batchLimit}`, state.correlationId())
  return undefined
}

/** True when the batch asked for partial results: multi-status is on and every input is traced. */
export function wantsMultiStatus(state: HubSpotState, inputs: readonly Record<string, unknown>[]): boolean {
  return state.settings.multiStatus && inputs.every((i) => typeof i.objectWriteTraceId === 'string' && i.objectWriteTraceId !== '')
}

function refusalOf(state: HubSpotState, object: SimObjectType, input: Record<string, unknown>, batchEmails: Map<string, string>): WriteRefusal | { values: Record<string, string | null> } {
  const prepared = prepareProperties(state, object, input.properties ?? {})
  if (!prepared.ok) return prepared.refusal
  const bad = checkInlineAssociations(state, object, input.associations)
  if (bad) return bad
  const email = prepared.values.email
  const earlier = object === 'contacts' && email ? batchEmails.get(email) : undefined
  if (earlier !== undefined) return { status: 409, body: conflict(earlier, object) }
  return { values: prepared.values }
}

type Planned = { readonly refusal: WriteRefusal } | { readonly plans: CreatePlan[]; readonly errors: HubSpotErrorBody[] }

/** Plans every input; without multi-status the first refusal fails the whole batch. */
function plan(state: HubSpotState, object: SimObjectType, inputs: readonly Record<string, unknown>[], multi: boolean): Planned {
  const plans: CreatePlan[] = []
  const errors: HubSpotErrorBody[] = []
  const batchEmails = new Map<string, string>()
  for (const input of inputs) {
    const traceId = typeof input.objectWriteTraceId === 'string' ? input.objectWriteTraceId : undefined
    const checked = refusalOf(state, object, input, batchEmails)
    if ('status' in checked) {
      if (!multi) return { refusal: checked }
      errors.push(batchError(checked, traceId))
      continue
    }
    const id = state.nextId(object)
    if (checked.values.email) batchEmails.set(checked.values.email, id)
    plans.push({ id, traceId, values: checked.values, associations: input.associations })
  }
  return { plans, errors }
}

/** `POST /crm/v3/objects/{object}/batch/create`. */
export function batchCreate(state: HubSpotState, object: SimObjectType) {
  return (req: SimRequest): SimResponse => {
    const inputs = inputsOf(req)
    const sizeError = checkBatchSize(state, inputs)
    if (sizeError || !inputs) return sizeError ?? validationError('inputs required', state.correlationId())
    const startedAt = new Date(state.now()).toISOString()
    const planned = plan(state, object, inputs, wantsMultiStatus(state, inputs))
    if ('refusal' in planned) return refusalResponse(state, planned.refusal)
    const { plans, errors } = planned
    const at = state.now()
    for (const p of plans) createRecord(state, object, p.values, at, p.id)
    for (const p of plans) applyInlineAssociations(state, object, p.id, p.associations, at)
    const results = plans.flatMap((p) => {
      const record = state.records[object].get(p.id)
      return record ? [toWrittenObject(object, record, p.traceId)] : []
    })
    const completedAt = new Date(state.now()).toISOString()
    const body = { status: 'COMPLETE', results, startedAt, completedAt }
    if (errors.length === 0) return { status: 201, body }
    return { status: 207, body: { ...body, numErrors: errors.length, errors } }
  }
}
