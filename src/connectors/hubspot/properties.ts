import { ConnectorError } from '../../domain/connector.js'
import type { HubSpotApi } from './client.js'

/** The objects this connector serves. */
export type HubSpotObject = 'contacts' | 'companies'

/** Checks an object name from the engine or config. */
export function hubSpotObject(object: string): HubSpotObject {
  if (object === 'contacts' || object === 'companies') return object
  throw new ConnectorError('hubspot', 'bad_request', `unknown object "${object}"; HubSpot objects are "contacts" and "companies"`)
}

/** One property as revsync needs it from the properties API. */
export interface PropertyInfo {
  readonly name: string
  readonly label: string
  readonly type: string
  readonly fieldType: string
  readonly options: readonly string[]
  readonly readOnly: boolean
  readonly hidden: boolean
  readonly unique: boolean
  readonly referencedObjectType?: string
}

/** The property holding an object's last modification time, the incremental cursor. */
export function modifiedProperty(object: HubSpotObject): string {
  return object === 'contacts' ? 'lastmodifieddate' : 'hs_lastmodifieddate'
}

/** Owner lookup on both objects. */
export const ownerProperty = 'hubspot_owner_id'

/**
 * Read-only mirrors HubSpot keeps of two associations: a contact's primary company and a
 * company's parent. Reading them costs nothing extra; writes go through the v4 associations API.
 */
export const mirrorProperty: Readonly<Record<HubSpotObject, { readonly ref: 'company' | 'parent'; readonly name: string }>> = {
  contacts: { ref: 'company', name: 'associatedcompanyid' },
  companies: { ref: 'parent', name: 'hs_parent_company_id' },
}

/** Caches each object's properties; `describe` refreshes them. */
export interface PropertyCache {
  get(object: HubSpotObject): Promise<readonly PropertyInfo[]>
  refresh(object: HubSpotObject): Promise<readonly PropertyInfo[]>
}

/** Creates the cache over the properties API. */
export function createPropertyCache(api: HubSpotApi): PropertyCache {
  const cache = new Map<HubSpotObject, Promise<readonly PropertyInfo[]>>()

  async function fetchAll(object: HubSpotObject): Promise<readonly PropertyInfo[]> {
    const res = await api.call(`read ${object} properties`, (sdk) => sdk.properties.getAll(object))
    return res.results.map((p) => ({
      name: p.name,
      label: p.label,
      type: p.type,
      fieldType: p.fieldType,
      options: (p.options ?? []).map((o) => o.value),
      readOnly: p.modificationMetadata?.readOnlyValue ?? false,
      hidden: p.hidden ?? false,
      unique: p.hasUniqueValue ?? false,
      ...(p.referencedObjectType ? { referencedObjectType: p.referencedObjectType } : {}),
    }))
  }

  function refresh(object: HubSpotObject): Promise<readonly PropertyInfo[]> {
    const pending = fetchAll(object)
    cache.set(object, pending)
    // A failed fetch must not stay cached.
    pending.catch(() => cache.delete(object))
    return pending
  }

  return { get: (object) => cache.get(object) ?? refresh(object), refresh }
}

/**
 * The properties a read asks for: those wanted (every visible one when `wanted` is absent), plus
 * those the cursor and refs need. Names the object does not have are left out.
 */
export function readableProperties(object: HubSpotObject, properties: readonly PropertyInfo[], wanted?: readonly string[]): string[] {
  const known = new Set(properties.map((p) => p.name))
  const names = new Set(wanted ? wanted.filter((n) => known.has(n)) : properties.filter((p) => !p.hidden).map((p) => p.name))
  for (const name of [modifiedProperty(object), 'hs_object_id', ownerProperty, mirrorProperty[object].name]) {
    if (properties.some((p) => p.name === name)) names.add(name)
  }
  return [...names]
}
