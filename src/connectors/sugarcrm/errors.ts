import { ConnectorError } from '../../domain/connector.js'
import type { WriteFailureCode, WriteResult } from '../../domain/records.js'
import { HttpError } from '../kit/http-client.js'
import { redact } from '../kit/redact.js'

/** Sugar's error body: `{ error: 'missing_parameter', error_message: 'Missing parameter: last_name' }`. */
export interface SugarErrorBody {
  readonly error: string
  readonly message: string
}

/** Reads Sugar's `{ error, error_message }` from any answer body. */
export function sugarErrorBody(body: unknown, status: number): SugarErrorBody {
  const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>
  const error = typeof b.error === 'string' ? b.error : `http_${status}`
  const message = typeof b.error_message === 'string' ? b.error_message : typeof body === 'string' ? body.slice(0, 300) : error
  return { error, message }
}

/** Normalizes one failed record of a write from its HTTP status and Sugar's error label. */
export function writeFailure(ref: string, status: number, body: unknown): WriteResult {
  const { error, message } = sugarErrorBody(body, status)
  return { ok: false, ref, code: failureCode(status, error, message), vendorCode: error, message }
}

function failureCode(status: number, error: string, message: string): WriteFailureCode {
  if (error === 'missing_parameter') return 'required_missing'
  if (error === 'invalid_parameter' && /assigned_user_id/.test(message) && /inactive/i.test(message)) return 'inactive_owner'
  if (status === 404) return 'not_found'
  if (status === 409) return 'conflict'
  if (status === 429) return 'rate_limited'
  if (status === 400 || status === 403 || status === 422) return 'invalid'
  return 'unknown'
}

/** Turns whatever a call threw into a `ConnectorError` whose message holds no secret. */
export function toConnectorError(error: unknown, secrets: readonly string[]): ConnectorError {
  if (error instanceof ConnectorError) return error
  if (error instanceof HttpError) {
    const { error: label, message } = sugarErrorBody(error.body, error.status)
    const text = redact(`${error.message.split(':')[0] ?? ''}: ${label}: ${message}`, secrets)
    if (error.status === 401) return new ConnectorError('sugarcrm', 'auth', text, 401)
    if (error.status === 404) return new ConnectorError('sugarcrm', 'not_found', text, 404)
    if (error.status === 429 || error.status >= 500) return new ConnectorError('sugarcrm', 'unavailable', `${text} (retries exhausted)`, error.status)
    return new ConnectorError('sugarcrm', 'bad_request', text, error.status)
  }
  const text = error instanceof Error ? error.message : String(error)
  const network = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError' || /fetch failed/.test(text))
  return new ConnectorError('sugarcrm', 'unavailable', redact(`${network ? 'network failure' : 'unexpected failure'}: ${text}`, secrets))
}

/** True for a per-request status inside `/bulk` worth sending again: Sugar did not run it. */
export function isTransientStatus(status: number): boolean {
  return status === 429 || status === 502 || status === 503 || status === 504
}
