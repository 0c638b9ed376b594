/**
 * Spaces calls so that no more than `perSecond` start in any one second, shared by every
 * caller of one system. Waiting callers are served in order.
 */
export interface RateLimiter {
  /** Resolves when the caller may start its call. */
  take(): Promise<void>
}

export interface RateLimiterDeps {
  readonly now: () => number
  readonly sleep: (ms: number) => Promise<void>
}

/** A limiter that never waits, for systems with no configured rate. */
export const unlimited: RateLimiter = { take: () => Promise.resolve() }

/** Creates a limiter that allows `perSecond` call starts a second, evenly spaced. */
export function createRateLimiter(perSecond: number, deps: RateLimiterDeps): RateLimiter {
  if (!(perSecond > 0)) return unlimited
  const spacingMs = 1000 / perSecond
  let nextSlot = 0
  return {
    async take() {
      const now = deps.now()
      const slot = Math.max(now, nextSlot)
      nextSlot = slot + spacingMs
      if (slot > now) await deps.sleep(slot - now)
    },
  }
}
