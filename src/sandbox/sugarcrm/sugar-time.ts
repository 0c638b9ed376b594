/**
 * Sugar's API datetimes: ISO-8601 with a UTC offset and second resolution,
 * `2026-11-22T16:27:42+00:00`. The simulator keeps every instance on `+00:00`.
 */
export function formatSugarDate(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, '+00:00')
}

/** Parses a Sugar (or any ISO-8601) datetime to epoch milliseconds, or NaN. */
export function parseSugarDate(value: string): number {
  return Date.parse(value)
}
