import { acronymOf } from './normalize-company-name.js'
import { stemWord } from './stem-word.js'
import type { NameShape } from './normalize-company-name.js'

/** Blocking keys of one name, by how much a shared key says. */
export interface NameKeys {
  /** Same words, or same distinctive words: nearly every name match shares one of these. */
  readonly exact: readonly number[]
  /** Same name but for one typo in one long word. */
  readonly typo: readonly number[]
  /** One shared distinctive word, or initials: only for reporting the nearest miss. */
  readonly related: readonly number[]
}

/** Names whose distinctive letters are shorter than this cannot reach the threshold with a typo, so get no typo keys. */
export const MIN_TYPO_CORE_LENGTH = 9

interface Variant {
  readonly tokens: readonly string[]
  readonly kinds: string
}

/**
 * Hashes a key to a 30-bit integer so the index stores small integers instead of millions of
 * strings. A collision only adds a candidate, which the scorer then rejects.
 */
export function hashKey(key: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < key.length; i += 1) {
    h ^= key.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h & 0x3fffffff
}

/** The keys an account's name is filed under. */
export function indexKeys(shape: NameShape, minTypoLength: number): NameKeys {
  const exact = new Set<number>()
  const typo = new Set<number>()
  const related = new Set<number>()
  for (const v of variants(shape)) {
    const core = stemmedCore(v.tokens, v.kinds)
    exact.add(hashKey(`c${v.tokens.join('')}`))
    exact.add(hashKey(`k${core}`))
    const acronym = acronymOf(v.tokens, v.kinds)
    if (acronym !== null) related.add(initialsKey(acronym))
    const words = distinctive(v)
    for (const w of words.slice(0, 4)) related.add(wordKey(w))
    if (core.length < MIN_TYPO_CORE_LENGTH) continue
    words.forEach((w, i) => {
      if (!typoEligible(w, minTypoLength)) return
      const half = typoHalf(w.length)
      typo.add(typoKey(words, i, `p${w.length}${w.slice(0, half)}`))
      typo.add(typoKey(words, i, `s${w.length}${w.slice(w.length - half)}`))
    })
  }
  return { exact: [...exact], typo: [...typo], related: [...related] }
}

/** The keys to look a queried name up by. */
export function queryKeys(shape: NameShape, minTypoLength: number): NameKeys {
  const exact = new Set<number>()
  const typo = new Set<number>()
  const related = new Set<number>()
  for (const v of variants(shape)) {
    const core = stemmedCore(v.tokens, v.kinds)
    exact.add(hashKey(`c${v.tokens.join('')}`))
    exact.add(hashKey(`k${core}`))
    const words = distinctive(v)
    const acronym = acronymOf(v.tokens, v.kinds)
    if (acronym !== null) related.add(wordKey(acronym))
    if (words.length === 1 && v.tokens.length === 1) related.add(initialsKey(words[0] ?? ''))
    for (const w of words.slice(0, 4)) related.add(wordKey(w))
    if (core.length < MIN_TYPO_CORE_LENGTH - 1) continue
    words.forEach((w, i) => {
      for (const key of typoProbes(w, minTypoLength)) typo.add(typoKey(words, i, key))
    })
  }
  return { exact: [...exact], typo: [...typo], related: [...related] }
}

/**
 * Probes for a word with one edit: for each length the stored word may have (one shorter,
 * same, one longer), its prefix and suffix of that length's half. One edit cannot touch
 * both halves because they never meet, so one of the probes finds the stored word.
 */
function typoProbes(word: string, minTypoLength: number): string[] {
  if (/\d/.test(word) || word.length < minTypoLength) return []
  const probes: string[] = []
  for (let length = word.length - 1; length <= word.length + 1; length += 1) {
    if (length < minTypoLength) continue
    const half = typoHalf(length)
    probes.push(`p${length}${word.slice(0, half)}`, `s${length}${word.slice(word.length - half)}`)
  }
  return probes
}

/** The half kept in a typo key: short enough to leave a gap between prefix and suffix. */
function typoHalf(length: number): number {
  return Math.floor((length - 1) / 2)
}

function typoEligible(word: string, minTypoLength: number): boolean {
  return word.length >= minTypoLength && !/\d/.test(word)
}

function typoKey(words: readonly string[], at: number, piece: string): number {
  return hashKey(`f${words.slice(0, at).join(' ')}<${piece}>${words.slice(at + 1).join(' ')}`)
}

function distinctive(v: Variant): string[] {
  return v.tokens.filter((_, i) => v.kinds[i] === 'd')
}

function variants(shape: NameShape): readonly Variant[] {
  return shape.alternates === null ? [shape] : [shape, ...shape.alternates]
}

/** The distinctive words by their stems, joined: "Jansons" and "Janson's" file under one key. */
function stemmedCore(tokens: readonly string[], kinds: string): string {
  let core = ''
  for (let i = 0; i < tokens.length; i += 1) if (kinds[i] === 'd') core += stemWord(tokens[i] as string)
  return core
}

/** The key counting the accounts that carry a word (by its stem). */
export function wordKey(word: string): number {
  return hashKey(`t${stemWord(word)}`)
}

/** The key counting the accounts whose name has these initials. */
export function initialsKey(initials: string): number {
  return hashKey(`a${initials}`)
}
