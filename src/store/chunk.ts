/**
 * Bound parameters per multi-row statement: well under SQLite's limit (32,766) and
 * PostgreSQL's (65,535), while still large enough that a batch is one statement per table.
 */
export const PARAMETERS_PER_STATEMENT = 10_000

/** Ids per `IN (...)` list: lookups may ask about thousands of records at once. */
export const IDS_PER_QUERY = 500

/** Splits `items` into consecutive slices of at most `size` items. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const slices: T[][] = []
  for (let i = 0; i < items.length; i += size) slices.push(items.slice(i, i + size))
  return slices
}

/** Rows of `columns` columns that fit in one statement. */
export function rowsPerStatement(columns: number): number {
  return Math.max(1, Math.floor(PARAMETERS_PER_STATEMENT / columns))
}

/**
 * Keeps the last item of each key, in the order keys first appear. PostgreSQL refuses an
 * upsert that touches the same row twice in one statement; SQLite would apply both.
 */
export function lastByKey<T>(items: readonly T[], key: (item: T) => string): T[] {
  const byKey = new Map<string, T>()
  for (const item of items) byKey.set(key(item), item)
  return [...byKey.values()]
}

/** A composite key as one string; NUL does not occur in ids, so parts never run together. */
export function compositeKey(...parts: string[]): string {
  return parts.join('\u0000')
}
