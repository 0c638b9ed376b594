import { editDistance } from './edit-distance.js'
import { DEFAULT_NAME_SCORE_OPTIONS } from './name-score-options.js'
import type { NameScoreOptions, ResolvedNameScoreOptions } from './name-score-options.js'
import { acronymOf, canonicalWord } from './normalize-company-name.js'
import { isDescriptorWord, stemWord } from './stem-word.js'
import type { NameShape } from './normalize-company-name.js'

/** How two names were found alike. */
export type NameLikeness = 'same-name' | 'same-core' | 'words' | 'acronym'

/**
 * What the account index knows about words: how many accounts carry a word (by its stem) or a
 * set of initials. With it the scorer weighs words by rarity (IDF over the accounts); without
 * it (two names compared alone) every distinctive word must find a counterpart.
 */
export interface WordRarity {
  accountsWithWord(word: string): number
  accountsWithInitials(initials: string): number
}

/** One word that decided a score, with the weight it carried. */
export interface DecidingWord {
  readonly word: string
  /** Shared by both names, found on one side only, or without a counterpart (blocks the match). */
  readonly role: 'shared' | 'one-side' | 'unmatched'
  readonly weight: number
  /** How many accounts carry the word, when the index was asked. */
  readonly accounts: number | null
}

/** The likeness of two company names, with what made it and what kept it down. */
export interface NameScore {
  /** 0..1; 1 is the same name after normalization. */
  readonly score: number
  readonly likeness: NameLikeness
  /** Distinctive words without a counterpart on the other side; while any exist, no match. */
  readonly unmatched: readonly string[]
  /** Word pairs accepted with one typo. */
  readonly typos: readonly (readonly [string, string])[]
  /** Word pairs read as one word: plural or possessive ("tonys" ~ "tony"). */
  readonly stems: readonly (readonly [string, string])[]
  /** Generic or stop words found on one side only. */
  readonly extraWords: readonly string[]
  /** Descriptor words on one side only, let through because the shared words name one account. */
  readonly descriptors: readonly string[]
  /** Both names carry legal forms and no family is shared (GmbH vs Inc). */
  readonly legalFormsDiffer: boolean
  /** One side spelled umlauts as two letters (Müller ~ Mueller). */
  readonly digraphs: boolean
  /** One side was read through the alias it carries ("Northgate Medical Centre (NMC)"). */
  readonly alias: boolean
  /** The distinctive words agree but stand in another order. */
  readonly reordered: boolean
  /** The words that decided, with their weights (shared words first). */
  readonly words: readonly DecidingWord[]
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
  readonly unmatchedA: string[]
  readonly unmatchedB: string[]
  readonly typos: (readonly [string, string])[]
  readonly stems: (readonly [string, string])[]
}

interface Context {
  readonly opts: ResolvedNameScoreOptions
  readonly rarity: WordRarity | null
  readonly digraphs: boolean
  readonly alias: boolean
}

const NONE: readonly never[] = Object.freeze([])
const MIN_STEM_LENGTH = 4

/**
 * Scores two normalized company names. Distinctive words must all find a counterpart (the
 * same word, the same letters spaced differently, or one typo in a long word); the score is a
 * weighted Dice coefficient where distinctive words share a weight of 1 per name by length and
 * generic and stop words found on one side only weigh little, so "Acme Group" ~ "Acme" scores
 * 0.95 while "Acme Bank" ~ "Acme" keeps "bank" unmatched. Given the account index's word
 * counts (`rarity`), plurals pair up and a descriptor word on one side ("Hollis Pizza" ~
 * "Hollis") weighs `descriptorWeight` when the shared words belong to one account only.
 */
export function scoreCompanyNames(a: NameShape, b: NameShape, options: NameScoreOptions = {}, rarity: WordRarity | null = null): NameScore {
  const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined))
  return scoreWithOptions(a, b, { ...DEFAULT_NAME_SCORE_OPTIONS, ...given }, rarity)
}

