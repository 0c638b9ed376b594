import type { IdKind, Store } from '../store/store.js'

/**
 * The fewest characters a short id has: the whole creation time of a time-ordered id
 * (UUID v7, `0192aa00-0001-7abc-…`: 48 bits of milliseconds in its first 13 characters).
 * Fewer would say only when, roughly, an id was made (the first 8 change every 65
 * seconds), so the next run or item would share them and make an id shown a minute ago
 * ambiguous. With the whole time, only ids made in the same millisecond (one batch's
 * review items, one plan's new entities) share it, and those are shown together, each
 * long enough to differ.
 */
export const SHORT_ID_MIN = 13

/** The fewest characters a person may type to name an id: as git, four. */
export const TYPED_ID_MIN = 4

const nouns: Readonly<Record<IdKind, { one: string; a: string; many: string; list: string }>> = {
  run: { one: 'run', a: 'a run', many: 'runs', list: 'revsync runs' },
  review: { one: 'review item', a: 'a review item', many: 'review items', list: 'revsync review' },
  entity: { one: 'entity', a: 'an entity', many: 'entities', list: 'revsync plan or revsync runs show RUN' },
}

const commonLength = (a: string, b: string): number => {
  let n = 0
  while (n < a.length && n < b.length && a[n] === b[n]) n++
  return n
}

/**
 * The shortest prefix of `id` that no other id given starts with, and at least `min`
 * characters; a prefix never ends on a dash, which would tell nothing more than the
 * character before it.
 */
export function shortestUniquePrefix(id: string, others: Iterable<string>, min: number = SHORT_ID_MIN): string {
  let length = min
  for (const other of others) if (other !== id) length = Math.max(length, commonLength(id, other) + 1)
  if (id[length - 1] === '-') length++
  return id.slice(0, Math.min(length, id.length))
}

/**
 * The short form of each id, unique among every stored id of its kind and among the ids
 * shown with it (a plan's new entities, not stored yet): a function from full id to short
 * id. Reads the two stored ids next to each one, which are the only ones it could share a
 * longer prefix with.
 */
export async function shortIds(store: Store, kind: IdKind, ids: Iterable<string>): Promise<(id: string) => string> {
  const shown = [...new Set(ids)].sort()
  const short = new Map<string, string>()
  for (const [i, id] of shown.entries()) {
    const near = [...(await store.adjacentIds(kind, id)), shown[i - 1], shown[i + 1]].filter((v): v is string => v !== undefined)
    short.set(id, shortestUniquePrefix(id, near))
  }
  return (id) => short.get(id) ?? id
}

/**
 * The full id a person means by a full id or a prefix of one. Refuses a prefix no id of
 * the kind starts with, and a prefix several start with, listing those candidates.
 */
export async function resolveId(store: Store, kind: IdKind, typed: string): Promise<string> {
  const noun = nouns[kind]
  const prefix = typed.trim().toLowerCase()
  if (!/^[0-9a-f][0-9a-f-]*$/.test(prefix)) throw new Error(`"${typed}" is not ${noun.a} id: ids are hex digits and dashes, as ${noun.list} shows them`)
  if (prefix.length < TYPED_ID_MIN) throw new Error(`"${typed}" is too short to name ${noun.a}: give at least ${TYPED_ID_MIN} characters of its id, as ${noun.list} shows it`)
  const shown = 10
  const found = await store.findIdsByPrefix(kind, prefix, shown + 1)
  const [only] = found
  if (only === undefined) throw new Error(`no ${noun.one} has an id starting with "${typed}"; see ${noun.list}`)
  if (found.length === 1) return only
  const listed = found.slice(0, shown).map((id) => `  ${id}`)
  const more = found.length > shown ? ['  … and more'] : []
  throw new Error([`"${typed}" is ambiguous: ${found.length > shown ? `more than ${shown}` : found.length} ${noun.many} have ids starting with it; give more characters of one of:`, ...listed, ...more].join('\n'))
}
