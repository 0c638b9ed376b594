import type { SimResponse } from '../kit/http-server.js'

/** One entry of a per-record `errors` list (sObject Collections, SaveResult). */
export interface SaveError {
  readonly statusCode: string
  readonly message: string
  readonly fields: readonly string[]
  readonly duplicateResult?: unknown
}

/** Salesforce's whole-request error body: an array of `{ message, errorCode }`. */
export function apiError(status: number, errorCode: string, message: string, fields?: readonly string[]): SimResponse {
  return { status, body: [{ message, errorCode, ...(fields ? { fields } : {}) }] }
}

export const invalidSession = (): SimResponse => apiError(401, 'INVALID_SESSION_ID', 'Session expired or invalid')

/** The daily budget is spent: Salesforce answers 403 until the rolling 24 hours free some. */
export const totalRequestsExceeded = (): SimResponse => apiError(403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.')

/**
 * The concurrency limit: the same error code as the daily limit with another message, and
 * no Retry-After. The fault injector uses it for its "rate limit" faults.
 */
export const concurrentLimitExceeded = (): SimResponse => apiError(403, 'REQUEST_LIMIT_EXCEEDED', 'ConcurrentPerOrgLongTxn Limit exceeded.')

export const serverUnavailable = (): SimResponse => apiError(503, 'SERVER_UNAVAILABLE', 'Server is temporarily unavailable. Please try again later.')

export const notFoundResource = (): SimResponse => apiError(404, 'NOT_FOUND', 'The requested resource does not exist')

/** A per-record error value. */
export function saveError(statusCode: string, message: string, fields: readonly string[] = []): SaveError {
  return { statusCode, message, fields }
}
