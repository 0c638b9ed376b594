/**
 * A multimap from a key to slot numbers, stored as a bare number while a key has one slot
 * (most blocking keys do) and as an array beyond: at a million accounts this halves memory.
 */
export type Postings<K> = Map<K, number | number[]>

/** Files `slot` under `key`. */
export function addPosting<K>(map: Postings<K>, key: K, slot: number): void {
  const current = map.get(key)
  if (current === undefined) map.set(key, slot)
  else if (typeof current === 'number') {
    if (current !== slot) map.set(key, [current, slot])
  } else if (!current.includes(slot)) current.push(slot)
}

/** Takes `slot` out from under `key`. */
export function removePosting<K>(map: Postings<K>, key: K, slot: number): void {
  const current = map.get(key)
  if (current === undefined) return
  if (typeof current === 'number') {
    if (current === slot) map.delete(key)
    return
  }
  const rest = current.filter((s) => s !== slot)
  if (rest.length === 0) map.delete(key)
  else if (rest.length === 1) map.set(key, rest[0] as number)
  else map.set(key, rest)
}

/** Adds up to `limit` slots filed under `key` to `into`. */
export function collectPostings<K>(map: Postings<K>, key: K, into: Set<number>, limit: number): void {
  const current = map.get(key)
  if (current === undefined) return
  if (typeof current === 'number') {
    into.add(current)
    return
  }
  const n = Math.min(limit, current.length)
  for (let i = 0; i < n; i += 1) into.add(current[i] as number)
}

/** How many slots are filed under `key`. */
export function postingCount<K>(map: Postings<K>, key: K): number {
  const current = map.get(key)
  return current === undefined ? 0 : typeof current === 'number' ? 1 : current.length
}
