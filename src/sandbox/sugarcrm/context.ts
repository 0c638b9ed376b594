import type { SimRequest, SimResponse, SimRoute } from '../kit/http-server.js'
import { SugarFailure } from './errors.js'
import type { SugarOAuth } from './oauth.js'
import type { SugarStore } from './store.js'
import { isSugarModule } from './vardefs.js'
import type { SugarModule } from './vardefs.js'

/** Limits of the simulated instance. */
export interface SugarLimits {
  /** Largest `max_num` honoured (Sugar's `max_record_fetch_size`); larger asks are capped. */
  readonly maxNum: number
  /** Most sub-requests one `/bulk` call may carry. */
  readonly bulkLimit: number
}

/**
 * Partial batch failures: every `failEvery`-th request inside `/bulk` answers `status`
 * without running, at most `failCount` times. Set through `POST /rest/v11/__sandbox/bulk-faults`.
 */
export interface BulkFaults {
  failEvery: number
  failCount: number
  status: number
  seen: number
}

/** What every route handler works on. */
export interface SugarContext {
  readonly store: SugarStore
  readonly oauth: SugarOAuth
  readonly limits: SugarLimits
  readonly bulkFaults: BulkFaults
}

/** A handler of an authenticated call: the request and the id of the user behind the token. */
export type SugarHandler = (req: SimRequest, userId: string) => SimResponse | Promise<SimResponse>

/** Wraps a handler: checks the `OAuth-Token`, and turns thrown `SugarFailure`s into answers. */
export function authed(ctx: SugarContext, method: string, pattern: string, name: string, handler: SugarHandler): SimRoute {
  return {
    method,
    pattern,
    name,
    handler: async (req) => {
      const user = ctx.oauth.authenticate(req.headers)
      if (typeof user !== 'string') return user
      try {
        return await handler(req, user)
      } catch (error) {
        if (error instanceof SugarFailure) return error.response
        throw error
      }
    },
  }
}

/** The module named in a path, or Sugar's 404 for a route it has no module for. */
export function moduleParam(req: SimRequest): SugarModule {
  const name = req.params.module ?? ''
  if (!isSugarModule(name)) throw new SugarFailure(404, 'no_method', `Could not find a route for ${req.method} ${req.path}`)
  return name
}

/** The JSON body as an object, or a 400. */
export function bodyObject(req: SimRequest): Record<string, unknown> {
  if (req.body === undefined) return {}
  if (req.body === null || typeof req.body !== 'object' || Array.isArray(req.body)) {
    throw new SugarFailure(400, 'bad_request', 'The request body must be a JSON object')
  }
  return req.body as Record<string, unknown>
}
