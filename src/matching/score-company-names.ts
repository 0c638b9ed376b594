import { editDistance } from './edit-distance.js'
import { DEFAULT_NAME_SCORE_OPTIONS } from './name-score-options.js'
import type { NameScoreOptions, ResolvedNameScoreOptions } from './name-score-options.js'
import { acronymOf, canonicalWord } from './normalize-company-name.js'
import type { NameShape } from './normalize-company-name.js'

/** How two names were found alike. */
export type NameLikeness = 'same-name' | 'same-core' | 'words' | 'acronym'

/** The likeness of two company names, with what made it and what kept it down. */
export interface NameScore {
  /** 0..1; 1 is the same name after normalization. */
  readonly score: number
  readonly likeness: NameLikeness
  /** Distinctive words without a counterpart on the other side; while any exist, no match. */
  readonly unmatched: readonly string[]
  /** Word pairs accepted with one typo. */
  readonly typos: readonly (readonly [string, string])[]
  /** Generic or stop words found on one side only. */
  readonly extraWords: readonly string[]
  /** Both names carry legal forms and no family is shared (GmbH vs Inc). */
  readonly legalFormsDiffer: boolean
  /** One side spelled umlauts as two letters (Müller ~ Mueller). */
  readonly digraphs: boolean
  /** The distinctive words agree but stand in another order. */
  readonly reordered: boolean
}

interface Side {
  readonly tokens: readonly string[]
  readonly kinds: string
}

/** A side's words sorted by kind, computed once per comparison. */
interface Parts {
  readonly side: Side
  readonly compact: string
  readonly distinctive: string[]
  readonly generic: string[]
  /** Generic words as written, to tell "Partners" from "Partner" once both read as partner. */
  readonly genericSurface: string[]
  readonly stop: string[]
}

interface DistinctiveMatch {
  readonly matched: number
  readonly unmatched: string[]
  readonly typos: (readonly [string, string])[]
}

const ALL_MATCHED: DistinctiveMatch = { matched: 1, unmatched: [], typos: [] }

/**
 * Scores two normalized company names. Distinctive words must all find a counterpart (the
 * same word, the same letters spaced differently, or one typo in a long word); the score is a
 * weighted Dice coefficient where distinctive words share a weight of 1 per name by length and
 * generic and stop words found on one side only weigh little, so "Acme Group" ~ "Acme" scores
 * 0.95 while "Acme Bank" ~ "Acme" keeps "bank" unmatched.
 */
export function scoreCompanyNames(a: NameShape, b: NameShape, options: NameScoreOptions = {}): NameScore {
  const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined))
  return scoreWithOptions(a, b, { ...DEFAULT_NAME_SCORE_OPTIONS, ...given })
}

/** `scoreCompanyNames` with every option already resolved: the matcher's hot path. */
export function scoreWithOptions(a: NameShape, b: NameShape, opts: ResolvedNameScoreOptions): NameScore {
  let best = scoreSides(partsOf(a), partsOf(b), opts, false)
  if (best.score < 1 && (a.digraph !== null || b.digraph !== null)) {
    for (const x of [a, a.digraph ?? a]) {
      for (const y of [b, b.digraph ?? b]) {
        if (x === a && y === b) continue
        const next = scoreSides(partsOf(x), partsOf(y), opts, true)
        if (next.score > best.score) best = next
      }
    }
  }
  return withLegalForms(best, a, b, opts)
}

function partsOf(side: Side): Parts {
  const distinctive: string[] = []
  const generic: string[] = []
  const genericSurface: string[] = []
  const stop: string[] = []
  let compact = ''
  for (let i = 0; i < side.tokens.length; i += 1) {
    const t = side.tokens[i] as string
    compact += t
    const kind = side.kinds.charCodeAt(i)
    if (kind === 100 /* d */) distinctive.push(t)
    // Generic words compare in their canonical spelling: "Groep" = "Group", "Tech" = "Technologies".
    else if (kind === 103 /* g */) {
      generic.push(canonicalWord(t))
      genericSurface.push(t)
    } else stop.push(t)
  }
  return { side, compact, distinctive, generic, genericSurface, stop }
}

function scoreSides(a: Parts, b: Parts, opts: ResolvedNameScoreOptions, digraphs: boolean): NameScore {
  if (a.compact === b.compact) {
    return { score: 1, likeness: 'same-name', unmatched: [], typos: [], extraWords: [], legalFormsDiffer: false, digraphs, reordered: false }
  }
  const sameCore = a.distinctive.join('') === b.distinctive.join('')
  const words = sameCore ? ALL_MATCHED : matchDistinctive(a.distinctive, b.distinctive, opts)
  const extra = extraWeight(a, b, opts)
  // The same words in another order are often another company ("China Bank", "Bank of China").
  const reordered = !sameCore && words.unmatched.length === 0 && words.typos.length === 0 && sortedJoin(a.distinctive) === sortedJoin(b.distinctive)
  const score = (2 * words.matched) / (2 + extra.weight) - (reordered ? opts.wordOrderPenalty : 0)
  const base = { unmatched: words.unmatched, typos: words.typos, extraWords: extra.words, legalFormsDiffer: false, digraphs, reordered }
  if (words.unmatched.length > 0 && opts.acronymScore > score && acronymLikeness(a, b)) {
    return { ...base, score: opts.acronymScore, likeness: 'acronym' }
  }
  return { ...base, score, likeness: sameCore ? 'same-core' : 'words' }
}

function sortedJoin(words: readonly string[]): string {
  return [...words].sort().join(' ')
}

