/** A 5-field cron expression, as the allowed values of each field (UTC). */
export interface CronSpec {
  readonly minutes: ReadonlySet<number>
  readonly hours: ReadonlySet<number>
  readonly days: ReadonlySet<number>
  readonly months: ReadonlySet<number>
  readonly weekdays: ReadonlySet<number>
  /** Whether day-of-month and day-of-week were both restricted (then either may match, as in cron). */
  readonly eitherDay: boolean
}

const fields = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12 },
  { name: 'day of week', min: 0, max: 7 },
] as const

/** The values one field allows: `*`, `N`, `A-B`, lists of those, each with an optional `/STEP`. */
function parseField(text: string, field: (typeof fields)[number]): Set<number> | string {
  const values = new Set<number>()
  for (const part of text.split(',')) {
    const m = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(part)
    if (!m) return `the ${field.name} field "${text}" is not a number, range (1-5), list (1,3) or step (*/15)`
    const from = m[1] === '*' ? field.min : Number(m[2])
    const to = m[1] === '*' ? field.max : m[3] !== undefined ? Number(m[3]) : m[4] !== undefined ? field.max : from
    const step = m[4] !== undefined ? Number(m[4]) : 1
    if (from < field.min || to > field.max || from > to || step < 1) return `the ${field.name} field "${text}" must stay within ${field.min}-${field.max}`
    for (let v = from; v <= to; v += step) values.add(field.name === 'day of week' && v === 7 ? 0 : v)
  }
  return values
}

/** Parses `MIN HOUR DAY MONTH WEEKDAY`; a string says what is wrong with it. */
export function parseCron(text: string): CronSpec | string {
  const parts = text.trim().split(/\s+/)
  if (parts.length !== 5) return `"${text}" has ${parts.length} fields; a cron expression has 5: minute hour day-of-month month day-of-week, e.g. "*/15 * * * *"`
  const sets: Set<number>[] = []
  for (const [i, part] of parts.entries()) {
    const parsed = parseField(part, fields[i] as (typeof fields)[number])
    if (typeof parsed === 'string') return parsed
    sets.push(parsed)
  }
  const [minutes, hours, days, months, weekdays] = sets as [Set<number>, Set<number>, Set<number>, Set<number>, Set<number>]
  return { minutes, hours, days, months, weekdays, eitherDay: parts[2] !== '*' && parts[4] !== '*' }
}

/** The first minute strictly after `after` (UTC) that `spec` allows; searched up to 4 years ahead (Feb 29). */
export function nextCronTime(spec: CronSpec, after: Date): Date | undefined {
  const t = new Date(after.getTime())
  t.setUTCSeconds(0, 0)
  t.setUTCMinutes(t.getUTCMinutes() + 1)
  const limit = after.getTime() + 4 * 366 * 86_400_000
  while (t.getTime() <= limit) {
    if (!spec.months.has(t.getUTCMonth() + 1)) {
      t.setUTCMonth(t.getUTCMonth() + 1, 1)
      t.setUTCHours(0, 0)
      continue
    }
    const dayOk = spec.eitherDay ? spec.days.has(t.getUTCDate()) || spec.weekdays.has(t.getUTCDay()) : spec.days.has(t.getUTCDate()) && spec.weekdays.has(t.getUTCDay())
    if (!dayOk) {
      t.setUTCDate(t.getUTCDate() + 1)
      t.setUTCHours(0, 0)
      continue
    }
    if (!spec.hours.has(t.getUTCHours())) {
      t.setUTCHours(t.getUTCHours() + 1, 0)
      continue
    }
    if (spec.minutes.has(t.getUTCMinutes())) return t
    t.setUTCMinutes(t.getUTCMinutes() + 1)
  }
  return undefined
}
