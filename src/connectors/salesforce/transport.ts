import { PassThrough } from 'node:stream'
import type { HttpRequest, HttpRequestOptions, HttpResponse, StreamPromise } from 'jsforce'
import { parseRetryAfter } from '../kit/retry.js'
import type { RateLimiter } from '../kit/rate-limiter.js'

/** The part of jsforce's transport that every HTTP call goes through. */
export interface TransportLike {
  httpRequest(req: HttpRequest, options?: HttpRequestOptions): StreamPromise<HttpResponse>
}

/**
 * A transient or budget answer, raised before jsforce parses it so the status and Retry-After
 * survive (jsforce's own errors keep only the vendor code).
 */
export class SalesforceHttpError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
    readonly retryAfterMs: number | undefined,
  ) {
    super(message)
    this.name = 'SalesforceHttpError'
  }
}

export interface TransportHooks {
  readonly limiter: RateLimiter
  readonly now: () => number
  readonly timeoutMs: number
  /** Called once per HTTP call actually sent. */
  readonly onCall: () => void
  /** Called with `Sforce-Limit-Info: api-usage=used/limit` whenever an answer carries it. */
  readonly onLimitInfo: (used: number, limit: number) => void
}

function firstError(body: string): { errorCode?: string; message?: string } {
  try {
    const parsed = JSON.parse(body) as unknown
    const first = (Array.isArray(parsed) ? parsed[0] : parsed) as { errorCode?: string; message?: string } | undefined
    return first ?? {}
  } catch {
    return {}
  }
}

/** Raises the answers our retry loop owns: 429, 5xx (except SOAP faults) and REQUEST_LIMIT_EXCEEDED. */
function inspect(res: HttpResponse, nowMs: number): void {
  const soapFault = /xml/.test(res.headers['content-type'] ?? '') && res.body.includes('faultcode')
  const error = res.statusCode >= 400 ? firstError(res.body) : {}
  const limited = res.statusCode === 403 && error.errorCode === 'REQUEST_LIMIT_EXCEEDED'
  if (res.statusCode !== 429 && !(res.statusCode >= 500 && !soapFault) && !limited) return
  const code = error.errorCode ?? `ERROR_HTTP_${res.statusCode}`
  throw new SalesforceHttpError(res.statusCode, code, `${code}: ${error.message ?? `HTTP ${res.statusCode}`}`, parseRetryAfter(res.headers['retry-after'], nowMs))
}

/**
 * Wraps a jsforce transport (a Connection's or its OAuth2 client's): calls wait for the rate
 * limiter, are counted, and jsforce's built-in retries (real sleeps, GET only) are switched off
 * so our `withRetry` is the only retry loop and tests can make it instant.
 */
export function instrumentTransport(holder: { _transport: TransportLike }, hooks: TransportHooks): void {
  const base = holder._transport
  const wrapped: TransportLike = Object.create(base as object) as TransportLike
  wrapped.httpRequest = (req, options = {}) => {
    const promise = (async () => {
      await hooks.limiter.take()
      hooks.onCall()
      const res = await base.httpRequest(req, { ...options, timeout: hooks.timeoutMs, retry: { ...options.retry, maxRetries: 0 } })
      const usage = /api-usage=(\d+)\/(\d+)/.exec(res.headers['sforce-limit-info'] ?? '')
      if (usage) hooks.onLimitInfo(Number(usage[1]), Number(usage[2]))
      inspect(res, hooks.now())
      return res
    })()
    // jsforce only reads this stream for streamed downloads, which the connector never uses.
    return Object.assign(promise, { stream: () => new PassThrough() }) as unknown as StreamPromise<HttpResponse>
  }
  holder._transport = wrapped
}
