/** What to do after a failed attempt. */
export type RetryDecision =
  | { readonly retry: false }
  | { readonly retry: true; /** Server-given wait (Retry-After), which overrides backoff. */ readonly afterMs?: number }

export interface RetryPolicy {
  /** Total attempts, the first included. */
  readonly maxAttempts: number
  readonly baseDelayMs: number
  readonly maxDelayMs: number
  /** Longest server-requested wait honoured; a longer one is treated as a stop. */
  readonly maxRetryAfterMs: number
}

export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 6,
  baseDelayMs: 200,
  maxDelayMs: 10_000,
  maxRetryAfterMs: 60_000,
}

export interface RetryDeps {
  readonly sleep: (ms: number) => Promise<void>
  /** A number in [0, 1): the jitter source, injectable so tests are deterministic. */
  readonly random: () => number
}

/** Sleeps on the real timer; connectors get it by default, tests pass their own. */
export const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Runs `attempt` until it succeeds, `classify` says the error is final, or the attempts run
 * out; waits with full-jitter exponential backoff, or exactly as long as the server asked.
 */
export async function withRetry<T>(
  attempt: (n: number) => Promise<T>,
  classify: (error: unknown) => RetryDecision,
  policy: RetryPolicy,
  deps: RetryDeps,
): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt(n)
    } catch (error) {
      const decision = classify(error)
      if (!decision.retry || n >= policy.maxAttempts) throw error
      if (decision.afterMs !== undefined && decision.afterMs > policy.maxRetryAfterMs) throw error
      await deps.sleep(decision.afterMs ?? backoffDelay(n, policy, deps.random))
    }
  }
}

/** Full jitter: a uniform wait up to the exponential ceiling, so retrying clients spread out. */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1))
  return Math.round(ceiling * random())
}

/** Parses a Retry-After header (seconds or an HTTP date) into milliseconds. */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (value == null || value === '') return undefined
  const seconds = Number(value)
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000)
  const at = Date.parse(value)
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs)
}
