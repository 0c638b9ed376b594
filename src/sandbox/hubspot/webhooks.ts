import { createHash, createHmac } from 'node:crypto'
import { WebhookSender } from '../kit/webhook-sender.js'
import type { HubSpotState, RecordChange } from './state.js'

/** How a test (or `startHubSpotSim`) subscribes an app to the portal's record changes. */
export interface HubSpotWebhookSettings {
  /** Where deliveries go: the app's target URL. */
  readonly targetUrl: string
  /** The app's client secret, which signs every delivery. */
  readonly appSecret: string
  readonly appId?: number
  /** Properties whose changes are subscribed; every property when absent. */
  readonly properties?: readonly string[]
  /** Pauses before retries (ms); a compressed HubSpot schedule by default. */
  readonly retryDelaysMs?: readonly number[]
}

/** HubSpot sends at most this many events in one request. */
const EVENTS_PER_REQUEST = 100

const singular = { contacts: 'contact', companies: 'company' } as const

/**
 * The simulator's webhooks: record changes become v3-style events (`contact.creation`,
 * `contact.propertyChange`, `contact.deletion`, the same for companies), gathered into
 * requests of up to 100 events as HubSpot batches them, signed with
 * `X-HubSpot-Signature-v3` and `X-HubSpot-Request-Timestamp`, and retried on failure.
 */
export class HubSpotWebhooks {
  readonly sender: WebhookSender
  #settings: HubSpotWebhookSettings | undefined
  #pending: Record<string, unknown>[] = []
  #flushing = false
  #eventId = 1_000
  #subscriptions = new Map<string, number>()

  constructor(private readonly state: HubSpotState) {
    this.sender = new WebhookSender({
      now: () => state.now(),
      headers: (request) => this.#headers(request.method, request.url, request.body, request.timestamp),
    })
  }

  /** Subscribes (or with `undefined`, unsubscribes) the app; every later change is delivered. */
  configure(settings: HubSpotWebhookSettings | undefined): void {
    this.#settings = settings
    this.sender.target(settings?.targetUrl)
    this.state.changes.listener = settings ? (change) => this.#enqueue(change) : undefined
    if (settings?.retryDelaysMs) this.sender.retryDelays(settings.retryDelaysMs)
  }

  /** Resolves once every change so far was delivered, refused for good, or dropped (held ones aside). */
  async idle(): Promise<void> {
    if (this.#flushing) await new Promise((resolve) => setImmediate(resolve))
    await this.sender.idle()
  }

  #enqueue(change: RecordChange): void {
    const settings = this.#settings
    if (!settings) return
    if (change.kind === 'propertyChange' && settings.properties && !settings.properties.includes(change.propertyName ?? '')) return
    const subscriptionType = `${singular[change.object]}.${change.kind}`
    const subscriptionKey = `${subscriptionType}/${change.propertyName ?? ''}`
    const subscriptionId = this.#subscriptions.get(subscriptionKey) ?? 2_000_000 + this.#subscriptions.size
    this.#subscriptions.set(subscriptionKey, subscriptionId)
    this.#pending.push({
      eventId: this.#eventId++,
      subscriptionId,
      portalId: this.state.portalId,
      appId: settings.appId ?? 3_100_000,
      occurredAt: change.at,
      subscriptionType,
      objectId: Number(change.id),
      ...(change.kind === 'propertyChange' ? { propertyName: change.propertyName, propertyValue: change.propertyValue ?? '' } : {}),
      ...(change.kind === 'creation' ? { changeFlag: 'CREATED' } : {}),
      ...(change.kind === 'deletion' ? { changeFlag: 'DELETED' } : {}),
      changeSource: 'API',
    })
    // Changes made by one API call travel together, as HubSpot gathers events before sending.
    if (!this.#flushing) {
      this.#flushing = true
      setImmediate(() => this.#flush())
    }
  }

  #flush(): void {
    this.#flushing = false
    const events = this.#pending
    this.#pending = []
    for (let start = 0; start < events.length; start += EVENTS_PER_REQUEST) {
      const chunk = events.slice(start, start + EVENTS_PER_REQUEST)
      this.sender.send((attempt) => JSON.stringify(chunk.map((event) => ({ ...event, attemptNumber: attempt }))))
    }
  }

  #headers(method: string, url: string, body: string, timestamp: number): Record<string, string> {
    const secret = this.#settings?.appSecret ?? ''
    return {
      'content-type': 'application/json',
      'x-hubspot-signature-v3': hubspotSignatureV3(secret, method, url, body, timestamp),
      'x-hubspot-request-timestamp': String(timestamp),
      // v1, still sent for older receivers: hex SHA-256 of secret + body.
      'x-hubspot-signature': createHash('sha256').update(secret + body).digest('hex'),
      'x-hubspot-signature-version': 'v1',
    }
  }
}

/** HubSpot's v3 signature: base64 HMAC-SHA256, keyed with the app secret, of method + URI + body + timestamp. */
export function hubspotSignatureV3(secret: string, method: string, uri: string, body: string, timestamp: number | string): string {
  return createHmac('sha256', secret).update(`${method}${uri}${body}${String(timestamp)}`, 'utf8').digest('base64')
}
