import jsforce from 'jsforce'
import type { Connection } from 'jsforce'
import type { SalesforceSystemConfig } from '../../domain/config/system-config.js'
import type { RateLimiter } from '../kit/rate-limiter.js'
import { AnswerLost } from '../kit/create-once.js'
import { backoffDelay, withRetry } from '../kit/retry.js'
import type { RetryDecision, RetryPolicy } from '../kit/retry.js'
import { classifySalesforceError, isInvalidSession, neverSent, toConnectorError } from './errors.js'
import { SalesforceHttpError } from './transport.js'
import { instrumentTransport } from './transport.js'
import type { TransportHooks, TransportLike } from './transport.js'

/** An authenticated jsforce connection with our retries, rate limit, call counts and re-login. */
export interface SalesforceSession {
  /**
   * Runs one API call: logs in first if needed, retries transient faults, logs in again once on
   * INVALID_SESSION_ID. A call that is not `idempotent` (a create) is retried only after answers
   * that prove it was not applied, and throws `AnswerLost` after a reset, a timeout or a 5xx.
   */
  call<T>(what: string, fn: (conn: Connection) => Promise<T>, options?: { readonly idempotent?: boolean }): Promise<T>
  /** Sends of one call at most, the first included. */
  readonly maxAttempts: number
  /** Waits before attempt `n + 1` of work sent again outside `call`. */
  backoff(n: number): Promise<void>
  /** HTTP calls sent so far, logins included. */
  calls(): number
  /** The org's API usage from the last `Sforce-Limit-Info` header. */
  apiUsage(): { readonly used: number; readonly limit: number } | undefined
  /** The configured credentials and the current access token, to keep out of messages. */
  secrets(): string[]
}

export interface SessionDeps {
  readonly limiter: RateLimiter
  readonly retry: RetryPolicy
  readonly sleep: (ms: number) => Promise<void>
  readonly random: () => number
  readonly now: () => number
  readonly timeoutMs: number
}

type Auth = SalesforceSystemConfig['auth']
/** What the session reads of the system config (the timeout comes in `SessionDeps`). */
type SessionConfig = Omit<SalesforceSystemConfig, 'timeoutSeconds'>
type Internals = { _transport: TransportLike; _refreshDelegate: unknown; oauth2: { _transport: TransportLike } }

/** A jsforce connection for the configured auth shape, every HTTP call passing through our hooks. */
function connect(config: SessionConfig, hooks: TransportHooks): Connection {
  const { auth } = config
  const url = config.url.replace(/\/+$/, '')
  const oauth2 = 'clientId' in auth && auth.clientId !== undefined ? { clientId: auth.clientId, clientSecret: auth.clientSecret, loginUrl: url } : undefined
  const conn = new jsforce.Connection({
    version: config.apiVersion,
    ...('accessToken' in auth ? { instanceUrl: url, accessToken: auth.accessToken } : { loginUrl: url }),
    ...(oauth2 ? { oauth2 } : {}),
  })
  const internals = conn as unknown as Internals
  // jsforce would refresh on every 401 without end; we log in again once, ourselves.
  internals._refreshDelegate = undefined
  instrumentTransport(internals, hooks)
  instrumentTransport(internals.oauth2, hooks)
  return conn
}

/** Logs in by the configured flow; an access token needs none (and cannot be renewed). */
async function logIn(conn: Connection, auth: Auth, retrying: <T>(fn: () => Promise<T>) => Promise<T>): Promise<void> {
  if ('accessToken' in auth) return
  if (!('username' in auth)) {
    await retrying(() => conn.authorize({ grant_type: 'client_credentials' }))
    return
  }
  // Without an OAuth client jsforce falls back to the SOAP partner login (retired in API 65.0).
  if (auth.clientId !== undefined && auth.clientSecret !== undefined) await retrying(() => conn.loginByOAuth2(auth.username, auth.password))
  else await retrying(() => conn.loginBySoap(auth.username, auth.password))
}

function secretsOf(auth: Auth, conn: Connection | undefined): string[] {
  const values = ['accessToken' in auth ? auth.accessToken : undefined, 'password' in auth ? auth.password : undefined, 'clientSecret' in auth ? auth.clientSecret : undefined]
  return [...values, conn?.accessToken ?? undefined].filter((s): s is string => typeof s === 'string')
}

/** Retries of a non-idempotent call: 429 and the concurrency limit were refused unapplied, a refused connection never arrived. */
function classifyOnce(error: unknown): RetryDecision {
  const refused = error instanceof SalesforceHttpError && (error.status === 429 || error.errorCode === 'REQUEST_LIMIT_EXCEEDED')
  return refused || neverSent(error) ? classifySalesforceError(error) : { retry: false }
}

/** A failure after which Salesforce may have applied the call: a 5xx, a reset, a timeout. */
function answerMayBeLost(error: unknown): boolean {
  if (error instanceof SalesforceHttpError) return error.status >= 500
  return classifySalesforceError(error).retry && !neverSent(error)
}

/** Creates the session; nothing is sent until the first call. */
export function createSalesforceSession(config: SessionConfig, deps: SessionDeps): SalesforceSession {
  let calls = 0
  let usage: { used: number; limit: number } | undefined
  let conn: Connection | undefined
  let login: Promise<void> | undefined
  let ready = false
  const hooks: TransportHooks = {
    limiter: deps.limiter,
    now: deps.now,
    timeoutMs: deps.timeoutMs,
    onCall: () => void calls++,
    onLimitInfo: (used, limit) => void (usage = { used, limit }),
  }
  const retrying = <T>(fn: () => Promise<T>, classify = classifySalesforceError): Promise<T> => withRetry(fn, classify, deps.retry, deps)

  async function ensure(fresh: boolean): Promise<Connection> {
    const current = (conn ??= connect(config, hooks))
    if (ready && !fresh) return current
    // Concurrent callers share one login.
    login ??= logIn(current, config.auth, retrying)
      .then(() => void (ready = true))
      .finally(() => (login = undefined))
    await login
    return current
  }

  return {
    async call(what, fn, options = {}) {
      const once = options.idempotent === false
      const classify = once ? classifyOnce : classifySalesforceError
      try {
        const c = await ensure(false)
        try {
          return await retrying(() => fn(c), classify)
        } catch (error) {
          if (!isInvalidSession(error) || 'accessToken' in config.auth) throw error
          await ensure(true)
          return await retrying(() => fn(c), classify)
        }
      } catch (error) {
        const final = toConnectorError(error, what, secretsOf(config.auth, conn))
        throw once && answerMayBeLost(error) ? new AnswerLost(what, final) : final
      }
    },
    maxAttempts: deps.retry.maxAttempts,
    backoff: (n) => deps.sleep(backoffDelay(n, deps.retry, deps.random)),
    calls: () => calls,
    apiUsage: () => usage,
    secrets: () => secretsOf(config.auth, conn),
  }
}
