import { nextCronTime, parseCron } from './parse-cron.js'
import { parseEvery } from './parse-every.js'

/** A mapping's schedule as written in revsync.yaml. */
export type ScheduleConfig = { readonly every: string } | { readonly cron: string }

/**
 * When a scheduled mapping is next due, given when its last run started (none: due now).
 * `every` counts from the last start; `cron` is the next matching minute after it.
 */
export function nextRunAt(schedule: ScheduleConfig, lastStart: Date | undefined, now: Date): Date {
  if (!lastStart) return now
  if ('every' in schedule) return new Date(lastStart.getTime() + (parseEvery(schedule.every) ?? 60) * 1000)
  const spec = parseCron(schedule.cron)
  if (typeof spec === 'string') throw new Error(spec)
  return nextCronTime(spec, lastStart) ?? new Date(8.64e15)
}
