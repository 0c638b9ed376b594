import { ConnectorError } from '../../domain/connector.js'
import type { ConnectorErrorCode } from '../../domain/connector.js'
import type { WriteFailureCode } from '../../domain/records.js'
import { redact } from '../kit/redact.js'
import type { RetryDecision } from '../kit/retry.js'
import { SalesforceHttpError } from './transport.js'

/** The vendor code of any error jsforce or our transport raises (`INVALID_FIELD`, `invalid_grant`, …). */
export function vendorCode(error: unknown): string | undefined {
  if (error instanceof SalesforceHttpError) return error.errorCode
  const e = error as { errorCode?: unknown; name?: unknown; code?: unknown } | null
  if (typeof e?.errorCode === 'string') return e.errorCode
  if (typeof e?.code === 'string') return e.code
  return typeof e?.name === 'string' && e.name !== 'Error' ? e.name : undefined
}

/** The daily budget, which no wait inside a run fixes, against the concurrency limit, which a wait does. */
export function isDailyLimit(error: unknown): boolean {
  return error instanceof SalesforceHttpError && error.errorCode === 'REQUEST_LIMIT_EXCEEDED' && /TotalRequests/i.test(error.message)
}

/** Whether the session was rejected, so one new login may fix it. */
export function isInvalidSession(error: unknown): boolean {
  return vendorCode(error) === 'INVALID_SESSION_ID'
}

const networkCodes = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'UND_ERR_SOCKET', 'ENETUNREACH', 'EAI_AGAIN'])

/** True when a failure proves the call never reached Salesforce: the connection was refused. */
export function neverSent(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'ECONNREFUSED'
}

function isNetworkError(error: unknown): boolean {
  const e = error as { name?: unknown; code?: unknown; message?: unknown } | null
  if (e?.name === 'FetchError' || e?.name === 'AbortError') return true
  if (typeof e?.code === 'string' && networkCodes.has(e.code)) return true
  return typeof e?.message === 'string' && /Request Timeout|socket hang up/.test(e.message)
}

/** Transient answers worth another attempt: 429, 5xx, the concurrency limit, network failures. */
export function classifySalesforceError(error: unknown): RetryDecision {
  if (error instanceof SalesforceHttpError) {
    if (isDailyLimit(error)) return { retry: false }
    return error.retryAfterMs === undefined ? { retry: true } : { retry: true, afterMs: error.retryAfterMs }
  }
  return isNetworkError(error) ? { retry: true } : { retry: false }
}

const authCodes = new Set(['INVALID_SESSION_ID', 'INVALID_LOGIN', 'invalid_grant', 'invalid_client', 'invalid_client_id', 'unsupported_grant_type', 'INVALID_AUTH_HEADER'])

function connectorCode(error: unknown): ConnectorErrorCode {
  const code = vendorCode(error) ?? ''
  if (isDailyLimit(error)) return 'daily_limit'
  if (error instanceof SalesforceHttpError || isNetworkError(error)) return 'unavailable'
  if (authCodes.has(code) || /^sf:INVALID_LOGIN|INVALID_LOGIN/.test(String((error as Error).message))) return 'auth'
  if (code === 'NOT_FOUND' || code === 'ERROR_HTTP_404') return 'not_found'
  return 'bad_request'
}

/** A whole-call failure that keeps Salesforce's own code, so callers can react to it. */
export class SalesforceCallError extends ConnectorError {
  readonly vendorCode: string | undefined

  constructor(code: ConnectorErrorCode, message: string, vendor: string | undefined, status?: number) {
    super('salesforce', code, message, status)
    this.vendorCode = vendor
  }
}

/** Turns any failure of a whole call into a `ConnectorError` whose message holds no secret. */
export function toConnectorError(error: unknown, what: string, secrets: readonly string[]): ConnectorError {
  if (error instanceof ConnectorError) return error
  const code = vendorCode(error)
  const raw = error instanceof Error ? error.message : String(error)
  const text = code !== undefined && !raw.startsWith(code) ? `${code}: ${raw}` : raw
  const status = error instanceof SalesforceHttpError ? error.status : undefined
  return new SalesforceCallError(connectorCode(error), redact(`${what} failed: ${text.trim()}`, secrets), code, status)
}

const failureCodes: Readonly<Record<string, WriteFailureCode>> = {
  REQUIRED_FIELD_MISSING: 'required_missing',
  INACTIVE_OWNER_OR_USER: 'inactive_owner',
  DUPLICATES_DETECTED: 'duplicate',
  DUPLICATE_VALUE: 'duplicate',
  ENTITY_IS_DELETED: 'not_found',
  NOT_FOUND: 'not_found',
  UNABLE_TO_LOCK_ROW: 'conflict',
  CANNOT_UPDATE_CONVERTED_LEAD: 'conflict',
  REQUEST_LIMIT_EXCEEDED: 'rate_limited',
  MALFORMED_ID: 'invalid',
  INVALID_FIELD: 'invalid',
  INVALID_FIELD_FOR_INSERT_UPDATE: 'invalid',
  INVALID_CROSS_REFERENCE_KEY: 'invalid',
  FIELD_INTEGRITY_EXCEPTION: 'invalid',
  FIELD_CUSTOM_VALIDATION_EXCEPTION: 'invalid',
  INVALID_EMAIL_ADDRESS: 'invalid',
  STRING_TOO_LONG: 'invalid',
  INVALID_TYPE_ON_FIELD_IN_RECORD: 'invalid',
  INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST: 'invalid',
  MISSING_ARGUMENT: 'invalid',
  JSON_PARSER_ERROR: 'invalid',
}

/** The normalized failure code of a Salesforce per-record status code. */
export function writeFailureCode(statusCode: string): WriteFailureCode {
  return failureCodes[statusCode] ?? 'unknown'
}
