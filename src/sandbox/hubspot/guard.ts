import type { SimHandler, SimRequest, SimResponse } from '../kit/http-server.js'
import { rateLimited, unauthorized } from './errors.js'
import type { HubSpotState } from './state.js'

/** The JSON body of a request as a plain record (empty when absent or not an object). */
export function bodyOf(req: SimRequest): Record<string, unknown> {
  const body = req.body
  return body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {}
}

/** The `inputs` list of a batch body, or undefined when it is not a list. */
export function inputsOf(req: SimRequest): Record<string, unknown>[] | undefined {
  const inputs = bodyOf(req).inputs
  return Array.isArray(inputs) ? inputs.map((i) => (i !== null && typeof i === 'object' ? (i as Record<string, unknown>) : {})) : undefined
}

function authorized(state: HubSpotState, req: SimRequest): boolean {
  const header = req.headers.authorization
  return typeof header === 'string' && header === `Bearer ${state.token}`
}

/**
 * Wraps a handler with what every HubSpot endpoint does first: the private-app token check,
 * the daily and ten-second limits, and the rate-limit headers (which the search endpoints,
 * as on HubSpot, do not send).
 */
export function guarded(state: HubSpotState, handler: SimHandler, options: { search?: boolean } = {}): SimHandler {
  return async (req) => {
    if (!authorized(state, req)) return unauthorized(state.correlationId())
    const now = state.now()
    const policy = state.usage.take(now)
    if (policy) {
      const wait = policy === 'DAILY' ? 86_400 : state.usage.retryAfterSeconds(now)
      return rateLimited(policy, wait, state.correlationId(), options.search ? {} : state.usage.headers())
    }
    const out: SimResponse = await handler(req)
    if (options.search) return out
    return { ...out, headers: { ...state.usage.headers(), ...out.headers } }
  }
}
