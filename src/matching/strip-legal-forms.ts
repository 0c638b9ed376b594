import { GENERIC_WORDS } from './data/generic-words.js'
import { INTERIOR_LEGAL_FORMS, LEGAL_FORM_FAMILIES, UNSPACED_LEGAL_FORMS } from './data/legal-forms.js'
import type { LegalFormPosition } from './data/legal-forms.js'
import { foldText } from './fold-text.js'
import { tokenizeCompanyName } from './tokenize-company-name.js'
import type { TokenizedName } from './tokenize-company-name.js'

/** A name's words with its legal forms taken out. */
export interface StrippedName {
  readonly tokens: readonly string[]
  /** Family codes of the removed forms, e.g. `['gmbh']`; empty when none was found. */
  readonly codes: readonly string[]
  /** The removed words as they were normalized, for explanations. */
  readonly removed: readonly string[]
}

interface FormTable {
  /** Words a spelling can end (or, for start forms, begin) with: a quick no for most names. */
  readonly edgeWords: ReadonlySet<string>
  /** Spelling as normalized words joined by spaces → family code. */
  readonly codes: ReadonlyMap<string, string>
  /** The same spellings without spaces, for forms written with other spacing (`sp z o o`). */
  readonly compact: ReadonlyMap<string, string>
  /** The most words any spelling has, so the scan knows how far to look. */
  readonly maxWords: number
}

interface Words {
  readonly tokens: readonly string[]
  readonly glued: readonly boolean[]
}

/**
 * Joining words is only trusted for short pieces (initials, `sp z o o`): joined long words
 * would turn "Linked In Corporation" into the form "incorporation".
 */
const MAX_JOINED_WORD = 4
const ASCII_WORD = /^[a-z0-9]*$/
const GENERIC: ReadonlySet<string> = new Set(Object.keys(GENERIC_WORDS))

/**
 * Spellings are normalized with the name tokenizer itself, so "S.A. de C.V." and "SA de CV"
 * are one form. They are also kept without spaces, so "Sp. z o.o." matches "sp z o o".
 */
function buildTable(position: LegalFormPosition): FormTable {
  const codes = new Map<string, string>()
  const compact = new Map<string, string>()
  const edgeWords = new Set<string>()
  let maxWords = 1
  for (const family of LEGAL_FORM_FAMILIES) {
    if (family.position !== position) continue
    for (const spelling of family.spellings) {
      const words = tokenizeCompanyName(spelling).tokens
      if (words.length === 0) continue
      edgeWords.add((position === 'end' ? words[words.length - 1] : words[0]) as string)
      if (!codes.has(words.join(' '))) codes.set(words.join(' '), family.code)
      if (!compact.has(words.join(''))) compact.set(words.join(''), family.code)
      maxWords = Math.max(maxWords, words.length)
    }
  }
  return { edgeWords, codes, compact, maxWords: maxWords + 2 }
}

const END_TABLE = buildTable('end')
const START_TABLE = buildTable('start')
const INTERIOR: ReadonlySet<string> = new Set(INTERIOR_LEGAL_FORMS.map((f) => tokenizeCompanyName(f).tokens.join('')))
const UNSPACED: readonly string[] = UNSPACED_LEGAL_FORMS.map((f) => foldText(f))

/**
 * Removes legal forms from a tokenized name: repeatedly at the end (`Acme Holding GmbH & Co.
 * KG`), also just before trailing generic words (`Acme Company Holdings`), then at the start
 * (`PT Bank Central Asia`, `OOO Yandex`), unambiguous ones in the middle (`Acme GmbH Berlin`),
 * and unspaced CJK forms glued to the name (株式会社トヨタ). A word CamelCase split off a brand
 * ("Sac" in "LoveSac") is never a form, and nothing is removed that would leave no word:
 * "The Limited" stays "limited".
 */
