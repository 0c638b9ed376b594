import type { z } from 'zod'
import type { ApiToken, TokenScope } from '../domain/api-token.js'
import type { ServiceContext } from '../app/service/service-context.js'

/** Who may call a route: anyone (health only), or a token of at least this scope. */
export type RouteScope = 'public' | TokenScope

/** One documented answer of a route. */
export interface RouteResponse {
  readonly description: string
  /** The JSON body's schema; absent for non-JSON bodies, described by `contentType`. */
  readonly schema?: z.ZodType
  /** Defaults to `application/json`. */
  readonly contentType?: string
}

/** What a handler gets: the request's validated parts, the caller and the service. */
export interface RouteInput<P, Q, B> {
  readonly params: P
  readonly query: Q
  readonly body: B
  readonly token: ApiToken | undefined
  readonly service: ServiceContext
  /** Aborted when the client goes away (for streams). */
  readonly signal: AbortSignal
}

/** A JSON answer (checked against the route's schema for its status), or a raw one. */
export type RouteResult = { readonly status: number; readonly body: unknown } | { readonly status: number; readonly raw: Response }

/** A route of the API: one file each, listed in the route table. */
export interface Route<P = unknown, Q = unknown, B = unknown> {
  readonly method: 'get' | 'post'
  /** OpenAPI style: `/v1/runs/{id}`. */
  readonly path: string
  readonly operationId: string
  readonly summary: string
  readonly scope: RouteScope
  readonly params?: z.ZodType<P>
  readonly query?: z.ZodType<Q>
  readonly body?: z.ZodType<B>
  readonly responses: Readonly<Record<number, RouteResponse>>
  handle(input: RouteInput<P, Q, B>): Promise<RouteResult>
}

/** Declares a route with its types inferred from its schemas. */
export function defineRoute<P = Record<string, never>, Q = Record<string, never>, B = undefined>(route: Route<P, Q, B>): Route {
  return route as unknown as Route
}
