import { PLACEHOLDER_NAMES } from './data/placeholder-names.js'
import { editDistance } from './edit-distance.js'
import { stripLegalForms } from './strip-legal-forms.js'
import { tokenizeCompanyName } from './tokenize-company-name.js'

/** Placeholders this long or longer are also caught with one typo; shorter ones must be exact. */
const MIN_TYPO_LENGTH = 7

/** The placeholders by their compact form (words joined), built once. */
const PLACEHOLDERS: ReadonlySet<string> = new Set(PLACEHOLDER_NAMES.map(compactOf).filter((c) => c !== ''))
/**
 * Each long placeholder under itself and under every spelling with one letter deleted: a word
 * one edit away shares one of these keys, so a lookup makes a few hash probes instead of
 * comparing against every placeholder (the index checks every account name).
 */
const NEIGHBOURS: ReadonlyMap<string, readonly string[]> = buildNeighbours()
const MAX_PLACEHOLDER_LENGTH = Math.max(...[...PLACEHOLDERS].map((p) => p.length))

function buildNeighbours(): Map<string, string[]> {
  const map = new Map<string, string[]>()
  for (const p of PLACEHOLDERS) {
    if (p.length < MIN_TYPO_LENGTH) continue
    for (const key of [p, ...deletions(p)]) map.set(key, [...(map.get(key) ?? []), p])
  }
  return map
}

function deletions(word: string): string[] {
  const out: string[] = []
  for (let i = 0; i < word.length; i += 1) out.push(word.slice(0, i) + word.slice(i + 1))
  return out
}

/**
 * True when a company name is a placeholder rather than a company ("Self-employed", "N/A",
 * "Retired", "Stealth Startup", "Autónomo", "Selbstständig"), also with one typo in the longer
 * ones. Punctuation only ("-") has no words and is no name either.
 */
export function isPlaceholderName(name: string | null | undefined): boolean {
  if (typeof name !== 'string') return false
  const compact = compactOf(name)
  return compact === '' || isPlaceholderCompact(compact)
}

/** The same test on a name's compact form (its normalized words joined without spaces). */
export function isPlaceholderCompact(compact: string): boolean {
  if (compact === '') return false
  if (PLACEHOLDERS.has(compact)) return true
  const n = compact.length
  if (n < MIN_TYPO_LENGTH - 1 || n > MAX_PLACEHOLDER_LENGTH + 1) return false
  for (const key of [compact, ...deletions(compact)]) {
    for (const p of NEIGHBOURS.get(key) ?? []) if (editDistance(p, compact, 1) <= 1) return true
  }
  return false
}

function compactOf(name: string): string {
  return stripLegalForms(tokenizeCompanyName(name)).tokens.join('')
}