/** `scoreCompanyNames` with every option already resolved: the matcher's hot path. */
export function scoreWithOptions(a: NameShape, b: NameShape, opts: ResolvedNameScoreOptions, rarity: WordRarity | null = null): NameScore {
  let best = scoreSides(partsOf(a), partsOf(b), { opts, rarity, digraphs: false, alias: false })
  if (best.score < 1 && (a.alternates !== null || b.alternates !== null)) {
    for (const x of readings(a)) {
      for (const y of readings(b)) {
        if (x.side === a && y.side === b) continue
        const ctx = { opts, rarity, digraphs: x.reading === 'umlauts' || y.reading === 'umlauts', alias: x.reading === 'alias' || y.reading === 'alias' }
        const next = initialsAlias(scoreSides(partsOf(x.side), partsOf(y.side), ctx), x, y, ctx)
        if (next.score > best.score) best = next
      }
    }
  }
  return withLegalForms(best, a, b, opts)
}

/**
 * An alias made of initials ("AMA" in "AMA (Azienda Mobilità Aquilana)") decides only when
 * the index shows one account at most with that word and one with those initials: initials
 * several accounts carry are another organization as often as not, so the score drops to
 * `acronymScore`, reported as the nearest miss.
 */
function initialsAlias(score: NameScore, x: Reading, y: Reading, ctx: Context): NameScore {
  if (ctx.rarity === null || score.score <= ctx.opts.acronymScore) return score
  const initials = x.reading === 'alias' && x.side.tokens.length === 1 ? x.side.tokens[0] : y.reading === 'alias' && y.side.tokens.length === 1 ? y.side.tokens[0] : undefined
  if (initials === undefined) return score
  const shared = ctx.rarity.accountsWithWord(initials) > 1 || ctx.rarity.accountsWithInitials(initials) > 1
  return shared ? { ...score, score: ctx.opts.acronymScore } : score
}

interface Reading {
  readonly side: Side
  readonly reading: 'main' | 'umlauts' | 'alias'
}

