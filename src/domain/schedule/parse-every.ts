const units: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86_400 }

/** Seconds of an interval like `30s`, `5m`, `1h` or `1d`; undefined when it is not one. */
export function parseEvery(text: string): number | undefined {
  const m = /^(\d+)\s*([smhd])$/.exec(text.trim())
  if (!m) return undefined
  const seconds = Number(m[1]) * (units[m[2] as string] as number)
  return seconds > 0 ? seconds : undefined
}
