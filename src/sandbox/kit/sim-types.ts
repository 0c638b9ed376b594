import type { IncomingMessage } from 'node:http'

/** A parsed request as simulator routes see it. */
export interface SimRequest {
  readonly method: string
  readonly path: string
  readonly params: Readonly<Record<string, string>>
  readonly query: URLSearchParams
  readonly headers: IncomingMessage['headers']
  readonly body: unknown
}

/** What a route answers: a status, a JSON body and optional headers. */
export interface SimResponse {
  readonly status: number
  readonly body?: unknown
  readonly headers?: Readonly<Record<string, string>>
}

export type SimHandler = (req: SimRequest) => SimResponse | Promise<SimResponse>

/** One route: method, a path pattern with `:name` segments, and its handler. */
export interface SimRoute {
  readonly method: string
  readonly pattern: string
  /** Family name for call counts, e.g. `contacts.search`; defaults to the pattern. */
  readonly name?: string
  readonly handler: SimHandler
}
