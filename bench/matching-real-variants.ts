/**
 * Real name variants for the recall evaluation: every company, brand and operator in the
 * `name-suggestion-index` package (BSD-3-Clause, a dev dependency) that has a Wikidata id,
 * with all the names the package records for it (its name, brand, operator, official and
 * short names, and the `matchNames` mappers wrote down from real signage and registers). The
 * Wikidata label is the account's name; every other name is a variant, labelled with its
 * kind by plain word comparison written here, apart from the matcher's own tables.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

/** One real organization and the other names it goes by. */
export interface RealEntity {
  readonly qid: string
  readonly name: string
  readonly variants: readonly LabelledVariant[]
}

export interface LabelledVariant {
  readonly text: string
  readonly kind: VariantKind
}

/** Kinds of real variant, as issue 14 lists them; `no-shared-word` is left to domains and contacts. */
export type VariantKind =
  | 'format' | 'legal-form' | 'abbreviation' | 'initialism' | 'alias-in-name' | 'plural-possessive'
  | 'descriptor' | 'own-extra-word' | 'no-shared-word'

interface NsiItem {
  readonly displayName: string
  readonly matchNames?: readonly string[]
  readonly tags: Readonly<Record<string, string>>
}

const NAME_TAGS = ['name', 'brand', 'operator', 'official_name', 'name:en', 'brand:en', 'operator:en', 'short_name', 'operator:short', 'alt_name']
const ID_TAGS = ['brand:wikidata', 'operator:wikidata', 'network:wikidata']
// Auto-generated school districts repeat one pattern thousands of times; they would drown the real variety.
const GENERATED = /schools division|deped|\bdistrict\b/i
const LATIN = /^[\p{Script=Latin}\p{N}\p{P}\p{Zs}&+'’]+$/u

/**
 * The bench's own reading of legal forms and abbreviations, only to label variants. Kept
 * apart from the matcher's tables so a label never just repeats what the matcher does.
 */
const LEGAL_WORDS = new Set([
  'inc', 'incorporated', 'corp', 'corporation', 'co', 'company', 'ltd', 'limited', 'llc', 'llp', 'lp', 'plc', 'gmbh',
  'ag', 'kg', 'sa', 'sas', 'sarl', 'srl', 'spa', 'bv', 'nv', 'ab', 'as', 'asa', 'oy', 'oyj', 'pty', 'pte', 'pvt',
  'sl', 'slu', 'ltda', 'sab', 'cv', 'de', 'se', 'kk', 'aps', 'a', 's', 'mbh', 'ev', 'eg', 'tbk', 'bhd', 'sdn',
  'ltee', 'limitee', 'ou', 'doo', 'sro', 'zoo', 'sp', 'z', 'o', 'kabushiki', 'kaisha', 'ooo', 'pjsc', 'jsc', 'pt',
])
const ABBREVIATED = new Set([
  'univ', 'intl', 'natl', 'dept', 'svcs', 'svc', 'mfg', 'bros', 'assn', 'assoc', 'ctr', 'hosp', 'tech', 'st', 'mt',
  'ft', 'centre', 'center', 'mgmt', 'inst', 'govt',
])
const STOP = new Set(['of', 'the', 'and', 'de', 'la', 'le', 'les', 'du', 'des', 'der', 'die', 'das', 'y', 'et', 'und', 'di', 'del', 'van', 'von'])

/** Real organizations with a Latin-script label and at least one other Latin-script name. */
export function loadRealEntities(): RealEntity[] {
  const dir = packageDir()
  const nsi = (JSON.parse(readFileSync(join(dir, 'dist', 'json', 'nsi.json'), 'utf8')) as { nsi: Record<string, { items: NsiItem[] }> }).nsi
  const labels = (JSON.parse(readFileSync(join(dir, 'dist', 'wikidata', 'wikidata.min.json'), 'utf8')) as { wikidata: Record<string, { label?: string }> }).wikidata
  const names = new Map<string, Set<string>>()
  for (const { items } of Object.values(nsi)) {
    for (const item of items) {
      const qid = ID_TAGS.map((t) => item.tags[t]).find((q) => q !== undefined)
      if (qid === undefined) continue
      const set = names.get(qid) ?? new Set<string>()
      for (const t of NAME_TAGS) if (item.tags[t] !== undefined) set.add(item.tags[t] as string)
      set.add(item.displayName)
      for (const m of item.matchNames ?? []) set.add(m)
      names.set(qid, set)
    }
  }
  const out: RealEntity[] = []
  for (const [qid, set] of names) {
    const label = labels[qid]?.label
    if (label === undefined || !LATIN.test(label) || GENERATED.test(label)) continue
    const seen = new Set([fold(label).join(' ')])
    const variants: LabelledVariant[] = []
    for (const text of set) {
      const key = fold(text).join(' ')
      if (seen.has(key) || key === '' || !LATIN.test(text) || GENERATED.test(text)) continue
      seen.add(key)
      variants.push({ text, kind: kindOf(label, text) })
    }
    out.push({ qid, name: label, variants })
  }
  return out.sort((a, b) => (a.qid < b.qid ? -1 : 1))
}

/** Which kind of variant `variant` is of `name`, by plain word comparison. */
export function kindOf(name: string, variant: string): VariantKind {
  if (/[()]|\s[/|]\s/.test(name) || /[()]|\s[/|]\s/.test(variant)) return 'alias-in-name'
  const a = fold(name)
  const b = fold(variant)
  if (a.join('') === b.join('')) return 'format'
  const coreA = a.filter((w) => !LEGAL_WORDS.has(w))
  const coreB = b.filter((w) => !LEGAL_WORDS.has(w))
  if (coreA.join('') === coreB.join('') && coreA.length > 0) return 'legal-form'
  if (isInitialism(coreA, coreB) || isInitialism(coreB, coreA)) return 'initialism'
  if (coreA.some((w) => ABBREVIATED.has(w)) !== coreB.some((w) => ABBREVIATED.has(w))) return 'abbreviation'
  const singular = (ws: readonly string[]): string => ws.map((w) => (w.length >= 4 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w)).join(' ')
  if (singular(coreA) === singular(coreB)) return 'plural-possessive'
  const setA = new Set(coreA.filter((w) => !STOP.has(w)))
  const setB = new Set(coreB.filter((w) => !STOP.has(w)))
  const shared = [...setA].filter((w) => setB.has(w)).length
  if (shared === 0) return 'no-shared-word'
  if (shared === setA.size || shared === setB.size) return 'descriptor'
  return 'own-extra-word'
}

function isInitialism(short: readonly string[], long: readonly string[]): boolean {
  const words = long.filter((w) => !STOP.has(w))
  if (short.length !== 1 || words.length < 2) return false
  const s = short[0] as string
  return s === words.map((w) => w[0]).join('') || s === long.map((w) => w[0]).join('')
}

/** Lower-case words without accents or punctuation; apostrophes dropped. */
export function fold(text: string): string[] {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/['’]/g, '').split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '')
}

/** True for the half of the entities used to tune; the other half is held out. Split by entity, never by variant. */
export function isTuningEntity(qid: string): boolean {
  let h = 0x811c9dc5
  for (let i = 0; i < qid.length; i += 1) h = Math.imul(h ^ qid.charCodeAt(i), 0x01000193)
  return (h >>> 0) % 2 === 0
}

function packageDir(): string {
  const require = createRequire(import.meta.url)
  return dirname(dirname(dirname(require.resolve('name-suggestion-index'))))
}