export function stripLegalForms(name: TokenizedName): StrippedName {
  const codes: string[] = []
  const removed: string[] = []
  let words: Words = { tokens: name.tokens, glued: name.glued }
  words = stripEnd(words, codes, removed)
  words = stripStart(words, codes, removed)
  words = stripInterior(words, codes, removed)
  return { tokens: stripUnspaced(words.tokens, codes, removed), codes, removed }
}

function stripEnd(words: Words, codes: string[], removed: string[]): Words {
  let current = words
  for (;;) {
    let generic = 0
    while (generic < current.tokens.length - 1 && GENERIC.has(current.tokens[current.tokens.length - 1 - generic] ?? '')) generic += 1
    const body = current.tokens.length - generic
    const hit = findForm(current, body, 'end')
    if (hit === null) return current
    codes.push(hit.code)
    removed.push(current.tokens.slice(body - hit.size, body).join(' '))
    current = cut(current, body - hit.size, body)
  }
}

function stripStart(words: Words, codes: string[], removed: string[]): Words {
  const hit = findForm(words, words.tokens.length, 'start')
  if (hit === null) return words
  codes.push(hit.code)
  removed.push(words.tokens.slice(0, hit.size).join(' '))
  return cut(words, 0, hit.size)
}

/**
 * The longest spelling covering the last words before `body` (or the first words), leaving
 * at least one word, and not starting on a word glued to the one before it.
 */
function findForm(words: Words, body: number, edge: LegalFormPosition): { code: string; size: number } | null {
  const table = edge === 'end' ? END_TABLE : START_TABLE
  const edgeWord = (edge === 'end' ? words.tokens[body - 1] : words.tokens[0]) ?? ''
  if (!table.edgeWords.has(edgeWord) && edgeWord.length > MAX_JOINED_WORD) return null
  const most = Math.min(table.maxWords, body - 1, words.tokens.length - 1)
  for (let k = most; k >= 1; k -= 1) {
    const from = edge === 'end' ? body - k : 0
    if (words.glued[from] === true || (edge === 'start' && words.glued[k] === true)) continue
    const slice = words.tokens.slice(from, from + k)
    const code = table.codes.get(slice.join(' ')) ?? joinedCode(slice, table)
    if (code !== undefined) return { code, size: k }
  }
  return null
}

function joinedCode(words: readonly string[], table: FormTable): string | undefined {
  if (words.length < 2 || words.some((w) => w.length > MAX_JOINED_WORD)) return undefined
  return table.compact.get(words.join(''))
}

function cut(words: Words, from: number, to: number): Words {
  return { tokens: [...words.tokens.slice(0, from), ...words.tokens.slice(to)], glued: [...words.glued.slice(0, from), ...words.glued.slice(to)] }
}

function stripInterior(words: Words, codes: string[], removed: string[]): Words {
  if (words.tokens.length < 3) return words
  const keep = words.tokens.map((t, i) => {
    const interior = i > 0 && i < words.tokens.length - 1 && INTERIOR.has(t) && words.glued[i] !== true && words.glued[i + 1] !== true
    if (interior) {
      removed.push(t)
      codes.push(END_TABLE.compact.get(t) ?? t)
    }
    return !interior
  })
  return { tokens: words.tokens.filter((_, i) => keep[i]), glued: words.glued.filter((_, i) => keep[i]) }
}

function stripUnspaced(tokens: readonly string[], codes: string[], removed: string[]): readonly string[] {
  // Unspaced forms are CJK: a name in Latin letters never has one.
  if (tokens.every((t) => ASCII_WORD.test(t))) return tokens
  return tokens.map((token) => {
    for (const form of UNSPACED) {
      if (token.length <= form.length) continue
      if (token.startsWith(form) || token.endsWith(form)) {
        codes.push('cjk')
        removed.push(form)
        return token.startsWith(form) ? token.slice(form.length) : token.slice(0, token.length - form.length)
      }
    }
    return token
  })
}
