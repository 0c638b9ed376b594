import type { Agent as HttpAgent } from 'node:http'
import { Client } from '@hubspot/api-client'
import { AnswerLost } from '../kit/create-once.js'
import { createRateLimiter, unlimited } from '../kit/rate-limiter.js'
import type { RateLimiter } from '../kit/rate-limiter.js'
import { backoffDelay, defaultRetryPolicy, realSleep, withRetry } from '../kit/retry.js'
import type { RetryPolicy } from '../kit/retry.js'
import { apiFailure, classifyHubSpotError, translateError } from './errors.js'
import { sendThrough, timedAgent } from './timed-agent.js'

/** Collaborators a test can replace: time, randomness and the retry policy. */
export interface HubSpotConnectorDeps {
  readonly sleep?: (ms: number) => Promise<void>
  readonly random?: () => number
  readonly now?: () => number
  readonly retry?: RetryPolicy
}

/** The parts of the official client revsync uses. */
export type HubSpotSdk = ReturnType<typeof buildSdk>

function buildSdk(client: Client, agent: HttpAgent) {
  // The client applies its retry and limiter decorators through a process-wide singleton when
  // an API object is first built. Building them all now, right after our client configured
  // none, keeps another client's settings from leaking into ours.
  const crm = client.crm
  const objects = crm.objects
  // The objects' basic, batch and search APIs share one configuration; each is set anyway.
  for (const api of [objects.basicApi, objects.batchApi, objects.searchApi]) sendThrough(api, agent)
  return {
    objects,
    owners: sendThrough(crm.owners.ownersApi, agent),
    properties: sendThrough(crm.properties.coreApi, agent),
    associations: sendThrough(crm.associations.v4.batchApi, agent),
  }
}

/** A HubSpot API handle: the official client behind revsync's limiter, retries and call counter. */
export interface HubSpotApi {
  /**
   * Runs one API call (retried as a whole); `what` names it in errors. A call that is not
   * `idempotent` (a create) is retried only after a 429 or a refused connection, and throws
   * `AnswerLost` after a reset, a timeout or a 5xx, so the caller can look first.
   */
  call<T>(what: string, fn: (sdk: HubSpotSdk) => Promise<T>, options?: CallOptions): Promise<T>
  calls(): number
  readonly secrets: readonly string[]
  /** Sends of one call at most, the first included (the retry policy's). */
  readonly maxAttempts: number
  /** Waits before attempt `n + 1` of work sent again outside `call` (full-jitter backoff). */
  backoff(n: number): Promise<void>
}

/** How one call is made. */
export interface CallOptions {
  /** Counts against HubSpot's stricter search limit. */
  readonly search?: boolean
  /** `false` for a call that must not be sent twice blindly. */
  readonly idempotent?: boolean
}

/** Where and as whom the API handle calls, and at what pace. */
export interface HubSpotApiOptions {
  readonly url: string
  readonly token: string
  readonly requestsPerSecond?: number
  /** How long a call may go unanswered before it is abandoned and retried; 60 s by default. */
  readonly timeoutMs?: number
}

/** True when a failure proves the call never reached HubSpot: the connection was refused. */
function neverSent(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'ECONNREFUSED'
}

/** Retries of a non-idempotent call: only answers that prove it was not applied. */
function classifyOnce(error: unknown, nowMs: number) {
  const failure = apiFailure(error)
  if (failure?.status === 429 || neverSent(error)) return classifyHubSpotError(error, nowMs)
  return { retry: false } as const
}

/** A failure after which HubSpot may have applied the call: a 5xx, a reset, a timeout. */
function answerMayBeLost(error: unknown): boolean {
  const failure = apiFailure(error)
  if (failure) return failure.status >= 500
  return classifyHubSpotError(error, 0).retry && !neverSent(error)
}


/** True for HubSpot's own API hosts, where its published pacing and search-index lag apply. */
function isHubSpotCloud(url: string): boolean {
  return /(^|\.)hubapi\.com$/i.test(new URL(url).hostname)
}

/**
 * HubSpot's published pacing applies on its cloud: about 9 calls a second for a private app
 * and fewer for search. Elsewhere (a simulator, a proxy) only a configured rate applies.
 */
function limiters(options: HubSpotApiOptions, deps: { now: () => number; sleep: (ms: number) => Promise<void> }): { general: RateLimiter; search: RateLimiter } {
  const cloud = isHubSpotCloud(options.url)
  const perSecond = options.requestsPerSecond ?? (cloud ? 9 : undefined)
  return {
    general: perSecond === undefined ? unlimited : createRateLimiter(perSecond, deps),
    search: cloud ? createRateLimiter(Math.min(4, perSecond ?? 4), deps) : unlimited,
  }
}

/** Creates the API handle; the official client's own retries are off so `withRetry` decides. */
export function createHubSpotApi(options: HubSpotApiOptions, deps: HubSpotConnectorDeps = {}): HubSpotApi {
  const sleep = deps.sleep ?? realSleep
  const random = deps.random ?? Math.random
  const now = deps.now ?? Date.now
  const basePath = options.url.replace(/\/+$/, '')
  const httpAgent = timedAgent(basePath, options.timeoutMs ?? 60_000)
  const client = new Client({ accessToken: options.token, basePath, numberOfApiCallRetries: 0, httpAgent })
  const sdk = buildSdk(client, httpAgent)
  const limit = limiters(options, { now, sleep })
  const secrets = [options.token]
  let calls = 0

  async function call<T>(what: string, fn: (s: HubSpotSdk) => Promise<T>, callOptions: CallOptions = {}): Promise<T> {
    const attempt = async (): Promise<T> => {
      if (callOptions.search) await limit.search.take()
      await limit.general.take()
      calls++
      return fn(sdk)
    }
    const once = callOptions.idempotent === false
    try {
      return await withRetry(attempt, (e) => (once ? classifyOnce(e, now()) : classifyHubSpotError(e, now())), deps.retry ?? defaultRetryPolicy, { sleep, random })
    } catch (error) {
      if (once && answerMayBeLost(error)) throw new AnswerLost(what, translateError(error, what, secrets))
      throw translateError(error, what, secrets)
    }
  }

  const policy = deps.retry ?? defaultRetryPolicy
  return { call, calls: () => calls, secrets, maxAttempts: policy.maxAttempts, backoff: (n) => sleep(backoffDelay(n, policy, random)) }
}
