import { ConnectorError } from '../../domain/connector.js'
import { redact } from '../kit/redact.js'
import { parseRetryAfter } from '../kit/retry.js'
import type { RetryDecision } from '../kit/retry.js'

/** What the official client's `ApiException` carries: status, headers (lower-case) and parsed body. */
export interface ApiFailure {
  readonly status: number
  readonly body: unknown
  readonly headers: Readonly<Record<string, string>>
}

/** Reads an `ApiException` of `@hubspot/api-client` without importing its (deep, CommonJS) class. */
export function apiFailure(error: unknown): ApiFailure | undefined {
  if (error === null || typeof error !== 'object') return undefined
  const e = error as { code?: unknown; body?: unknown; headers?: unknown }
  if (typeof e.code !== 'number' || !('body' in e)) return undefined
  const headers = e.headers !== null && typeof e.headers === 'object' ? (e.headers as Record<string, string>) : {}
  return { status: e.code, body: e.body, headers }
}

/** node-fetch's `FetchError` (connection refused, reset, socket hang up) and plain socket errors. */
export function isNetworkError(error: unknown): boolean {
  if (error === null || typeof error !== 'object') return false
  const e = error as { name?: unknown; type?: unknown; code?: unknown }
  return e.name === 'FetchError' || e.type === 'system' || (typeof e.code === 'string' && /^E[A-Z]+$/.test(e.code))
}

function field(body: unknown, name: string): string | undefined {
  if (body === null || typeof body !== 'object') return undefined
  const value = (body as Record<string, unknown>)[name]
  return typeof value === 'string' ? value : undefined
}

/** The `policyName` of a HubSpot 429: `TEN_SECONDLY_ROLLING`, `SECONDLY` or `DAILY`. */
export function rateLimitPolicy(failure: ApiFailure): string | undefined {
  return field(failure.body, 'policyName')
}

/** Used when a 429 names no Retry-After: HubSpot's windows roll by the second. */
const defaultRateLimitWaitMs = 1000

/**
 * Decides whether a failed call is worth another attempt: ten-second and secondly 429s (after
 * Retry-After), 5xx and network failures are; the daily limit and other 4xx are not.
 */
export function classifyHubSpotError(error: unknown, nowMs: number): RetryDecision {
  const failure = apiFailure(error)
  if (!failure) return { retry: isNetworkError(error) }
  if (failure.status === 429) {
    if (rateLimitPolicy(failure) === 'DAILY') return { retry: false }
    return { retry: true, afterMs: parseRetryAfter(failure.headers['retry-after'], nowMs) ?? defaultRateLimitWaitMs }
  }
  return { retry: failure.status >= 500 }
}

/** A 4xx HubSpot refused for reasons of the request itself; callers may turn it into per-record results. */
export class HubSpotRequestError extends Error {
  readonly status: number
  readonly body: unknown

  constructor(message: string, status: number, body: unknown) {
    super(message)
    this.name = 'HubSpotRequestError'
    this.status = status
    this.body = body
  }
}

/** HubSpot's own words for a failure: category and message, cut short and without secrets. */
export function describeFailure(failure: ApiFailure, secrets: readonly string[]): string {
  const category = field(failure.body, 'category') ?? field(failure.body, 'errorType') ?? 'ERROR'
  const message = field(failure.body, 'message') ?? (typeof failure.body === 'string' ? failure.body : '')
  return redact(`${failure.status} ${category}: ${message.slice(0, 400)}`, secrets)
}

/**
 * Turns what a call finally threw into revsync's errors: `ConnectorError` for whole-call
 * failures (auth, daily limit, retries spent), `HubSpotRequestError` for other 4xx answers.
 */
export function translateError(error: unknown, what: string, secrets: readonly string[]): Error {
  const failure = apiFailure(error)
  if (!failure) {
    const text = error instanceof Error ? error.message : String(error)
    if (isNetworkError(error)) return new ConnectorError('hubspot', 'unavailable', redact(`${what}: ${text}`, secrets))
    return error instanceof Error ? error : new Error(redact(text, secrets))
  }
  const detail = describeFailure(failure, secrets)
  if (failure.status === 401 || failure.status === 403) {
    return new ConnectorError('hubspot', 'auth', `${what}: HubSpot rejected the private-app token (${detail}); check the token and its scopes`, failure.status)
  }
  if (failure.status === 429 && rateLimitPolicy(failure) === 'DAILY') {
    return new ConnectorError('hubspot', 'daily_limit', `${what}: the portal's daily API limit is spent (${detail}); resume after midnight portal time`, 429)
  }
  if (failure.status === 429 || failure.status >= 500) {
    return new ConnectorError('hubspot', 'unavailable', `${what}: still failing after retries (${detail})`, failure.status)
  }
  return new HubSpotRequestError(`${what}: ${detail}`, failure.status, failure.body)
}

/** Makes a leftover `HubSpotRequestError` a `ConnectorError`, so only those cross the port. */
export function asConnectorError(error: unknown): unknown {
  if (!(error instanceof HubSpotRequestError)) return error
  return new ConnectorError('hubspot', error.status === 404 ? 'not_found' : 'bad_request', error.message, error.status)
}
