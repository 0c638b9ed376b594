import { GENERIC_WORDS, STOP_WORDS } from './data/generic-words.js'
import { spellDigraphs } from './fold-text.js'
import { stripLegalForms } from './strip-legal-forms.js'
import { isLetter, tokenizeCompanyName } from './tokenize-company-name.js'
import type { NameStep } from './tokenize-company-name.js'

/** How much a word says about which company is meant. */
export type WordKind = 'distinctive' | 'generic' | 'stop'

/** One word of a normalized name with its default weight. */
export interface WeightedWord {
  readonly text: string
  readonly kind: WordKind
  /** Distinctive words share 1 by length; a generic word weighs 0.1, a stop word 0.02. */
  readonly weight: number
}

/**
 * The compact form the index stores and the scorer reads: the words, one kind letter per
 * word (`d` distinctive, `g` generic, `s` stop), and the removed legal-form family codes.
 */
export interface NameShape {
  readonly tokens: readonly string[]
  readonly kinds: string
  readonly legalForms: readonly string[]
  /**
   * Other readings of the same name, or null when there are none (most names): umlauts spelled
   * as two letters (Müller → mueller), and an alias the name carries ("Northgate Medical Centre
   * (NMC)" → nmc, "Canada Mail / Poste Canada" → poste canada).
   */
  readonly alternates: readonly AlternateReading[] | null
}

/** One other reading of a name. */
export interface AlternateReading {
  readonly tokens: readonly string[]
  readonly kinds: string
  readonly reading: 'umlauts' | 'alias'
}

/** A company name normalized for matching, with what was done to it. */
export interface NormalizedCompanyName extends NameShape {
  readonly input: string
  /** The same name with umlauts spelled as two letters, when it has any (Müller → mueller). */
  readonly digraph: { readonly tokens: readonly string[]; readonly kinds: string } | null
  /** Words joined by spaces: the readable normalized name. */
  readonly key: string
  /** Words joined without spaces, so "User Gems" = "UserGems". */
  readonly compact: string
  /** Distinctive words only, joined without spaces: "Acme Group" → `acme`. */
  readonly core: string
  readonly words: readonly WeightedWord[]
  /** The legal-form words that were removed, as normalized (`gmbh co kg`). */
  readonly removedLegalForms: readonly string[]
  /** Initials of the non-stop words when there are three or more ("International Business Machines" → ibm). */
  readonly acronym: string | null
  readonly steps: readonly NameStep[]
}

/** Default weights of the word kinds; the scorer takes its own from options. */
export const DEFAULT_GENERIC_WEIGHT = 0.1
export const DEFAULT_STOP_WEIGHT = 0.02

const GENERIC: ReadonlyMap<string, string> = new Map(Object.entries(GENERIC_WORDS))
const STOP: ReadonlySet<string> = new Set(STOP_WORDS)

/**
 * Normalizes a company name: case and accents folded, punctuation, `&`/and, "The", CamelCase
 * and `.com` handled, legal forms removed at the end and the start, words classified as
 * distinctive, generic or stop. Returns null when no word is left (empty or punctuation only).
 */
export function normalizeCompanyName(input: string | null | undefined): NormalizedCompanyName | null {
  if (typeof input !== 'string' || !/[\p{L}\p{N}]/u.test(input)) return null
  const split = splitAlias(input)
  if (split !== null) {
    const main = normalizeCompanyName(split.main)
    if (main !== null) return withAlias(main, input, split.alias)
  }
  const tokenized = tokenizeCompanyName(input)
  const stripped = stripLegalForms(tokenized)
  if (stripped.tokens.length === 0) return null
  const tokens = stripped.tokens
  const kinds = classifyWords(tokens)
  const steps = stripped.codes.length > 0 ? [...tokenized.steps, 'legal-form' as const] : tokenized.steps
  const digraph = digraphShape(input, tokens)
  return {
    input,
    tokens,
    kinds,
    legalForms: stripped.codes,
    digraph,
    alternates: digraph === null ? null : [{ ...digraph, reading: 'umlauts' }],
    key: tokens.join(' '),
    compact: tokens.join(''),
    core: coreOf(tokens, kinds),
    words: weighWords(tokens, kinds),
    removedLegalForms: stripped.removed,
    acronym: acronymOf(tokens, kinds),
    steps,
  }
}

/**
 * One letter per word: `d` distinctive, `g` generic, `s` stop. A name made only of generic
 * words ("Global Solutions") has no brand to lean on, so its generic words count as
 * distinctive; likewise a name made only of stop words.
 */
