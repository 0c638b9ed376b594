import { headerOf, refused } from './incoming-request.js'
import type { IncomingRequest, Verdict } from './incoming-request.js'
import { sameSecret } from './same-secret.js'

/** The header a Sugar hook's shared secret travels in, when the sender can set headers. */
export const SUGAR_SECRET_HEADER = 'X-Revsync-Hook-Secret'

/**
 * Checks a SugarCRM web logic hook by a shared secret of our choosing (Sugar signs nothing):
 * in the `X-Revsync-Hook-Secret` header, or, since Sugar's stock web logic hooks send no
 * custom header, in the hook URL's `secret` query parameter. Compared in constant time.
 */
export function verifySugarHook(request: IncomingRequest, secret: string): Verdict {
  let given = headerOf(request, SUGAR_SECRET_HEADER)
  if (given === undefined) {
    try {
      given = new URL(request.url).searchParams.get('secret') ?? undefined
    } catch {
      return refused(`the request URL "${request.url.split('?')[0] ?? ''}" is not absolute`)
    }
  }
  if (given === undefined) return refused(`missing ${SUGAR_SECRET_HEADER} header and ?secret= parameter: add the secret to the web logic hook's URL`)
  if (!sameSecret(given, secret)) return refused(`${SUGAR_SECRET_HEADER} (or ?secret=) does not match the secret in the config`)
  return { ok: true }
}
