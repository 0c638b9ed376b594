/**
 * Salesforce datetimes: stored to the second, answered as `2026-11-22T16:27:42.000+0000`
 * (the millisecond field is always zero), written in SOQL as `2026-11-22T16:27:42.000Z`.
 */

/** Truncates epoch milliseconds to the second, as Salesforce stores datetimes. */
export function truncateToSecond(ms: number): number {
  return Math.floor(ms / 1000) * 1000
}

/** Formats epoch milliseconds the way the REST API answers datetimes. */
export function formatSfDateTime(ms: number): string {
  return new Date(truncateToSecond(ms)).toISOString().replace('Z', '+0000')
}

/** Formats epoch milliseconds as a Salesforce date (`2026-11-22`). */
export function formatSfDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10)
}

/** Parses a datetime as the API accepts it (`Z`, `+0000` or `+00:00` offsets); NaN when invalid. */
export function parseSfDateTime(text: string): number {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?)(Z|[+-]\d{2}:?\d{2})$/.exec(text)
  if (!m) return Number.NaN
  const zone = m[2] === 'Z' ? 'Z' : `${m[2]!.slice(0, 3)}:${m[2]!.slice(-2)}`
  return Date.parse(m[1] + zone)
}
