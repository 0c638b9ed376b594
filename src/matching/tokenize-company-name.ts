import { foldText } from './fold-text.js'
import { ABBREVIATIONS } from './data/abbreviations.js'
import { CONJUNCTIONS } from './data/generic-words.js'

/** A normalization step that changed a name; explanations name them. */
export type NameStep = 'case' | 'accents' | 'punctuation' | 'ampersand' | 'the' | 'camel-case' | 'dot-com' | 'legal-form' | 'abbreviation' | 'alias'

/** A company name cut into folded words, before legal forms are removed. */
export interface TokenizedName {
  readonly tokens: readonly string[]
  /**
   * Per word: true when CamelCase split it off the word before ("Sac" in "LoveSac"). Such a
   * word is part of a brand, so it is never taken for a legal form.
   */
  readonly glued: readonly boolean[]
  readonly steps: readonly NameStep[]
}

interface Word {
  readonly text: string
  readonly glued: boolean
}

/** `Amazon.com`, `Booking.com`, `Acme.io`: a web suffix written as part of the name. */
const DOT_COM = /([\p{L}\p{N}])\.(?:com|net|org|io|ai|co|app|dev|biz|info|cloud|tech|xyz|me|tv|ly|so|gg|de|uk|fr|nl|ru|in|jp|cn)(?![\p{L}\p{N}])/giu
// Only before a capitalized word and after two lower-case letters, so GmbH, SpA, ApS, KGaA,
// gGmbH and eBay stay whole.
const CAMEL_LOWER_UPPER = /(\p{Ll}\p{Ll})(\p{Lu}\p{Ll})/gu
const CAMEL_ACRONYM_WORD = /(\p{Lu})(\p{Lu}\p{Ll})/gu
/** Marks a CamelCase split inside a word until the words are cut (a private-use character, never in names). */
const GLUE = '\uE000'
const APOSTROPHES = /['’‘`´ʼ]/g
const NOT_WORD = /[^\p{L}\p{N}]+/u
const PLAIN = /^[a-z0-9 ]*$/
const CONJUNCTION_SET: ReadonlySet<string> = new Set(CONJUNCTIONS)
const ABBREVIATION: ReadonlyMap<string, string> = new Map(Object.entries(ABBREVIATIONS))

/**
 * Cuts a company name into lower-case, accent-folded words: web suffixes dropped
 * (`Amazon.com`), CamelCase split (`UserGems` → user gems), apostrophes removed
 * (`McDonald's` → mcdonalds), dotted initials joined (`S.A.` → sa), `&`/`+`/and/und/et
 * dropped, runs of single letters joined (`H & M` → hm), and a leading or trailing "The"
 * dropped. Legal forms are left for the caller.
 */
export function tokenizeCompanyName(raw: string): TokenizedName {
  const steps = new Set<NameStep>()
  let text = raw.normalize('NFC').trim()
  const noDotCom = text.includes('.') ? stripDotCom(text) : text
  if (noDotCom !== text) steps.add('dot-com')
  text = noDotCom
  const split = text === text.toLowerCase() ? text : text.replace(CAMEL_LOWER_UPPER, `$1${GLUE}$2`).replace(CAMEL_ACRONYM_WORD, `$1${GLUE}$2`)
  if (split !== text) steps.add('camel-case')
  const folded = foldText(split)
  if (text !== text.toLowerCase()) steps.add('case')
  if (folded !== split.toLowerCase()) steps.add('accents')
  const words = expandAbbreviations(dropThe(joinInitials(dropConjunctions(splitWords(folded.replace(APOSTROPHES, ''), steps), steps)), steps), steps)
  return { tokens: words.map((w) => w.text), glued: words.map((w) => w.glued), steps: [...steps] }
}

function stripDotCom(text: string): string {
  let current = text
  for (let i = 0; i < 3; i += 1) {
    const next = current.replace(DOT_COM, '$1')
    if (next === current) break
    current = next
  }
  return current
}

/** Splits on anything but letters and digits; `&` and `+` become the word "and". */
function splitWords(text: string, steps: Set<NameStep>): Word[] {
  // Most names are plain words and spaces: no punctuation, initials or CamelCase to handle.
  if (PLAIN.test(text)) return text.split(' ').filter((w) => w !== '').map((w) => ({ text: w, glued: false }))
  const out: Word[] = []
  for (const chunk of text.split(/\s+/)) {
    if (chunk === '') continue
    const camelParts = chunk.split(GLUE)
    for (let c = 0; c < camelParts.length; c += 1) {
      let glued = c > 0
      for (const part of splitChunk(camelParts[c] as string)) {
        for (const piece of part.replace(/[&+]/g, ' and ').split(NOT_WORD)) {
          if (piece === '') continue
          out.push({ text: piece, glued })
          glued = false
        }
      }
    }
  }
  if (/[&+]/.test(text)) steps.add('ampersand')
  if (/[^\p{L}\p{N}\s&+\uE000]/u.test(text)) steps.add('punctuation')
  return out
}

/** `s.a.` and `i.b.m.` are initials and join into one word; `st.louis` splits at the dot. */
function splitChunk(chunk: string): string[] {
  if (!chunk.includes('.')) return [chunk]
  const parts = chunk.split('.').filter((p) => p !== '')
  const initials = parts.length > 1 && parts.every((p) => /^\p{L}$/u.test(p))
  return initials ? [parts.join('')] : parts
}

function dropConjunctions(words: readonly Word[], steps: Set<NameStep>): Word[] {
  const kept = words.filter((w, i) => {
    if (CONJUNCTION_SET.has(w.text)) return words.length === 1
    // Spanish "y" joins two words ("Pérez y Cía"); at either end it is a word of its own.
    return !(w.text === 'y' && i > 0 && i < words.length - 1)
  })
  if (kept.length !== words.length) steps.add('ampersand')
  return kept
}

/** Runs of two or more single letters are initials written apart: `a o smith` → ao smith. */
function joinInitials(words: readonly Word[]): Word[] {
  const out: Word[] = []
  let run: Word | null = null
  for (const w of words) {
    if (isLetter(w.text)) {
      run = run === null ? w : { text: run.text + w.text, glued: run.glued }
      continue
    }
    if (run !== null) out.push(run)
    run = null
    out.push(w)
  }
  if (run !== null) out.push(run)
  return out
}

/** One letter, in any script. */
export function isLetter(word: string): boolean {
  if (word.length !== 1) return word.length === 2 && /^\p{L}$/u.test(word)
  const c = word.charCodeAt(0)
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c > 127 && /^\p{L}$/u.test(word))
}

function dropThe(words: readonly Word[], steps: Set<NameStep>): Word[] {
  let out = [...words]
  if (out.length > 1 && out[0]?.text === 'the') out = out.slice(1)
  if (out.length > 1 && out[out.length - 1]?.text === 'the') out = out.slice(0, -1)
  if (out.length !== words.length) steps.add('the')
  return out
}

/** `Univ.` → university, `Int'l` → international, `Mfg` → manufacturing: one reading for both spellings. */
function expandAbbreviations(words: readonly Word[], steps: Set<NameStep>): Word[] {
  let changed = false
  const out = words.map((w) => {
    const full = ABBREVIATION.get(w.text)
    if (full === undefined || w.glued) return w
    changed = true
    return { text: full, glued: false }
  })
  if (changed) steps.add('abbreviation')
  return out
}
