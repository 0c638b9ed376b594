import { randomUUID } from 'node:crypto'

/**
 * A time-ordered UUID (version 7): 48 bits of milliseconds, then randomness. Entity and run
 * ids made this way sort by creation, so the store's indexes on them grow at one end
 * instead of touching a random page per insert, which made commits several times slower.
 * The random part comes from `randomUUID`, which draws from a cached entropy pool. The time is
 * given (the app passes its clock's), so ids follow the clock runs are stamped with.
 */
export function newId(now: number): string {
  const random = randomUUID()
  const time = now.toString(16).padStart(12, '0').slice(-12)
  return `${time.slice(0, 8)}-${time.slice(8)}-7${random.slice(15, 18)}-${random.slice(19)}`
}
