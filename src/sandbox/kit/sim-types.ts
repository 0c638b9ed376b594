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
