import type { Logger } from '../logger.js'
import type { RecordSet } from '../sync/run-records.js'
import { hubspotRecordSets } from './hubspot-record-sets.js'
import type { IncomingRequest } from './incoming-request.js'
import { sugarRecordSet } from './sugar-record-set.js'
import { verifyHubSpotSignature } from './verify-hubspot-signature.js'
import { verifySugarHook } from './verify-sugar-hook.js'

/**
 * What a webhook route answers: 204 with the record sets to queue (answered before any sync
 * runs, since HubSpot gives up on a request after a few seconds and retries it), or a refusal.
 */
export type Acceptance = { readonly status: 204; readonly sets: readonly RecordSet[] } | { readonly status: 400 | 401; readonly reason: string }

/** What accepting a delivery needs: which configured system it is for, its secret, a clock, a logger. */
export interface AcceptDeps {
  /** The system's name in `revsync.yaml`. */
  readonly system: string
  /** HubSpot: the app's client secret; Sugar: the shared secret in the hook's URL or header. */
  readonly secret: string
  readonly now: () => Date
  readonly logger: Logger
}

function refuse(deps: AcceptDeps, vendor: string, status: 400 | 401, reason: string): Acceptance {
  // The reason names what was wrong, never the secret or the signature we computed.
  deps.logger.warn(`${vendor} webhook refused: ${reason}`, { system: deps.system, status })
  return { status, reason }
}

/** Checks a HubSpot webhook delivery's v3 signature and reads the records it names. */
export function acceptHubSpotDelivery(request: IncomingRequest, deps: AcceptDeps): Acceptance {
  const verdict = verifyHubSpotSignature(request, deps.secret, deps.now())
  if (!verdict.ok) return refuse(deps, 'HubSpot', 401, verdict.reason)
  const delivery = hubspotRecordSets(request.body, deps.system)
  if (!delivery.ok) return refuse(deps, 'HubSpot', 400, delivery.error)
  deps.logger.info('HubSpot webhook accepted', { system: deps.system, events: delivery.events, records: delivery.sets.reduce((n, s) => n + s.ids.length, 0) })
  return { status: 204, sets: delivery.sets }
}

/** Checks a SugarCRM web logic hook's shared secret and reads the record it names. */
export function acceptSugarHook(request: IncomingRequest, deps: AcceptDeps): Acceptance {
  const verdict = verifySugarHook(request, deps.secret)
  if (!verdict.ok) return refuse(deps, 'SugarCRM', 401, verdict.reason)
  const hook = sugarRecordSet(request.body, deps.system)
  if (!hook.ok) return refuse(deps, 'SugarCRM', 400, hook.error)
  deps.logger.info('SugarCRM web logic hook accepted', { system: deps.system, object: hook.set.object })
  return { status: 204, sets: [hook.set] }
}
