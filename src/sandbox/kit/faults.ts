import type { SimResponse } from './sim-types.js'

/** Faults a test can inject into a simulator through its control API. */
export interface FaultSettings {
  /** Answer 429 on every Nth call (0 = never). */
  readonly rateLimitEvery: number
  /** Seconds sent in Retry-After with an injected 429. */
  readonly retryAfterSeconds: number
  /** Share of calls (0..1) answered 503. */
  readonly serverErrorRate: number
  /** Answer the next N calls with 503, then recover. */
  readonly serverErrorBurst: number
  /** Delay added to every call, in milliseconds. */
  readonly latencyMs: number
  /** Only calls of these route families are affected; empty = all. */
  readonly families: readonly string[]
}

export const noFaults: FaultSettings = {
  rateLimitEvery: 0,
  retryAfterSeconds: 0,
  serverErrorRate: 0,
  serverErrorBurst: 0,
  latencyMs: 0,
  families: [],
}

/** Decides, per call, whether to answer with an injected fault instead of the real handler. */
export interface FaultInjector {
  before(family: string): Promise<SimResponse | undefined>
  configure(patch: Partial<Record<keyof FaultSettings, unknown>>): void
  settings(): FaultSettings
}

/** A deterministic PRNG (mulberry32), so an injected error rate replays the same way. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * Creates an injector. `rateLimited` and `serverError` build the vendor's own error bodies,
 * so the faults look exactly like the real service's.
 */
export function createFaultInjector(vendor: {
  rateLimited: (retryAfterSeconds: number) => SimResponse
  serverError: () => SimResponse
}): FaultInjector {
  let current: FaultSettings = noFaults
  let counter = 0
  let burstLeft = 0
  const random = seededRandom(42)
  return {
    async before(family) {
      if (current.families.length > 0 && !current.families.includes(family)) return undefined
      counter++
      if (current.latencyMs > 0) await new Promise((r) => setTimeout(r, current.latencyMs))
      if (burstLeft > 0) {
        burstLeft--
        return vendor.serverError()
      }
      if (current.rateLimitEvery > 0 && counter % current.rateLimitEvery === 0) return vendor.rateLimited(current.retryAfterSeconds)
      if (current.serverErrorRate > 0 && random() < current.serverErrorRate) return vendor.serverError()
      return undefined
    },
    configure(patch) {
      const next = { ...current }
      for (const [key, value] of Object.entries(patch)) {
        if (!(key in noFaults)) throw new Error(`unknown fault setting "${key}"`)
        ;(next as Record<string, unknown>)[key] = value
      }
      current = next
      counter = 0
      burstLeft = current.serverErrorBurst
    },
    settings: () => current,
  }
}
