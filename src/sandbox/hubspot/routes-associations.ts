import type { SimRequest, SimResponse, SimRoute } from '../kit/http-server.js'
import { associate, dissociate } from './associate.js'
import { associationBatch, endsOf, idOf, typeIds } from './association-request.js'
import { assocLabels } from './associations.js'
import { batchDefault, putDefault } from './default-associations.js'
import { standardError, validationError } from './errors.js'
import { guarded } from './guard.js'
import type { SimObjectType } from './property-catalog.js'
import type { HubSpotState } from './state.js'

function isLive(state: HubSpotState, object: SimObjectType, id: string): boolean {
  const record = state.records[object].get(id)
  return record !== undefined && !record.archived
}

/** A record's associations; as on HubSpot, archived (deleted) records are not listed. */
function publicTargets(state: HubSpotState, from: SimObjectType, id: string, to: SimObjectType) {
  return [...state.associations.targets(from, id, to)].filter(([toId]) => isLive(state, to, toId)).map(([toId, types]) => ({
    toObjectId: Number(toId),
    // `label` is an optional string: unlabelled types have none (the field is left out, not null).
    associationTypes: [...types].map((typeId) => {
      const label = assocLabels[typeId]
      return label === undefined ? { category: 'HUBSPOT_DEFINED', typeId } : { category: 'HUBSPOT_DEFINED', typeId, label }
    }),
  }))
}

function readBatch(state: HubSpotState) {
  return associationBatch(state, ({ from, to }, inputs, at) => {
    const results = inputs
      .map((i) => String(i.id ?? ''))
      .filter((id) => isLive(state, from, id))
      .map((id) => ({ from: { id }, to: publicTargets(state, from, id, to) }))
      .filter((r) => r.to.length > 0)
    const stamp = new Date(at).toISOString()
    return { status: 200, body: { status: 'COMPLETE', results, startedAt: stamp, completedAt: stamp } }
  })
}

function createBatch(state: HubSpotState) {
  return associationBatch(state, ({ from, to }, inputs, at) => {
    const results: Record<string, unknown>[] = []
    const errors: Record<string, unknown>[] = []
    for (const input of inputs) {
      const fromId = idOf(input.from)
      const toId = idOf(input.to)
      const types = Array.isArray(input.types) ? input.types.map((t: { associationTypeId?: unknown }) => Number(t.associationTypeId)) : []
      const problem = types.map((t) => associate(state, from, fromId, to, toId, t, at)).find((p) => p !== undefined)
      if (problem) errors.push(standardError({ status: 'error', category: 'VALIDATION_ERROR', message: problem, context: { fromObjectId: [fromId], toObjectId: [toId] } }))
      else {
        const labels = [...state.associations.types(from, fromId, to, toId)].map((t) => assocLabels[t]).filter((l): l is string => l !== undefined)
        results.push({ fromObjectTypeId: typeIds[from], fromObjectId: Number(fromId), toObjectTypeId: typeIds[to], toObjectId: Number(toId), labels })
      }
    }
    const stamp = new Date(at).toISOString()
    const body = { status: 'COMPLETE', results, startedAt: stamp, completedAt: stamp }
    return errors.length === 0 ? { status: 201, body } : { status: 207, body: { ...body, numErrors: errors.length, errors } }
  })
}

function archiveBatch(state: HubSpotState, labelsOnly: boolean) {
  return associationBatch(state, ({ from, to }, inputs, at) => {
    for (const input of inputs) {
      const fromId = idOf(input.from)
      if (!labelsOnly) {
        const targets: unknown[] = Array.isArray(input.to) ? input.to : []
        for (const t of targets) dissociate(state, from, fromId, to, idOf(t), undefined, at)
        continue
      }
      const types: { associationTypeId?: unknown }[] = Array.isArray(input.types) ? input.types : []
      for (const t of types) dissociate(state, from, fromId, to, idOf(input.to), Number(t.associationTypeId), at)
    }
    return { status: 204 }
  })
}

function readOne(state: HubSpotState) {
  return (req: SimRequest): SimResponse => {
    const e = endsOf(req)
    if (!e) return validationError('Unable to infer object type', state.correlationId())
    return { status: 200, body: { results: publicTargets(state, e.from, req.params.id ?? '', e.to) } }
  }
}

/** The v4 associations routes for contact ↔ company and company ↔ company. */
export function associationRoutes(state: HubSpotState): SimRoute[] {
  const base = '/crm/v4/associations/:from/:to/batch'
  const route = (method: string, pattern: string, handler: (req: SimRequest) => SimResponse): SimRoute => ({ method, pattern, name: 'associations', handler: guarded(state, handler) })
  return [
    route('POST', `${base}/read`, readBatch(state)),
    route('POST', `${base}/create`, createBatch(state)),
    route('POST', `${base}/associate/default`, batchDefault(state)),
    route('POST', `${base}/archive`, archiveBatch(state, false)),
    route('POST', `${base}/labels/archive`, archiveBatch(state, true)),
    route('GET', '/crm/v4/objects/:from/:id/associations/:to', readOne(state)),
    route('PUT', '/crm/v4/objects/:from/:id/associations/default/:to/:toId', putDefault(state)),
  ]
}
