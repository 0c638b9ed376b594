/** A per-key token bucket: `burst` requests at once, refilled at `perSecond`. */
export interface RateLimit {
  /** Takes one request for `key`; the seconds to wait when none is left. */
  take(key: string): { ok: true } | { ok: false; retryAfter: number }
}

/** What a rate limit needs; the clock is injected (tests fix it). */
export interface RateLimitDeps {
  readonly burst: number
  readonly perSecond: number
  readonly now: () => number
}

/**
 * One bucket per token: a script looping on the API slows itself down instead of starving
 * the worker and the other callers of the one process.
 */
export function createRateLimit(deps: RateLimitDeps): RateLimit {
  const buckets = new Map<string, { tokens: number; at: number }>()
  return {
    take(key) {
      const now = deps.now()
      const bucket = buckets.get(key) ?? { tokens: deps.burst, at: now }
      bucket.tokens = Math.min(deps.burst, bucket.tokens + ((now - bucket.at) / 1000) * deps.perSecond)
      bucket.at = now
      buckets.set(key, bucket)
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1
        return { ok: true }
      }
      return { ok: false, retryAfter: Math.max(1, Math.ceil((1 - bucket.tokens) / deps.perSecond)) }
    },
  }
}
