import { PLACEHOLDER_NAMES } from './data/placeholder-names.js'
import { editDistance } from './edit-distance.js'
import { stripLegalForms } from './strip-legal-forms.js'
import { tokenizeCompanyName } from './tokenize-company-name.js'

/** Placeholders this long or longer are also caught with one typo; shorter ones must be exact. */
const MIN_TYPO_LENGTH = 7

/** The placeholders by their compact form (words joined), built once. */
const PLACEHOLDERS: ReadonlySet<string> = new Set(PLACEHOLDER_NAMES.map(compactOf).filter((c) => c !== ''))
const LONG_PLACEHOLDERS: readonly string[] = [...PLACEHOLDERS].filter((c) => c.length >= MIN_TYPO_LENGTH)

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
  if (compact.length < MIN_TYPO_LENGTH - 1) return false
  for (const p of LONG_PLACEHOLDERS) {
    if (Math.abs(p.length - compact.length) <= 1 && editDistance(p, compact, 1) <= 1) return true
  }
  return false
}

function compactOf(name: string): string {
  return stripLegalForms(tokenizeCompanyName(name)).tokens.join('')
}