/** Takes the legal-form penalty off when both names carry forms of different families. */
function withLegalForms(score: NameScore, a: NameShape, b: NameShape, opts: ResolvedNameScoreOptions): NameScore {
  if (a.legalForms.length === 0 || b.legalForms.length === 0) return score
  for (const code of a.legalForms) if (b.legalForms.includes(code)) return score
  return { ...score, score: Math.max(0, score.score - opts.legalFormPenalty), legalFormsDiffer: true }
}

/**
 * Pairs distinctive words: equal words first, then the leftovers when they spell the same
 * letters ("user gems" ~ "usergems"), then one-typo pairs among long words. Each side's words
 * share a weight of 1 by length; the result is the mean matched weight of the two sides.
 */
function matchDistinctive(dA: readonly string[], dB: readonly string[], opts: ResolvedNameScoreOptions): DistinctiveMatch {
  const simA: number[] = new Array<number>(dA.length).fill(0)
  const simB: number[] = new Array<number>(dB.length).fill(0)
  let exact = 0
  for (let i = 0; i < dA.length; i += 1) {
    for (let j = 0; j < dB.length; j += 1) {
      if (simB[j] === 0 && dA[i] === dB[j]) {
        simA[i] = 1
        simB[j] = 1
        exact += 1
        break
      }
    }
  }
  if (exact < dA.length && spelledRest(dA, simA) === spelledRest(dB, simB)) return ALL_MATCHED
  // A typo is only believed when another distinctive word agrees exactly: a one-word name
  // with one letter changed is as likely another company (Communauto, Communauté).
  const typos = exact > 0 ? pairTypos(dA, dB, simA, simB, opts) : []
  const unmatched: string[] = []
  for (let i = 0; i < dA.length; i += 1) if (simA[i] === 0) unmatched.push(dA[i] as string)
  for (let j = 0; j < dB.length; j += 1) if (simB[j] === 0) unmatched.push(dB[j] as string)
  return { matched: (sideWeight(dA, simA) + sideWeight(dB, simB)) / 2, unmatched, typos }
}

/** The unpaired words joined, so "user gems" and "usergems" are seen to be the same letters. */
function spelledRest(words: readonly string[], sims: readonly number[]): string {
  let out = ''
  for (let i = 0; i < words.length; i += 1) if (sims[i] === 0) out += words[i]
  return out
}

function pairTypos(dA: readonly string[], dB: readonly string[], simA: number[], simB: number[], opts: ResolvedNameScoreOptions): (readonly [string, string])[] {
  const typos: (readonly [string, string])[] = []
  for (let i = 0; i < dA.length && typos.length < opts.maxTypos; i += 1) {
    if (simA[i] !== 0) continue
    const x = dA[i] as string
    for (let j = 0; j < dB.length; j += 1) {
      const y = dB[j] as string
      if (simB[j] !== 0 || !isTypo(x, y, opts)) continue
      const sim = 1 - 1 / Math.max(x.length, y.length)
      simA[i] = sim
      simB[j] = sim
      typos.push([x, y])
      break
    }
  }
  return typos
}

/**
 * One slipped, doubled, dropped or swapped letter in a word long enough to still be
 * recognizable; never in numbers, and never a final "s" ("Valentino's" is not "Valentino").
 */
function isTypo(x: string, y: string, opts: ResolvedNameScoreOptions): boolean {
  if (x.length < opts.minTypoLength || y.length < opts.minTypoLength || Math.abs(x.length - y.length) > 1) return false
  if (/\d/.test(x) || /\d/.test(y)) return false
  if (x === `${y}s` || y === `${x}s`) return false
  return editDistance(x, y, 1) === 1
}

/** Matched share of one side's distinctive words, each weighted by its length. */
function sideWeight(words: readonly string[], sims: readonly number[]): number {
  let total = 0
  let matched = 0
  for (let i = 0; i < words.length; i += 1) {
    const length = (words[i] as string).length
    total += length
    matched += length * (sims[i] ?? 0)
  }
  return total === 0 ? 0 : matched / total
}

/** Weight of the generic and stop words that one side has and the other lacks. */
function extraWeight(a: Parts, b: Parts, opts: ResolvedNameScoreOptions): { weight: number; words: string[] } {
  if (a.generic.length + b.generic.length + a.stop.length + b.stop.length === 0) return { weight: 0, words: [] }
  const genericA = without(a.generic, b.generic)
  const genericB = without(b.generic, a.generic)
  const stops = [...without(a.stop, b.stop), ...without(b.stop, a.stop)]
  // Generic words that agree only once read canonically (Partners ~ Partner) weigh like a stop word.
  const respelled = without(a.genericSurface, b.genericSurface).length - genericA.length
  const conflict = genericA.length > 0 && genericB.length > 0 ? opts.conflictFactor : 1
  const weight = (genericA.length + genericB.length) * opts.genericWeight * conflict + (stops.length + respelled) * opts.stopWeight
  return { weight, words: [...genericA, ...genericB, ...stops] }
}

/** The words of `words` left after taking out, one for one, those in `other`. */
function without(words: readonly string[], other: readonly string[]): string[] {
  if (other.length === 0) return [...words]
  const rest = [...other]
  return words.filter((w) => {
    const i = rest.indexOf(w)
    if (i === -1) return true
    rest.splice(i, 1)
    return false
  })
}

/** One name is a single word that spells the other's initials ("IBM" ~ "International Business Machines"). */
function acronymLikeness(a: Parts, b: Parts): boolean {
  const wa = singleWord(a)
  const wb = singleWord(b)
  return (wa !== null && wa === acronymOf(b.side.tokens, b.side.kinds)) || (wb !== null && wb === acronymOf(a.side.tokens, a.side.kinds))
}

function singleWord(p: Parts): string | null {
  const words = p.distinctive.length + p.generic.length
  if (words !== 1) return null
  return p.distinctive[0] ?? p.generic[0] ?? null
}