export function classifyWords(tokens: readonly string[]): string {
  let kinds = tokens.map((t) => (STOP.has(t) ? 's' : GENERIC.has(t) ? 'g' : 'd')).join('')
  if (!kinds.includes('d')) kinds = kinds.replace(/g/g, 'd')
  if (!kinds.includes('d')) kinds = kinds.replace(/s/g, 'd')
  return kinds
}

/** The distinctive words joined without spaces. */
export function coreOf(tokens: readonly string[], kinds: string): string {
  let core = ''
  for (let i = 0; i < tokens.length; i += 1) if (kinds[i] === 'd') core += tokens[i]
  return core
}

/** Initials of the words that are not stop words, when there are at least three and all are letters. */
export function acronymOf(tokens: readonly string[], kinds: string): string | null {
  let initials = ''
  for (let i = 0; i < tokens.length; i += 1) {
    if (kinds[i] === 's') continue
    const first = tokens[i]?.[0] ?? ''
    if (!isLetter(first)) return null
    initials += first
  }
  return initials.length >= 3 ? initials : null
}

/** A generic word in its canonical spelling (holdings → holding, groep → group); other words as they are. */
export function canonicalWord(word: string): string {
  return GENERIC.get(word) ?? word
}

function weighWords(tokens: readonly string[], kinds: string): WeightedWord[] {
  let distinctiveLength = 0
  for (let i = 0; i < tokens.length; i += 1) if (kinds[i] === 'd') distinctiveLength += tokens[i]?.length ?? 0
  return tokens.map((text, i) => {
    const kind: WordKind = kinds[i] === 'd' ? 'distinctive' : kinds[i] === 'g' ? 'generic' : 'stop'
    const weight = kind === 'distinctive' ? text.length / distinctiveLength : kind === 'generic' ? DEFAULT_GENERIC_WEIGHT : DEFAULT_STOP_WEIGHT
    return { text, kind, weight }
  })
}

function digraphShape(input: string, tokens: readonly string[]): NormalizedCompanyName['digraph'] {
  const spelled = spellDigraphs(input)
  if (spelled === null) return null
  const alt = stripLegalForms(tokenizeCompanyName(spelled)).tokens
  if (alt.length === 0 || alt.join(' ') === tokens.join(' ')) return null
  return { tokens: alt, kinds: classifyWords(alt) }
}

/**
 * A name that carries its own alias: initials in parentheses ("Northgate Medical Centre
 * (NMC)", "KVX (Kessler Vantage Exchange)") or two names joined by a spaced slash or bar
 * ("Canada Mail / Poste Canada"). Other parentheses ("Skanska AB (publ)", "Acme Ltd (UK)")
 * stay part of the name.
 */
function splitAlias(input: string): { main: string; alias: string } | null {
  // Most names have neither; the patterns below are only tried on those that might.
  if (!input.includes('(') && !input.includes('/') && !input.includes('|')) return null
  const bilingual = /^(.*\p{L}.*?)\s+[/|]\s+(.*\p{L}.*)$/u.exec(input)
  if (bilingual !== null) return { main: bilingual[1] as string, alias: bilingual[2] as string }
  const paren = /^(.*?)\s*\(([^()]+)\)\s*(.*)$/u.exec(input)
  if (paren === null) return null
  const main = `${paren[1] as string} ${paren[3] as string}`.trim()
  const inner = paren[2] as string
  const a = tokenizeCompanyName(main).tokens
  const b = tokenizeCompanyName(inner).tokens
  if (a.length === 0 || b.length === 0) return null
  // Only initials of the other part make an alias; anything else in parentheses is a detail.
  // The full name is the main reading and the initials the alias, weighed as initials are.
  if (spellsInitials(b, a)) return { main, alias: inner }
  return spellsInitials(a, b) ? { main: inner, alias: main } : null
}

/**
 * One word whose letters stand for the other part's words in order: the first letter is the
 * first word's initial and each further letter is found in its word ("NMC" for Northgate
 * Medical Centre, "KVX" for Kessler Vantage Exchange).
 */
function spellsInitials(short: readonly string[], long: readonly string[]): boolean {
  const words = long.filter((w) => !STOP.has(w))
  const letters = short[0] ?? ''
  if (short.length !== 1 || words.length < 2 || letters.length !== words.length) return false
  return words.every((w, i) => (i === 0 ? w[0] === letters[0] : w.includes(letters[i] as string)))
}

function withAlias(main: NormalizedCompanyName, input: string, aliasText: string): NormalizedCompanyName {
  const alias = stripLegalForms(tokenizeCompanyName(aliasText)).tokens
  if (alias.length === 0 || alias.join(' ') === main.key) return { ...main, input }
  const reading: AlternateReading = { tokens: alias, kinds: classifyWords(alias), reading: 'alias' }
  return { ...main, input, alternates: [...(main.alternates ?? []), reading], steps: [...main.steps, 'alias'] }
}
