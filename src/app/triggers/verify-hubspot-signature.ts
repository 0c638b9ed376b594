import { createHmac } from 'node:crypto'
import { headerOf, refused } from './incoming-request.js'
import type { IncomingRequest, Verdict } from './incoming-request.js'
import { sameSecret } from './same-secret.js'

/** HubSpot refuses to be trusted on a request older than this; so do we. */
export const HUBSPOT_MAX_AGE_MS = 5 * 60 * 1000

/**
 * The characters HubSpot decodes in the URI before signing; any other escape is kept as sent.
 * (HubSpot's "Validating requests" page lists them.)
 */
const decoded: Readonly<Record<string, string>> = { '%3A': ':', '%2F': '/', '%3F': '?', '%40': '@', '%21': '!', '%24': '$', '%27': "'", '%28': '(', '%29': ')', '%2A': '*', '%2C': ',', '%3B': ';' }

function signedUri(url: string): string {
  return url.replace(/%(3A|2F|3F|40|21|24|27|28|29|2A|2C|3B)/gi, (escape) => decoded[escape.toUpperCase()] ?? escape)
}

/**
 * Checks a HubSpot webhook request by its v3 signature: `X-HubSpot-Signature-v3` must be the
 * base64 HMAC-SHA256, keyed with the app's client secret, of method + URI + raw body +
 * `X-HubSpot-Request-Timestamp`, compared in constant time; a timestamp more than five minutes
 * from `now` (a replay, or a badly skewed clock) is refused before the signature is computed.
 */
export function verifyHubSpotSignature(request: IncomingRequest, secret: string, now: Date): Verdict {
  const signature = headerOf(request, 'x-hubspot-signature-v3')
  const timestamp = headerOf(request, 'x-hubspot-request-timestamp')
  if (!signature || !timestamp) return refused('missing X-HubSpot-Signature-v3 or X-HubSpot-Request-Timestamp: only HubSpot v3-signed requests are taken')
  const at = Number(timestamp)
  if (!Number.isFinite(at)) return refused(`X-HubSpot-Request-Timestamp "${timestamp.slice(0, 40)}" is not epoch milliseconds`)
  const age = now.getTime() - at
  if (Math.abs(age) > HUBSPOT_MAX_AGE_MS) return refused(`stale request: X-HubSpot-Request-Timestamp is ${Math.round(age / 1000)} s from this server's clock (at most ${HUBSPOT_MAX_AGE_MS / 1000} s); a replay, or a clock to fix`)
  const expected = createHmac('sha256', secret).update(`${request.method.toUpperCase()}${signedUri(request.url)}${request.body}${timestamp}`, 'utf8').digest('base64')
  if (!sameSecret(signature, expected)) return refused('X-HubSpot-Signature-v3 does not match: check the app secret in the config and that the URL revsync rebuilds is the one HubSpot calls')
  return { ok: true }
}
