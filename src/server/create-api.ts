import { Hono } from 'hono'
import type { Context } from 'hono'
import type { z } from 'zod'
import type { ApiToken } from '../domain/api-token.js'
import { scopeAllows } from '../domain/api-token.js'
import type { ServiceContext } from '../app/service/service-context.js'
import { verifyToken } from '../app/tokens/create-token.js'
import { Problem, problemBody } from './problem.js'
import type { RateLimit } from './rate-limit.js'
import type { Route } from './route.js'

/** What the API is built from; one deps object. */
export interface ApiDeps {
  readonly service: ServiceContext
  readonly routes: readonly Route[]
  readonly rateLimit: RateLimit
}

function problemResponse(problem: Problem): Response {
  return new Response(JSON.stringify(problemBody(problem)), { status: problem.status, headers: { 'content-type': 'application/problem+json', ...problem.headers } })
}

/** Parses one part of a request; a mismatch is a 400 naming the field and what it must be. */
function parse<T>(schema: z.ZodType<T> | undefined, value: unknown, where: 'path' | 'query' | 'body'): T {
  if (!schema) return undefined as T
  const result = schema.safeParse(value)
  if (result.success) return result.data
  const issue = result.error.issues[0]
  const field = [where, ...(issue?.path ?? []).map(String)].join('.')
  throw new Problem(400, 'Invalid request', `${field}: ${issue?.message ?? 'invalid'}; see GET /v1/openapi.json for the expected shape`, field)
}

/** The caller's token, checked against the route's scope: 401 without a live one, 403 when too small. */
async function authorize(c: Context, route: Route, service: ServiceContext): Promise<ApiToken | undefined> {
  if (route.scope === 'public') return undefined
  const header = c.req.header('authorization') ?? ''
  const m = /^Bearer\s+(\S+)$/i.exec(header)
  const challenge = { 'www-authenticate': 'Bearer realm="revsync"' }
  if (!m) throw new Problem(401, 'Unauthorized', 'send a bearer token: Authorization: Bearer TOKEN; create one with revsync token create --scope read|operate|admin', 'header.authorization', challenge)
  const token = await verifyToken(service.app.store, m[1] as string)
  if (!token) throw new Problem(401, 'Unauthorized', 'the bearer token is not a live token (revoked, or never created here); see revsync token list', 'header.authorization', challenge)
  if (!scopeAllows(token.scope, route.scope)) throw new Problem(403, 'Forbidden', `token "${token.name}" has scope ${token.scope}; ${route.method.toUpperCase()} ${route.path} needs ${route.scope} or more: create one with revsync token create --scope ${route.scope}`, 'header.authorization')
  return token
}

/** Checks a JSON answer against the route's schema for its status, so the API never answers off its document. */
function checkedBody(route: Route, status: number, body: unknown): unknown {
  const schema = route.responses[status]?.schema
  if (!schema) throw new Error(`${route.operationId} answered ${status}, which its route does not declare`)
  return schema.parse(body)
}

/**
 * Builds the HTTP API from the route table: per route, the bearer token and its scope, the
 * per-token rate limit, request validation, the handler, and the answer checked against its
 * schema. Every error is RFC 9457 problem details; an unexpected one is logged and answered
 * as a 500 without its stack.
 */
export function createApi(deps: ApiDeps): Hono {
  const api = new Hono()
  const { service } = deps
  for (const route of deps.routes) {
    api.on(route.method.toUpperCase(), route.path.replace(/\{(\w+)\}/g, ':$1'), async (c) => {
      try {
        const token = await authorize(c, route, service)
        if (token) {
          const taken = deps.rateLimit.take(token.id)
          if (!taken.ok) throw new Problem(429, 'Too many requests', `token "${token.name}" sent too many requests; retry after ${taken.retryAfter} s`, undefined, { 'retry-after': String(taken.retryAfter) })
        }
        const params = parse(route.params, c.req.param(), 'path')
        const query = parse(route.query, c.req.query(), 'query')
        let raw: unknown
        if (route.body) {
          try {
            raw = await c.req.json()
          } catch {
            throw new Problem(400, 'Invalid request', 'body: not JSON; send a JSON object with content-type application/json', 'body')
          }
        }
        const body = parse(route.body, raw, 'body')
        const result = await route.handle({ params, query, body, token, service, signal: c.req.raw.signal })
        if ('raw' in result) return result.raw
        const contentType = route.responses[result.status]?.contentType ?? 'application/json'
        return new Response(JSON.stringify(checkedBody(route, result.status, result.body)), { status: result.status, headers: { 'content-type': contentType } })
      } catch (error) {
        if (error instanceof Problem) return problemResponse(error)
        service.logger.error('request failed', { route: route.operationId, error: error instanceof Error ? error.message : String(error) })
        return problemResponse(new Problem(500, 'Internal error', 'revsync failed to answer; the service log has the detail'))
      }
    })
  }
  api.notFound((c) => problemResponse(new Problem(404, 'Not found', `no route ${c.req.method} ${c.req.path}; the routes are listed by GET /v1/openapi.json`)))
  api.onError((error) => {
    service.logger.error('request failed', { error: error.message })
    return problemResponse(new Problem(500, 'Internal error', 'revsync failed to answer; the service log has the detail'))
  })
  return api
}