function readings(shape: NameShape): Reading[] {
  const out: Reading[] = [{ side: shape, reading: 'main' }]
  for (const alt of shape.alternates ?? []) out.push({ side: alt, reading: alt.reading })
  return out
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

function scoreSides(a: Parts, b: Parts, ctx: Context): NameScore {
  const { opts } = ctx
  if (a.compact === b.compact) {
    return {
      score: 1, likeness: 'same-name', unmatched: NONE, typos: NONE, stems: NONE, extraWords: NONE, descriptors: NONE,
      legalFormsDiffer: false, digraphs: ctx.digraphs, alias: ctx.alias, reordered: false, words: NONE,
    }
  }
  const sameCore = a.distinctive.join('') === b.distinctive.join('')
  let words = sameCore ? allMatched() : matchDistinctive(a.distinctive, b.distinctive, ctx)
  let descriptors: string[] = []
  let descriptorWeight = 0
  const oneSided = words.unmatchedA.length === 0 || words.unmatchedB.length === 0
  if (opts.descriptorMatching && ctx.rarity !== null && oneSided && words.unmatchedA.length + words.unmatchedB.length > 0) {
    const relaxed = relaxDescriptors(a, b, words, ctx)
    if (relaxed !== null) {
      descriptors = relaxed.descriptors
      descriptorWeight = descriptors.length * opts.descriptorWeight
      words = relaxed.words
    }
  }
  const unmatched = [...words.unmatchedA, ...words.unmatchedB]
  const extra = extraWeight(a, b, opts)
  // The same words in another order are often another company ("China Bank", "Bank of China").
  // Plural forms count as their stem here: "International House of Pancakes" is not "Pancake House".
  const reordered = !sameCore && unmatched.length === 0 && words.typos.length === 0 && descriptors.length === 0 && isReordered(a.distinctive, b.distinctive)
  const score = (2 * words.matched) / (2 + extra.weight + descriptorWeight) - (reordered ? opts.wordOrderPenalty : 0)
  const base = {
    unmatched, typos: words.typos, stems: words.stems, extraWords: extra.words, descriptors,
    legalFormsDiffer: false, digraphs: ctx.digraphs, alias: ctx.alias, reordered,
  }
  if (unmatched.length > 0) {
    const acronym = acronymLikeness(a, b)
    if (acronym !== null) {
      const value = acronymValue(acronym, ctx)
      if (value > score) return { ...base, score: value, likeness: 'acronym', words: [{ word: acronym, role: 'shared', weight: 1, accounts: initialsCount(acronym, ctx) }] }
    }
  }
  // The deciding words are only read for the few candidates an explanation names: built on first read.
  let deciding: DecidingWord[] | null = null
  return {
    ...base,
    score,
    likeness: sameCore ? 'same-core' : 'words',
    get words(): DecidingWord[] {
      deciding ??= decidingWords(a, b, unmatched, descriptors, extra.words, ctx)
      return deciding
    },
  }
}

function allMatched(): DistinctiveMatch {
  return { matched: 1, unmatchedA: [], unmatchedB: [], typos: [], stems: [] }
}

/**
 * A name with descriptor words the other lacks ("Shellmark Petroleum" ~ "Shellmark"): the
 * extra words may be left over when each is a descriptor (an industry word, or one many
 * accounts carry) and the shared distinctive words belong to at most `uniqueWordAccounts`
 * accounts, so they point at one company. Returns the pairing without those words.
 */
function relaxDescriptors(a: Parts, b: Parts, words: DistinctiveMatch, ctx: Context): { words: DistinctiveMatch; descriptors: string[] } | null {
  const rarity = ctx.rarity as WordRarity
  const leftover = words.unmatchedA.length > 0 ? words.unmatchedA : words.unmatchedB
  for (const w of leftover) if (!isDescriptorWord(w) && rarity.accountsWithWord(w) < ctx.opts.commonWordAccounts) return null
  const keepA = without(a.distinctive, words.unmatchedA)
  const keepB = without(b.distinctive, words.unmatchedB)
  if (keepA.length === 0 || keepB.length === 0) return null
  let rarest = Number.MAX_SAFE_INTEGER
  for (const w of keepA) rarest = Math.min(rarest, rarity.accountsWithWord(w))
  if (rarest > ctx.opts.uniqueWordAccounts) return null
  const rematched = keepA.join('') === keepB.join('') ? allMatched() : matchDistinctive(keepA, keepB, ctx)
  if (rematched.unmatchedA.length + rematched.unmatchedB.length > 0) return null
  return { words: rematched, descriptors: leftover }
}

/**
 * The words that decided, with their weights: shared distinctive words (their share of the
 * name by length), descriptor and generic words on one side, then words without a counterpart
 * (their share of their own name).
 */
function decidingWords(a: Parts, b: Parts, unmatched: readonly string[], descriptors: readonly string[], extras: readonly string[], ctx: Context): DecidingWord[] {
  const out: DecidingWord[] = []
  const length = (words: readonly string[]): number => words.reduce((n, w) => n + w.length, 0)
  const totalA = length(a.distinctive)
  const totalB = length(b.distinctive)
  const count = (w: string): number | null => (ctx.rarity === null ? null : ctx.rarity.accountsWithWord(w))
  for (const w of a.distinctive) {
    if (unmatched.includes(w) || descriptors.includes(w)) continue
    out.push({ word: w, role: 'shared', weight: totalA === 0 ? 0 : w.length / totalA, accounts: count(w) })
  }
  for (const w of descriptors) out.push({ word: w, role: 'one-side', weight: ctx.opts.descriptorWeight, accounts: count(w) })
  for (const w of extras) out.push({ word: w, role: 'one-side', weight: ctx.opts.genericWeight, accounts: null })
  for (const w of unmatched) {
    const total = a.distinctive.includes(w) ? totalA : totalB
    out.push({ word: w, role: 'unmatched', weight: total === 0 ? 0 : w.length / total, accounts: count(w) })
  }
  return out
}

/** Initials as a match: weak (`acronymScore`) unless `initialsMatching` is on and the index shows one account alone has them. */
function acronymValue(initials: string, ctx: Context): number {
  if (!ctx.opts.initialsMatching || initials.length < ctx.opts.minUniqueAcronymLength) return ctx.opts.acronymScore
  const n = initialsCount(initials, ctx)
  return n !== null && n <= 1 ? Math.max(ctx.opts.acronymScore, ctx.opts.uniqueAcronymScore) : ctx.opts.acronymScore
}

function initialsCount(initials: string, ctx: Context): number | null {
  if (ctx.rarity === null) return null
  return ctx.rarity.accountsWithInitials(initials) + ctx.rarity.accountsWithWord(initials)
}

/** The same words, read by their stems, in another order. */
function isReordered(a: readonly string[], b: readonly string[]): boolean {
  const sa = a.map(stemWord)
  const sb = b.map(stemWord)
  return sa.join(' ') !== sb.join(' ') && [...sa].sort().join(' ') === [...sb].sort().join(' ')
}

/** Takes the legal-form penalty off when both names carry forms of different families. */
function withLegalForms(score: NameScore, a: NameShape, b: NameShape, opts: ResolvedNameScoreOptions): NameScore {
  if (a.legalForms.length === 0 || b.legalForms.length === 0) return score
  for (const code of a.legalForms) if (b.legalForms.includes(code)) return score
  return { ...score, score: Math.max(0, score.score - opts.legalFormPenalty), legalFormsDiffer: true }
}

/**
 * Pairs distinctive words: equal words first, then the leftovers when they spell the same
 * letters ("user gems" ~ "usergems"), then (with the index's word counts) plural and
 * possessive forms, then one-typo pairs among long words. Each side's words share a weight of
 * 1 by length; the result is the mean matched weight of the two sides.
 */
function matchDistinctive(dA: readonly string[], dB: readonly string[], ctx: Context): DistinctiveMatch {
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
  if (exact < dA.length && spelledRest(dA, simA) === spelledRest(dB, simB)) return allMatched()
  const stems = ctx.opts.pluralStems && ctx.rarity !== null && exact < dA.length ? pairStems(dA, dB, simA, simB, exact > 0, ctx) : []
  // A typo is only believed when another distinctive word agrees exactly: a one-word name
  // with one letter changed is as likely another company (Communauto, Communauté).
  const typos = exact + stems.length > 0 ? pairTypos(dA, dB, simA, simB, ctx.opts) : []
  const unmatchedA: string[] = []
  const unmatchedB: string[] = []
  for (let i = 0; i < dA.length; i += 1) if (simA[i] === 0) unmatchedA.push(dA[i] as string)
  for (let j = 0; j < dB.length; j += 1) if (simB[j] === 0) unmatchedB.push(dB[j] as string)
  return { matched: (sideWeight(dA, simA) + sideWeight(dB, simB)) / 2, unmatchedA, unmatchedB, typos, stems }
}

/**
 * Plural and possessive forms of one word ("jansons" ~ "janson", "tonys" ~ "tony"). Alone in
 * a name, the stem must belong to one account: "Black" is not "Blacks" when "Black Bar
 * Burger" is an account too.
 */
function pairStems(dA: readonly string[], dB: readonly string[], simA: number[], simB: number[], anchored: boolean, ctx: Context): (readonly [string, string])[] {
  const opts = ctx.opts
  const pairs: (readonly [string, string])[] = []
  for (let i = 0; i < dA.length; i += 1) {
    if (simA[i] !== 0) continue
    const x = dA[i] as string
    const sx = stemWord(x)
    // A stem under four letters is initials more often than a word ("SFRS", "EBU" ~ "eBus").
    if (sx.length < MIN_STEM_LENGTH) continue
    for (let j = 0; j < dB.length; j += 1) {
      const y = dB[j] as string
      if (simB[j] !== 0 || stemWord(y) !== sx) continue
      if (!anchored && (ctx.rarity?.accountsWithWord(x) ?? 0) > opts.uniqueWordAccounts) continue
      simA[i] = opts.stemSimilarity
      simB[j] = opts.stemSimilarity
      pairs.push([x, y])
      break
    }
  }
  return pairs
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

/** One name is a single word that spells the other's initials ("IBM" ~ "International Business Machines"): those initials. */
function acronymLikeness(a: Parts, b: Parts): string | null {
  const wa = singleWord(a)
  if (wa !== null && wa === acronymOf(b.side.tokens, b.side.kinds)) return wa
  const wb = singleWord(b)
  if (wb !== null && wb === acronymOf(a.side.tokens, a.side.kinds)) return wb
  return null
}

function singleWord(p: Parts): string | null {
  const words = p.distinctive.length + p.generic.length
  if (words !== 1) return null
  return p.distinctive[0] ?? p.generic[0] ?? null
}
