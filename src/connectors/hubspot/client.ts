import { Agent as HttpAgent } from 'node:http'
import { Agent as HttpsAgent } from 'node:https'
import { Client } from '@hubspot/api-client'
import { createRateLimiter, unlimited } from '../kit/rate-limiter.js'
import type { RateLimiter } from '../kit/rate-limiter.js'
import { defaultRetryPolicy, realSleep, withRetry } from '../kit/retry.js'
import type { RetryPolicy } from '../kit/retry.js'
import { classifyHubSpotError, translateError } from './errors.js'

/** Collaborators a test can replace: time, randomness and the retry policy. */
export interface HubSpotConnectorDeps {
  readonly sleep?: (ms: number) => Promise<void>
  readonly random?: () => number
  readonly now?: () => number
  readonly retry?: RetryPolicy
}

/** The parts of the official client revsync uses. */
export type HubSpotSdk = ReturnType<typeof buildSdk>

function buildSdk(client: Client) {
  // The client applies its retry and limiter decorators through a process-wide singleton when
  // an API object is first built. Building them all now, right after our client configured
  // none, keeps another client's settings from leaking into ours.
  const crm = client.crm
  return {
    objects: crm.objects,
    owners: crm.owners.ownersApi,
    properties: crm.properties.coreApi,
    associations: crm.associations.v4.batchApi,
  }
}

/** A HubSpot API handle: the official client behind revsync's limiter, retries and call counter. */
export interface HubSpotApi {
  /** Runs one API call (retried as a whole); `what` names it in errors. */
  call<T>(what: string, fn: (sdk: HubSpotSdk) => Promise<T>, options?: { readonly search?: boolean }): Promise<T>
  calls(): number
  readonly secrets: readonly string[]
}

/** Where and as whom the API handle calls, and at what pace. */
export interface HubSpotApiOptions {
  readonly url: string
  readonly token: string
  readonly requestsPerSecond?: number
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
  const httpAgent = basePath.startsWith('https:') ? new HttpsAgent({ keepAlive: true }) : new HttpAgent({ keepAlive: true })
  const client = new Client({ accessToken: options.token, basePath, numberOfApiCallRetries: 0, httpAgent })
  const sdk = buildSdk(client)
  const limit = limiters(options, { now, sleep })
  const secrets = [options.token]
  let calls = 0

  async function call<T>(what: string, fn: (s: HubSpotSdk) => Promise<T>, callOptions: { readonly search?: boolean } = {}): Promise<T> {
    const attempt = async (): Promise<T> => {
      if (callOptions.search) await limit.search.take()
      await limit.general.take()
      calls++
      return fn(sdk)
    }
    try {
      return await withRetry(attempt, (e) => classifyHubSpotError(e, now()), deps.retry ?? defaultRetryPolicy, { sleep, random })
    } catch (error) {
      throw translateError(error, what, secrets)
    }
  }

  return { call, calls: () => calls, secrets }
}
