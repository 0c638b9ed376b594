import type { SimRequest, SimResponse } from '../kit/http-server.js'
import { validationError } from './errors.js'
import { inputsOf } from './guard.js'
import type { SimObjectType } from './property-catalog.js'
import type { HubSpotState } from './state.js'

/** v4 batch endpoints take up to 1,000 inputs. */
const v4BatchLimit = 1000

/** HubSpot's object type ids, as association answers name the two ends. */
export const typeIds: Readonly<Record<SimObjectType, string>> = { contacts: '0-1', companies: '0-2' }

/** Accepts an object type as HubSpot does: plural, singular or its type id. */
export function objectType(name: string | undefined): SimObjectType | undefined {
  const n = (name ?? '').toLowerCase()
  if (n === 'contacts' || n === 'contact' || n === '0-1') return 'contacts'
  if (n === 'companies' || n === 'company' || n === '0-2') return 'companies'
  return undefined
}

/** The two object types an association request names, from → to. */
export type Ends = { readonly from: SimObjectType; readonly to: SimObjectType }

/** The ends named by the `:from` and `:to` path parameters, when both are known types. */
export function endsOf(req: SimRequest): Ends | undefined {
  const from = objectType(req.params.from)
  const to = objectType(req.params.to)
  return from && to ? { from, to } : undefined
}

/** The `id` of a `{ id }` input object, as text. */
export function idOf(value: unknown): string {
  return String((value as { id?: unknown } | undefined)?.id ?? '')
}

/** Wraps a v4 batch handler with the checks every v4 batch endpoint makes first. */
export function associationBatch(state: HubSpotState, run: (e: Ends, inputs: Record<string, unknown>[], at: number) => SimResponse) {
  return (req: SimRequest): SimResponse => {
    const e = endsOf(req)
    if (!e) return validationError(`Unable to infer object type from: ${req.params.from ?? ''} or ${req.params.to ?? ''}`, state.correlationId())
    const inputs = inputsOf(req)
    if (!inputs || inputs.length > v4BatchLimit) return validationError(`inputs must be a list of at most ${v4BatchLimit}`, state.correlationId())
    return run(e, inputs, state.now())
  }
}
