import { ConnectorError } from '../../domain/connector.js'
import type { Cursor } from '../../domain/records.js'

/**
 * A cursor is the last-modified time of the newest record read, as ISO-8601 UTC with
 * milliseconds (HubSpot's own resolution); reads resume at it, inclusive.
 */
export function encodeCursor(ms: number): Cursor {
  return { value: new Date(ms).toISOString() }
}

/** Reads a cursor back (the app may have moved it earlier by its overlap window) as epoch ms. */
export function decodeCursor(cursor: Cursor | undefined): number | undefined {
  if (cursor === undefined) return undefined
  const ms = /^\d+$/.test(cursor.value) ? Number(cursor.value) : Date.parse(cursor.value)
  if (Number.isNaN(ms)) throw new ConnectorError('hubspot', 'bad_request', `cursor "${cursor.value}" is not an ISO-8601 timestamp`)
  return ms
}
