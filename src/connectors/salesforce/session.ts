import jsforce from 'jsforce'
import type { Connection } from 'jsforce'
import type { SalesforceSystemConfig } from '../../domain/config/system-config.js'
import type { RateLimiter } from '../kit/rate-limiter.js'
import { withRetry } from '../kit/retry.js'
import type { RetryPolicy } from '../kit/retry.js'
import { classifySalesforceError, isInvalidSession, toConnectorError } from './errors.js'
import { instrumentTransport } from './transport.js'
import type { TransportHooks, TransportLike } from './transport.js'

/** An authenticated jsforce connection with our retries, rate limit, call counts and re-login. */
export interface SalesforceSession {
  /** Runs one API call: logs in first if needed, retries transient faults, logs in again once on INVALID_SESSION_ID. */
  call<T>(what: string, fn: (conn: Connection) => Promise<T>): Promise<T>
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
type Internals = { _transport: TransportLike; _refreshDelegate: unknown; oauth2: { _transport: TransportLike } }

/** A jsforce connection for the configured auth shape, every HTTP call passing through our hooks. */
function connect(config: SalesforceSystemConfig, hooks: TransportHooks): Connection {
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

/** Creates the session; nothing is sent until the first call. */
export function createSalesforceSession(config: SalesforceSystemConfig, deps: SessionDeps): SalesforceSession {
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
  const retrying = <T>(fn: () => Promise<T>): Promise<T> => withRetry(fn, classifySalesforceError, deps.retry, deps)

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
    async call(what, fn) {
      try {
        const c = await ensure(false)
        try {
          return await retrying(() => fn(c))
        } catch (error) {
          if (!isInvalidSession(error) || 'accessToken' in config.auth) throw error
          await ensure(true)
          return await retrying(() => fn(c))
        }
      } catch (error) {
        throw toConnectorError(error, what, secretsOf(config.auth, conn))
      }
    },
    calls: () => calls,
    apiUsage: () => usage,
    secrets: () => secretsOf(config.auth, conn),
  }
}
