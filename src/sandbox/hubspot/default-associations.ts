import type { SimRequest, SimResponse } from '../kit/http-server.js'
import { associate } from './associate.js'
import { defaultType, reverseType } from './associations.js'
import { associationBatch, endsOf, idOf } from './association-request.js'
import type { Ends } from './association-request.js'
import { standardError, validationError } from './errors.js'
import type { HubSpotErrorBody } from './errors.js'
import type { HubSpotState } from './state.js'

/** One made association as `BatchResponsePublicDefaultAssociation` lists it. */
interface DefaultAssociation {
  readonly from: { readonly id: string }
  readonly to: { readonly id: string }
  readonly associationSpec: { readonly associationCategory: 'HUBSPOT_DEFINED'; readonly associationTypeId: number }
}

type Outcome = { readonly made: DefaultAssociation[] } | { readonly problem: string }

/**
 * Makes the default (unlabelled) association between two records. HubSpot records an
 * association from each side, so the answer names both directions with their own type ids.
 */
function makeDefault(state: HubSpotState, { from, to }: Ends, fromId: string, toId: string, at: number): Outcome {
  const typeId = defaultType(from, to) ?? -1
  const problem = associate(state, from, fromId, to, toId, typeId, at)
  if (problem) return { problem }
  const spec = (associationTypeId: number) => ({ associationCategory: 'HUBSPOT_DEFINED' as const, associationTypeId })
  return {
    made: [
      { from: { id: fromId }, to: { id: toId }, associationSpec: spec(typeId) },
      { from: { id: toId }, to: { id: fromId }, associationSpec: spec(reverseType(typeId)) },
    ],
  }
}

function envelope(results: DefaultAssociation[], startedAt: number, completedAt: number): Record<string, unknown> {
  return { status: 'COMPLETE', results, startedAt: new Date(startedAt).toISOString(), completedAt: new Date(completedAt).toISOString() }
}

/** `POST /crm/v4/associations/{from}/{to}/batch/associate/default`: 200, or 207 when some inputs failed. */
export function batchDefault(state: HubSpotState) {
  return associationBatch(state, (ends, inputs, at) => {
    const results: DefaultAssociation[] = []
    const errors: HubSpotErrorBody[] = []
    for (const input of inputs) {
      const fromId = idOf(input.from)
      const toId = idOf(input.to)
      const outcome = makeDefault(state, ends, fromId, toId, at)
      if ('made' in outcome) results.push(...outcome.made)
      else errors.push(standardError({ status: 'error', category: 'VALIDATION_ERROR', message: outcome.problem, context: { fromObjectId: [fromId], toObjectId: [toId] } }))
    }
    const body = envelope(results, at, state.now())
    return errors.length === 0 ? { status: 200, body } : { status: 207, body: { ...body, numErrors: errors.length, errors } }
  })
}

/** `PUT /crm/v4/objects/{from}/{id}/associations/default/{to}/{toId}`: the associations it made. */
export function putDefault(state: HubSpotState) {
  return (req: SimRequest): SimResponse => {
    const ends = endsOf(req)
    if (!ends) return validationError('Unable to infer object type', state.correlationId())
    const at = state.now()
    const outcome = makeDefault(state, ends, req.params.id ?? '', req.params.toId ?? '', at)
    if ('problem' in outcome) return validationError(outcome.problem, state.correlationId())
    return { status: 200, body: envelope(outcome.made, at, state.now()) }
  }
}
