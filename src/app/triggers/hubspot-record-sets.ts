import type { RecordSet } from '../sync/run-records.js'

/** HubSpot's object names by the prefix of a classic subscription type (`contact.creation`). */
const byPrefix: Readonly<Record<string, string>> = { contact: 'contacts', company: 'companies', deal: 'deals', ticket: 'tickets' }
/** And by object type id, for the newer `object.*` subscriptions. */
const byTypeId: Readonly<Record<string, string>> = { '0-1': 'contacts', '0-2': 'companies', '0-3': 'deals', '0-5': 'tickets' }

/** What a HubSpot delivery asks for, or why it cannot be read. */
export type HubSpotDelivery = { readonly ok: true; readonly sets: RecordSet[]; readonly events: number } | { readonly ok: false; readonly error: string }

function idsOf(event: Record<string, unknown>): string[] {
  const ids = [event.objectId, event.primaryObjectId, ...(Array.isArray(event.mergedObjectIds) ? event.mergedObjectIds : [])]
  return ids.filter((id) => typeof id === 'number' || (typeof id === 'string' && id !== '')).map(String)
}

/**
 * The records a HubSpot webhook delivery names, one set per object, each id once. Only ids are
 * kept: the event's property value may be older than the record by the time it arrives (HubSpot
 * retries, and does not keep order), so the run reads each record fresh.
 */
export function hubspotRecordSets(body: string, system: string): HubSpotDelivery {
  let events: unknown
  try {
    events = JSON.parse(body)
  } catch {
    return { ok: false, error: 'body is not JSON: HubSpot sends a JSON array of events' }
  }
  if (!Array.isArray(events)) return { ok: false, error: 'body is not a JSON array: HubSpot sends a JSON array of events' }
  const ids = new Map<string, Set<string>>()
  for (const [index, event] of events.entries()) {
    if (event === null || typeof event !== 'object') return { ok: false, error: `event ${index} is not an object` }
    const e = event as Record<string, unknown>
    const type = typeof e.subscriptionType === 'string' ? e.subscriptionType : ''
    const prefix = type.split('.')[0] ?? ''
    const object = prefix === 'object' ? byTypeId[String(e.objectTypeId)] : byPrefix[prefix]
    // Events of objects revsync does not sync (a deal, an app install) are acknowledged and left.
    if (!object) continue
    const set = ids.get(object) ?? new Set<string>()
    for (const id of idsOf(e)) set.add(id)
    ids.set(object, set)
  }
  return { ok: true, events: events.length, sets: [...ids].filter(([, set]) => set.size > 0).map(([object, set]) => ({ system, object, ids: [...set] })) }
}
