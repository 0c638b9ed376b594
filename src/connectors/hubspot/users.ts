import type { RemoteUser } from '../../domain/records.js'
import type { HubSpotApi } from './client.js'

/** The owners API pages up to 500 owners. */
const ownersPageSize = 500

async function ownerPages(api: HubSpotApi, archived: boolean): Promise<RemoteUser[]> {
  const out: RemoteUser[] = []
  let after: string | undefined
  do {
    const res = await api.call(`list ${archived ? 'archived ' : ''}owners`, (sdk) => sdk.owners.getPage(undefined, after, ownersPageSize, archived))
    for (const o of res.results) {
      out.push({ id: o.id, email: o.email ?? null, firstName: o.firstName ?? null, lastName: o.lastName ?? null, active: !archived })
    }
    after = res.paging?.next?.after
  } while (after !== undefined)
  return out
}

/**
 * Every owner: active ones, then the archived ones (deactivated users) with `active: false`.
 * Owner ids are what `hubspot_owner_id` holds.
 */
export async function listUsers(api: HubSpotApi): Promise<RemoteUser[]> {
  const active = await ownerPages(api, false)
  const known = new Set(active.map((u) => u.id))
  const archived = (await ownerPages(api, true)).filter((u) => !known.has(u.id))
  return [...active, ...archived]
}
