import type { SimResponse } from '../kit/http-server.js'

/**
 * Sugar's REST error labels, as `SugarApiException*` classes report them. Every error body
 * has the same two-key shape: `{ error, error_message }`.
 */
export type SugarErrorLabel =
  | 'bad_request'
  | 'need_login'
  | 'invalid_grant'
  | 'invalid_request'
  | 'invalid_client'
  | 'unsupported_grant_type'
  | 'not_authorized'
  | 'not_found'
  | 'no_method'
  | 'missing_parameter'
  | 'invalid_parameter'
  | 'request_too_large'
  | 'too_many_requests'
  | 'fatal_error'
  | 'service_unavailable'

/** A Sugar error answer. */
export function sugarError(status: number, error: SugarErrorLabel, message: string, headers?: Record<string, string>): SimResponse {
  return { status, body: { error, error_message: message }, ...(headers ? { headers } : {}) }
}

/** Thrown inside handlers to answer with a Sugar error; the route wrapper turns it into a response. */
export class SugarFailure extends Error {
  readonly response: SimResponse

  constructor(status: number, error: SugarErrorLabel, message: string) {
    super(message)
    this.response = sugarError(status, error, message)
  }
}

/** 422 `missing_parameter`, Sugar's answer to a required field left out. */
export const missingParameter = (field: string): SugarFailure =>
  new SugarFailure(422, 'missing_parameter', `Missing parameter: ${field}`)

/** 422 `invalid_parameter`. */
export const invalidParameter = (message: string): SugarFailure => new SugarFailure(422, 'invalid_parameter', message)

/** 404 for a record id that does not exist (or is deleted) in a module. */
export const recordNotFound = (module: string, id: string): SugarFailure =>
  new SugarFailure(404, 'not_found', `Could not find record: ${id} in module: ${module}`)

/** The body of an injected 429. */
export function rateLimited(retryAfterSeconds: number): SimResponse {
  return sugarError(429, 'too_many_requests', `Too many requests. Retry after ${retryAfterSeconds} seconds.`, {
    'retry-after': String(retryAfterSeconds),
  })
}

/** The body of an injected 503. */
export function serverError(): SimResponse {
  return sugarError(503, 'service_unavailable', 'The service is temporarily unavailable; try again later.')
}
