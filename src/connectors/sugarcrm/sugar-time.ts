/** Sugar datetime (`2026-11-22T16:27:42+00:00`, any offset) to ISO-8601 UTC (`...Z`). */
export function sugarToIsoUtc(value: string): string {
  const ms = Date.parse(value)
  if (Number.isNaN(ms)) throw new Error(`not a datetime: "${value}"`)
  return new Date(ms).toISOString()
}

/**
 * Any ISO-8601 instant to the form Sugar's filters take, floored to the second: Sugar stores
 * whole seconds, so flooring keeps a GTE filter inclusive of the instant's own second.
 */
export function isoToSugarFilter(value: string): string {
  const ms = Date.parse(value)
  if (Number.isNaN(ms)) throw new Error(`not a datetime: "${value}"`)
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, '+00:00')
}
