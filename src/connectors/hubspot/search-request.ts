import type { HubSpotSdk } from './client.js'

/** HubSpot's search page size limit. */
export const searchPageSize = 200
/** The most results one search query can page through. */
export const searchWindow = 10_000

/** One search filter, as the search API takes it. */
export interface SearchFilter {
  readonly propertyName: string
  readonly operator: 'EQ' | 'GT' | 'GTE' | 'LT' | 'LTE' | 'IN' | 'HAS_PROPERTY'
  readonly value?: string
  readonly values?: readonly string[]
}

/** A search request in the API's documented shape. */
export interface SearchRequest {
  readonly filterGroups: readonly { readonly filters: readonly SearchFilter[] }[]
  readonly sort?: { readonly propertyName: string; readonly direction: 'ASCENDING' | 'DESCENDING' }
  readonly properties: readonly string[]
  readonly after?: string
}

type SdkSearchRequest = Parameters<HubSpotSdk['objects']['searchApi']['doSearch']>[1]

/**
 * The client types `sorts` as strings and `operator` as its own enum; the API documents sort
 * objects and the enum's values are these strings, so the request is passed through as is.
 */
export function toSdkSearch(req: SearchRequest): SdkSearchRequest {
  const body = {
    filterGroups: req.filterGroups,
    sorts: req.sort ? [req.sort] : [],
    properties: req.properties,
    limit: searchPageSize,
    ...(req.after === undefined ? {} : { after: req.after }),
  }
  return body as unknown as SdkSearchRequest
}

/** Whether the page after `after` would pass the 10,000-result window (HubSpot answers 400). */
export function passesWindow(after: string): boolean {
  return Number(after) + searchPageSize > searchWindow
}
