/** One attempt's request as the vendor signs it. */
export interface OutgoingRequest {
  readonly method: 'POST'
  readonly url: string
  readonly body: string
  /** The attempt's send time in epoch ms (already moved by any configured lag). */
  readonly timestamp: number
}

/** One attempt made, for tests to inspect. */
export interface DeliveryAttempt {
  readonly delivery: number
  readonly attempt: number
  /** The HTTP status answered, or 0 when the connection failed. */
  readonly status: number
}

/** What a sender needs: the vendor's clock, how it signs, and how it retries. */
export interface WebhookSenderDeps {
  readonly now: () => number
  /** Headers of one attempt: content type, signatures, timestamps. */
  readonly headers: (request: OutgoingRequest) => Record<string, string>
  /**
   * Pauses before each retry, in ms; the vendor's schedule compressed so tests finish (HubSpot
   * retries up to 10 times over 24 hours). Their count is how many retries a delivery gets.
   */
  readonly retryDelaysMs?: readonly number[]
}

/** What a test may do to the next delivery instead of sending it once. */
export type DeliveryFate = 'drop' | 'duplicate'

interface Delivery {
  readonly id: number
  readonly url: string
  /** The body of an attempt (HubSpot writes the attempt number into it). */
  readonly body: (attempt: number) => string
}

/**
 * Sends a simulator's webhooks: POSTs each delivery to the configured target, signed per
 * attempt, giving up on an attempt after 5 s as HubSpot does, and retrying failures (a non-2xx
 * answer, a timeout or no connection) after the configured pauses.
 * Tests can drop or duplicate the next deliveries, hold deliveries and release them in reverse
 * order, lag the timestamps, and wait until nothing is left to send.
 */
export class WebhookSender {
  readonly attempts: DeliveryAttempt[] = []
  #target: string | undefined
  #fates: DeliveryFate[] = []
  #held: Delivery[] | undefined
  #lagMs = 0
  #next = 1
  #busy = 0
  #timers = new Set<NodeJS.Timeout>()
  #waiters: (() => void)[] = []
  #closed = false
  #retryDelaysMs: readonly number[]

  constructor(private readonly deps: WebhookSenderDeps) {
    this.#retryDelaysMs = deps.retryDelaysMs ?? [250, 500, 1000]
  }

  /** Replaces the pauses before retries; their count is how many retries a delivery gets. */
  retryDelays(ms: readonly number[]): void {
    this.#retryDelaysMs = ms
  }

  /** Sets (or with `undefined`, clears) the URL deliveries go to. */
  target(url: string | undefined): void {
    // Normalized as it goes on the wire (`http://host` is sent as `http://host/`), so the URI a
    // signature covers is the one the receiver sees.
    this.#target = url === undefined ? undefined : new URL(url).href
  }

  get configured(): boolean {
    return this.#target !== undefined
  }

  /** The next deliveries meet these fates, in order, instead of being sent once. */
  plan(...fates: DeliveryFate[]): void {
    this.#fates.push(...fates)
  }

  /** Stamps attempts this many ms in the past, as a delivery replayed late would be. */
  lag(ms: number): void {
    this.#lagMs = ms
  }

  /** Keeps deliveries back until `release`. */
  hold(): void {
    this.#held ??= []
  }

  /** Sends what was held, in the order made or reversed (out-of-order deliveries). */
  release(options: { reverse?: boolean } = {}): void {
    const held = this.#held ?? []
    this.#held = undefined
    for (const delivery of options.reverse ? [...held].reverse() : held) this.#dispatch(delivery)
  }

  /** Queues a delivery; `body` renders it for an attempt number (0 first). */
  send(body: (attempt: number) => string): void {
    if (!this.#target || this.#closed) return
    const delivery: Delivery = { id: this.#next++, url: this.#target, body }
    if (this.#held) this.#held.push(delivery)
    else this.#dispatch(delivery)
  }

  /** Resolves once nothing is being sent or waiting for a retry (held deliveries do not count). */
  idle(): Promise<void> {
    if (this.#busy === 0) return Promise.resolve()
    return new Promise((resolve) => this.#waiters.push(resolve))
  }

  /** Stops retries and refuses further deliveries. */
  close(): void {
    this.#closed = true
    for (const timer of this.#timers) clearTimeout(timer)
    this.#timers.clear()
    this.#busy = 0
    this.#settle()
  }

  #dispatch(delivery: Delivery): void {
    const fate = this.#fates.shift()
    if (fate === 'drop') return
    this.#attempt(delivery, 0)
    if (fate === 'duplicate') this.#attempt(delivery, 0)
  }

  #attempt(delivery: Delivery, attempt: number): void {
    this.#busy++
    void this.#post(delivery, attempt).then((status) => {
      this.attempts.push({ delivery: delivery.id, attempt, status })
      const delay = this.#retryDelaysMs[attempt]
      if ((status < 200 || status >= 300) && delay !== undefined && !this.#closed) {
        const timer = setTimeout(() => {
          this.#timers.delete(timer)
          this.#busy--
          this.#attempt(delivery, attempt + 1)
        }, delay)
        this.#timers.add(timer)
        return
      }
      this.#busy = Math.max(0, this.#busy - 1)
      this.#settle()
    })
  }

  async #post(delivery: Delivery, attempt: number): Promise<number> {
    if (this.#closed) return 0
    const body = delivery.body(attempt)
    const headers = this.deps.headers({ method: 'POST', url: delivery.url, body, timestamp: this.deps.now() - this.#lagMs })
    try {
      const response = await fetch(delivery.url, { method: 'POST', headers, body, signal: AbortSignal.timeout(5_000) })
      await response.arrayBuffer()
      return response.status
    } catch {
      return 0
    }
  }

  #settle(): void {
    if (this.#busy !== 0) return
    for (const resolve of this.#waiters.splice(0)) resolve()
  }
}
