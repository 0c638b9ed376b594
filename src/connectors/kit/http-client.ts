import { AnswerLost } from './create-once.js'
import { redact } from './redact.js'
import { defaultRetryPolicy, parseRetryAfter, realSleep, withRetry } from './retry.js'
import type { RetryDecision, RetryPolicy } from './retry.js'
import { unlimited } from './rate-limiter.js'
import type { RateLimiter } from './rate-limiter.js'

/** A non-2xx answer, kept whole so a connector can map vendor codes. */
export class HttpError extends Error {
  readonly status: number
  readonly body: unknown
  readonly headers: Headers

  constructor(method: string, path: string, status: number, body: unknown, headers: Headers, secrets: readonly string[]) {
    const text = typeof body === 'string' ? body : JSON.stringify(body)
    super(redact(`${method} ${path} answered ${status}: ${text.slice(0, 500)}`, secrets))
    this.name = 'HttpError'
    this.status = status
    this.body = body
    this.headers = headers
  }
}

export interface HttpRequest {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'
  /** Path below the base URL, with its query string. */
  readonly path: string
  readonly body?: unknown
  /**
   * `false` for a request that must not be sent twice blindly (a create). It is then retried
   * only after answers that prove it was not applied (429, a refused connection); another
   * transient failure throws `AnswerLost` so the caller can look for what it made first.
   */
  readonly idempotent?: boolean
}

export interface HttpClientOptions {
  readonly baseUrl: string
  /** Headers for every call, e.g. auth; called per attempt so a refreshed token is used. */
  readonly headers: () => Promise<Record<string, string>> | Record<string, string>
  /** Secrets to redact from every error message. */
  readonly secrets: () => readonly string[]
  readonly limiter?: RateLimiter
  readonly retry?: RetryPolicy
  /** How long one call may take before it is abandoned (and retried as transient); 60 s by default. */
  readonly timeoutMs?: number
  readonly sleep?: (ms: number) => Promise<void>
  readonly random?: () => number
  /**
   * Called once when the server rejects the credentials (401); returns true when it got new
   * ones, and the call is made again once.
   */
  readonly onUnauthorized?: () => Promise<boolean>
}

/** A small JSON-over-fetch client with rate limiting, retries, timeouts and call counting. */
export interface HttpClient {
  request<T>(req: HttpRequest): Promise<T>
  readonly calls: () => number
}

/** Transient answers worth another attempt: rate limits, server errors, timeouts, resets. */
export function classifyHttpError(error: unknown, nowMs: number): RetryDecision {
  if (error instanceof HttpError) {
    if (error.status === 429) return { retry: true, afterMs: parseRetryAfter(error.headers.get('retry-after'), nowMs) }
    if (error.status >= 500) return { retry: true }
    return { retry: false }
  }
  // fetch rejects with a TypeError on network failure and an AbortError/TimeoutError on timeout.
  return { retry: true }
}

/** True when a failure proves the request never reached the server: a refused connection. */
export function neverSent(error: unknown): boolean {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause
  return cause?.code === 'ECONNREFUSED'
}

/** A failure after which the server may have applied the request: a 5xx, a reset, a timeout. */
function answerMayBeLost(error: unknown): boolean {
  if (error instanceof HttpError) return error.status >= 500
  return !neverSent(error)
}

/** Retries of a non-idempotent request: only what was surely not applied; the rest is a lost answer. */
function classifyOnce(error: unknown, nowMs: number): RetryDecision {
  if (error instanceof HttpError && error.status === 429) return classifyHttpError(error, nowMs)
  return { retry: neverSent(error) }
}

/** Creates the client; nothing is sent until `request` is called. */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const base = options.baseUrl.replace(/\/+$/, '')
  const limiter = options.limiter ?? unlimited
  const sleep = options.sleep ?? realSleep
  const random = options.random ?? Math.random
  let calls = 0

  async function once<T>(req: HttpRequest): Promise<T> {
    await limiter.take()
    calls++
    const headers: Record<string, string> = { accept: 'application/json', ...(await options.headers()) }
    if (req.body !== undefined) headers['content-type'] = 'application/json'
    const response = await fetch(base + req.path, {
      method: req.method,
      headers,
      body: req.body === undefined ? undefined : JSON.stringify(req.body),
      signal: AbortSignal.timeout(options.timeoutMs ?? 60_000),
    })
    const text = await response.text()
    const body: unknown = text === '' ? undefined : parseJson(text)
    if (!response.ok) throw new HttpError(req.method, req.path.split('?')[0] ?? '', response.status, body, response.headers, options.secrets())
    return body as T
  }

  async function request<T>(req: HttpRequest): Promise<T> {
    let refreshed = false
    const policy = options.retry ?? defaultRetryPolicy
    for (;;) {
      try {
        const classify = req.idempotent === false ? classifyOnce : classifyHttpError
        return await withRetry(() => once<T>(req), (e) => classify(e, Date.now()), policy, { sleep, random })
      } catch (error) {
        if (req.idempotent === false && answerMayBeLost(error)) {
          throw new AnswerLost(`${req.method} ${req.path.split('?')[0] ?? ''}`, error)
        }
        const unauthorized = error instanceof HttpError && error.status === 401
        if (!unauthorized || refreshed || !options.onUnauthorized) throw error
        refreshed = true
        if (!(await options.onUnauthorized())) throw error
      }
    }
  }

  return { request, calls: () => calls }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}
