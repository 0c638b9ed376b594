import type { SimRequest, SimResponse, SimRoute } from '../kit/http-server.js'
import type { RouteMatch } from '../kit/route-matcher.js'
import { authed, bodyObject } from './context.js'
import type { SugarContext } from './context.js'
import { missingParameter, sugarError, SugarFailure } from './errors.js'

type Matcher = (method: string, path: string) => RouteMatch | undefined

/**
 * `POST /bulk`: runs `{ requests: [{ url: '/v11/...', method, data }] }` one after another
 * through the same handlers, under the caller's token, and answers one
 * `{ contents, headers, status }` per request. A failed request does not stop the others.
 * `data` is a JSON-encoded string, as Sugar documents (an object is accepted too).
 */
export function bulkRoute(ctx: SugarContext, matcher: () => Matcher): SimRoute {
  return authed(ctx, 'POST', '/rest/v11/bulk', 'bulk', async (req) => {
    const requests = bodyObject(req).requests
    if (!Array.isArray(requests)) throw missingParameter('requests')
    if (requests.length > ctx.limits.bulkLimit) {
      throw new SugarFailure(413, 'request_too_large', `A bulk call may carry at most ${ctx.limits.bulkLimit} requests; this one has ${requests.length}.`)
    }
    const results: unknown[] = []
    for (const sub of requests) {
      const res = injectedFailure(ctx) ?? (await runOne(sub, req, matcher()))
      results.push({ contents: res.body ?? null, headers: {}, status: res.status })
    }
    return { status: 200, body: results }
  })
}

function injectedFailure(ctx: SugarContext): SimResponse | undefined {
  const f = ctx.bulkFaults
  if (f.failEvery <= 0 || f.failCount <= 0 || ++f.seen % f.failEvery !== 0) return undefined
  f.failCount--
  return sugarError(f.status, f.status === 429 ? 'too_many_requests' : 'service_unavailable', 'The request was not processed; try again later.')
}

async function runOne(sub: unknown, outer: SimRequest, match: Matcher): Promise<SimResponse> {
  const spec = (sub && typeof sub === 'object' ? sub : {}) as Record<string, unknown>
  const m = /^\/v\d+(?:_\d+)?(\/[^?]*)(?:\?(.*))?$/.exec(String(spec.url ?? ''))
  if (!m) return sugarError(400, 'bad_request', `Bulk request url must start with the API version, e.g. /v11/Contacts: "${String(spec.url)}"`)
  const path = `/rest/v11${m[1] ?? ''}`
  const method = String(spec.method ?? 'GET').toUpperCase()
  if (path === '/rest/v11/bulk') return sugarError(400, 'bad_request', 'Bulk requests cannot be nested')
  let body: unknown
  try {
    body = typeof spec.data === 'string' && spec.data !== '' ? JSON.parse(spec.data) : spec.data
  } catch {
    return sugarError(400, 'bad_request', 'The data of a bulk request must be a JSON-encoded string')
  }
  const found = match(method, path)
  if (!found) return sugarError(404, 'no_method', `Could not find a route for ${method} ${path}`)
  const query = new URLSearchParams(m[2] ?? '')
  return found.route.handler({ method, path, params: found.params, query, headers: outer.headers, body })
}
