/** The HubSpot rate-limit policy a call ran into. */
export type LimitPolicy = 'DAILY' | 'TEN_SECONDLY_ROLLING'

/** API usage of the portal: a daily budget and a rolling ten-second window. */
export interface Usage {
  /** Counts one call at `nowMs`; answers the policy that refuses it, if one does. */
  take(nowMs: number): LimitPolicy | undefined
  /** Seconds until the ten-second window lets another call through. */
  retryAfterSeconds(nowMs: number): number
  /** The `X-HubSpot-RateLimit-*` headers HubSpot sends on (non-search) answers. */
  headers(): Record<string, string>
}

const windowMs = 10_000
const defaultDaily = 1_000_000
// HubSpot's ten-second allowance for a private app on a Professional portal.
const defaultTenSecondly = 190

/** Creates the counters; the ten-second window is enforced only when `tenSecondly` is set. */
export function createUsage(limits: { daily?: number; tenSecondly?: number }): Usage {
  const daily = limits.daily ?? defaultDaily
  const perWindow = limits.tenSecondly ?? defaultTenSecondly
  const enforceWindow = limits.tenSecondly !== undefined
  let used = 0
  const recent: number[] = []

  function prune(nowMs: number): void {
    while (recent.length > 0 && (recent[0] ?? 0) <= nowMs - windowMs) recent.shift()
  }

  return {
    take(nowMs) {
      prune(nowMs)
      if (used >= daily) return 'DAILY'
      if (enforceWindow && recent.length >= perWindow) return 'TEN_SECONDLY_ROLLING'
      used++
      recent.push(nowMs)
      return undefined
    },
    retryAfterSeconds(nowMs) {
      prune(nowMs)
      const oldest = recent[0]
      return oldest === undefined ? 0 : Math.max(1, Math.ceil((oldest + windowMs - nowMs) / 1000))
    },
    headers: () => ({
      'X-HubSpot-RateLimit-Daily': String(daily),
      'X-HubSpot-RateLimit-Daily-Remaining': String(Math.max(0, daily - used)),
      'X-HubSpot-RateLimit-Interval-Milliseconds': String(windowMs),
      'X-HubSpot-RateLimit-Max': String(perWindow),
      'X-HubSpot-RateLimit-Remaining': String(Math.max(0, perWindow - recent.length)),
    }),
  }
}
