import type { SugarCrmSystemConfig } from '../../domain/config/system-config.js'
import { createHttpClient } from '../kit/http-client.js'
import type { HttpRequest } from '../kit/http-client.js'
import { createRateLimiter, unlimited } from '../kit/rate-limiter.js'
import { backoffDelay, defaultRetryPolicy, realSleep } from '../kit/retry.js'
import { createSugarSession } from './auth.js'

/** Test seams: retries wait on `sleep`, jitter comes from `random`, the rate limiter reads `now`. */
export interface SugarCrmDeps {
  readonly sleep?: (ms: number) => Promise<void>
  readonly random?: () => number
  readonly now?: () => number
}

/** An authenticated JSON client of one Sugar instance. */
export interface SugarClient {
  request<T>(req: HttpRequest): Promise<T>
  /** Calls made, token grants included. */
  calls(): number
  /** Waits before attempt `n + 1` of work the API refused as transient (full-jitter backoff). */
  backoff(n: number): Promise<void>
  secrets(): string[]
}

/** The instance root: `https://acme.sugarondemand.com` also when given with `/rest/v11`. */
export function instanceRoot(url: string): string {
  return url.replace(/\/+$/, '').replace(/\/rest\/v\d+(?:_\d+)?$/, '')
}

/** Creates the client; it logs in on the first call. */
export function createSugarClient(config: SugarCrmSystemConfig, deps: SugarCrmDeps = {}): SugarClient {
  const sleep = deps.sleep ?? realSleep
  const random = deps.random ?? Math.random
  const limiter = config.requestsPerSecond ? createRateLimiter(config.requestsPerSecond, { now: deps.now ?? Date.now, sleep }) : unlimited
  const baseUrl = instanceRoot(config.url)
  // The session's secrets are read lazily, so the token client can redact tokens issued later.
  let secrets: () => string[] = () => [config.auth.password, config.auth.clientSecret]
  const timeoutMs = (config.timeoutSeconds ?? 60) * 1000
  const tokenClient = createHttpClient({ baseUrl, headers: () => ({}), secrets: () => secrets(), limiter, sleep, random, timeoutMs })
  const session = createSugarSession(config.auth, tokenClient)
  secrets = () => session.secrets()
  let apiCalls = 0
  return {
    async request<T>(req: HttpRequest): Promise<T> {
      await session.ensure()
      // One small client per call, so a 401 names the token that call actually sent.
      let sent: string | undefined
      const api = createHttpClient({
        baseUrl,
        headers: (): Record<string, string> => {
          sent = session.token()
          return sent === undefined ? {} : { 'OAuth-Token': sent }
        },
        secrets: () => session.secrets(),
        limiter,
        sleep,
        random,
        timeoutMs,
        onUnauthorized: () => session.renew(sent),
      })
      try {
        return await api.request<T>(req)
      } finally {
        apiCalls += api.calls()
      }
    },
    calls: () => apiCalls + tokenClient.calls(),
    backoff: (n) => sleep(backoffDelay(n, defaultRetryPolicy, random)),
    secrets: () => session.secrets(),
  }
}
