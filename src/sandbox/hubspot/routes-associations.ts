import type { SimRequest, SimResponse, SimRoute } from '../kit/http-server.js'
import { associate, dissociate } from './associate.js'
import { assocLabels, defaultType } from './associations.js'
import { validationError } from './errors.js'
import { guarded, inputsOf } from './guard.js'
import type { SimObjectType } from './property-catalog.js'
import type { HubSpotState } from './state.js'

/** v4 batch endpoints take up to 1,000 inputs. */
const v4BatchLimit = 1000

const typeIds: Readonly<Record<SimObjectType, string>> = { contacts: '0-1', companies: '0-2' }

/** Accepts an object type as HubSpot does: plural, singular or its type id. */
export function objectType(name: string | undefined): SimObjectType | undefined {
  const n = (name ?? '').toLowerCase()
  if (n === 'contacts' || n === 'contact' || n === '0-1') return 'contacts'
  if (n === 'companies' || n === 'company' || n === '0-2') return 'companies'
  return undefined
}

type Ends = { from: SimObjectType; to: SimObjectType }

function ends(req: SimRequest): Ends | undefined {
  const from = objectType(req.params.from)
  const to = objectType(req.params.to)
  return from && to ? { from, to } : undefined
}

function isLive(state: HubSpotState, object: SimObjectType, id: string): boolean {
  const record = state.records[object].get(id)
  return record !== undefined && !record.archived
}

/** A record's associations; as on HubSpot, archived (deleted) records are not listed. */
function publicTargets(state: HubSpotState, from: SimObjectType, id: string, to: SimObjectType) {
  return [...state.associations.targets(from, id, to)].filter(([toId]) => isLive(state, to, toId)).map(([toId, types]) => ({
    toObjectId: Number(toId),
    associationTypes: [...types].map((typeId) => ({ category: 'HUBSPOT_DEFINED', typeId, label: assocLabels[typeId] ?? null })),
  }))
}

function idOf(value: unknown): string {
  return String((value as { id?: unknown } | undefined)?.id ?? '')
}

function batch(state: HubSpotState, run: (e: Ends, inputs: Record<string, unknown>[], at: number) => SimResponse) {
  return (req: SimRequest): SimResponse => {
    const e = ends(req)
    if (!e) return validationError(`Unable to infer object type from: ${req.params.from ?? ''} or ${req.params.to ?? ''}`, state.correlationId())
    const inputs = inputsOf(req)
    if (!inputs || inputs.length > v4BatchLimit) return validationError(`inputs must be a list of at most ${v4BatchLimit}`, state.correlationId())
    return run(e, inputs, state.now())
  }
}

function readBatch(state: HubSpotState) {
  return batch(state, ({ from, to }, inputs, at) => {
    const results = inputs
      .map((i) => String(i.id ?? ''))
      .filter((id) => isLive(state, from, id))
      .map((id) => ({ from: { id }, to: publicTargets(state, from, id, to) }))
      .filter((r) => r.to.length > 0)
    const stamp = new Date(at).toISOString()
    return { status: 200, body: { status: 'COMPLETE', results, startedAt: stamp, completedAt: stamp } }
  })
}

function createBatch(state: HubSpotState, labelled: boolean) {
  return batch(state, ({ from, to }, inputs, at) => {
    const results: Record<string, unknown>[] = []
    const errors: Record<string, unknown>[] = []
    for (const input of inputs) {
      const fromId = idOf(input.from)
      const toId = idOf(input.to)
      const types = labelled && Array.isArray(input.types) ? input.types.map((t: { associationTypeId?: unknown }) => Number(t.associationTypeId)) : [defaultType(from, to) ?? -1]
      const problem = types.map((t) => associate(state, from, fromId, to, toId, t, at)).find((p) => p !== undefined)
      if (problem) errors.push({ status: 'error', category: 'VALIDATION_ERROR', message: problem, context: { fromObjectId: [fromId], toObjectId: [toId] } })
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
  return batch(state, ({ from, to }, inputs, at) => {
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
    const from = objectType(req.params.from)
    const to = objectType(req.params.to)
    if (!from || !to) return validationError('Unable to infer object type', state.correlationId())
    return { status: 200, body: { results: publicTargets(state, from, req.params.id ?? '', to) } }
  }
}

function putDefault(state: HubSpotState) {
  return (req: SimRequest): SimResponse => {
    const from = objectType(req.params.from)
    const to = objectType(req.params.to)
    if (!from || !to) return validationError('Unable to infer object type', state.correlationId())
    const problem = associate(state, from, req.params.id ?? '', to, req.params.toId ?? '', defaultType(from, to) ?? -1, state.now())
    return problem ? validationError(problem, state.correlationId()) : { status: 200, body: { status: 'COMPLETE', results: [] } }
  }
}

/** The v4 associations routes for contact ↔ company and company ↔ company. */
export function associationRoutes(state: HubSpotState): SimRoute[] {
  const base = '/crm/v4/associations/:from/:to/batch'
  const route = (method: string, pattern: string, handler: (req: SimRequest) => SimResponse): SimRoute => ({ method, pattern, name: 'associations', handler: guarded(state, handler) })
  return [
    route('POST', `${base}/read`, readBatch(state)),
    route('POST', `${base}/create`, createBatch(state, true)),
    route('POST', `${base}/associate/default`, createBatch(state, false)),
    route('POST', `${base}/archive`, archiveBatch(state, false)),
    route('POST', `${base}/labels/archive`, archiveBatch(state, true)),
    route('GET', '/crm/v4/objects/:from/:id/associations/:to', readOne(state)),
    route('PUT', '/crm/v4/objects/:from/:id/associations/default/:to/:toId', putDefault(state)),
  ]
}
