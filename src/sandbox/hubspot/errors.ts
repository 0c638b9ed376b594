import type { SimResponse } from '../kit/http-server.js'
import type { PropertyValueError } from './property-values.js'
import type { LimitPolicy } from './usage.js'

/** A HubSpot error object: the body of an error answer or one entry of a batch's `errors`. */
export interface HubSpotErrorBody {
  readonly status: 'error'
  readonly message: string
  readonly correlationId?: string
  readonly category?: string
  readonly context?: Record<string, string[]>
  readonly errors?: readonly { message: string; code?: string; context?: Record<string, string[]> }[]
  readonly links?: Record<string, string>
  readonly [extra: string]: unknown
}

/** An error body that names its category, as every refusal of a write does. */
export type CategorizedError = HubSpotErrorBody & { readonly category: string }

/**
 * One entry of a multi-status answer's `errors` (HubSpot's `StandardError`), in which
 * `context`, `errors` and `links` are always present (empty when there is nothing to say) and
 * no correlation id is given: the answer as a whole has none either.
 */
export function standardError(body: CategorizedError): CategorizedError {
  const { correlationId: _perAnswer, ...rest } = body
  return { ...rest, context: body.context ?? {}, errors: body.errors ?? [], links: body.links ?? {} }
}

/** An error answer: status plus HubSpot's JSON error body. */
export function errorResponse(status: number, body: HubSpotErrorBody, headers?: Record<string, string>): SimResponse {
  return headers ? { status, body, headers } : { status, body }
}

/** The body HubSpot sends for a request it cannot accept (`VALIDATION_ERROR`). */
export function validationError(message: string, correlationId: string): SimResponse {
  return errorResponse(400, { status: 'error', message, correlationId, category: 'VALIDATION_ERROR' })
}

/** A missing or wrong private-app token. */
export function unauthorized(correlationId: string): SimResponse {
  return errorResponse(401, {
    status: 'error',
    message:
      'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview',
    correlationId,
    category: 'INVALID_AUTHENTICATION',
  })
}

/** A 429 in HubSpot's shape, with `policyName` telling a ten-second limit from the daily one. */
export function rateLimited(policy: LimitPolicy, retryAfterSeconds: number, correlationId: string, headers: Record<string, string>): SimResponse {
  const message = policy === 'DAILY' ? 'You have reached your daily limit.' : 'You have reached your ten_secondly_rolling limit.'
  return errorResponse(
    429,
    { status: 'error', message, errorType: 'RATE_LIMIT', correlationId, policyName: policy, groupName: 'private-app-rate-limit' },
    { ...headers, 'Retry-After': String(retryAfterSeconds) },
  )
}

/** A transient server failure. */
export function serverError(correlationId: string): SimResponse {
  return errorResponse(503, { status: 'error', message: 'Service Unavailable. Please try again.', correlationId, category: 'SERVICE_UNAVAILABLE' })
}

/** A route or record that does not exist. */
export function notFound(message: string, correlationId: string): SimResponse {
  return errorResponse(404, { status: 'error', message, correlationId, category: 'OBJECT_NOT_FOUND' })
}

/** The error for invalid property values, listing each as HubSpot does inside the message. */
export function propertyErrors(details: readonly PropertyValueError[], portalId: number, correlationId?: string): CategorizedError {
  const listed = details.map((d) => ({
    isValid: false,
    message: d.message,
    error: d.error,
    name: d.name,
    localizedErrorMessage: d.message,
    portalId,
  }))
  return {
    status: 'error',
    message: `Property values were not valid: ${JSON.stringify(listed)}`,
    ...(correlationId ? { correlationId } : {}),
    category: 'VALIDATION_ERROR',
    errors: details.map((d) => ({ message: d.message, code: d.error, context: { propertyName: [d.name] } })),
  }
}

/** A unique value (contact email or a unique custom property) already held by another record. */
export function conflict(existingId: string, object: string, correlationId?: string): CategorizedError {
  const noun = object === 'contacts' ? 'Contact' : 'Object'
  return {
    status: 'error',
    message: `${noun} already exists. Existing ID: ${existingId}`,
    ...(correlationId ? { correlationId } : {}),
    category: 'CONFLICT',
  }
}
