/**
 * Data for the matching benchmark: real companies with their websites from the Wikidata
 * records that `name-suggestion-index` ships (dev dependency), and synthetic-but-realistic
 * distinct companies to pad the index to a million accounts.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { normalizeCompanyName, websiteDomain } from '../src/matching/index.js'
import { seededRandom } from '../src/sandbox/kit/faults.js'

/** One real company: its Wikidata id, label and official website. */
export interface RealCompany {
  readonly qid: string
  readonly name: string
  readonly website: string
  readonly domain: string
}

interface WikidataFile {
  readonly wikidata: Readonly<Record<string, { label?: string; officialWebsites?: string[] }>>
}

/** A seeded pseudo-random generator, so every run builds the same data: the simulators' own. */
export const createRng = seededRandom

/** Picks one element. */
export function pick<T>(rng: () => number, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)] as T
}

/** Shuffles in place (Fisher–Yates). */
export function shuffle<T>(rng: () => number, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rng() * (i + 1))
    const tmp = items[i] as T
    items[i] = items[j] as T
    items[j] = tmp
  }
  return items
}

/** The package version, for the report. */
export function nsiVersion(): string {
  const path = join(packageDir(), 'package.json')
  return (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version
}

/**
 * Every way a real name could collide with an invented brand: its words, and its normalized
 * name with and without spaces (so "I.D.A." keeps out the brand "Ida").
 */
export function realNameKeys(real: readonly RealCompany[]): Set<string> {
  const keys = new Set<string>()
  for (const c of real) {
    for (const w of c.name.toLowerCase().split(/[^\p{L}\p{N}]+/u)) keys.add(w)
    const n = normalizeCompanyName(c.name)
    if (n === null) continue
    keys.add(n.compact)
    keys.add(n.core)
    for (const t of n.tokens) keys.add(t)
    if (n.digraph !== null) keys.add(n.digraph.tokens.join(''))
  }
  return keys
}

/** Real companies with a label and an official website whose registrable domain parses. */
export function loadRealCompanies(): RealCompany[] {
  const path = join(packageDir(), 'dist', 'wikidata', 'wikidata.min.json')
  const file = JSON.parse(readFileSync(path, 'utf8')) as WikidataFile
  const out: RealCompany[] = []
  for (const [qid, entry] of Object.entries(file.wikidata)) {
    const website = entry.officialWebsites?.[0]
    if (entry.label === undefined || website === undefined) continue
    const domain = websiteDomain(website)
    if (domain === null || normalizeCompanyName(entry.label) === null) continue
    out.push({ qid, name: entry.label, website, domain })
  }
  return out.sort((a, b) => (a.qid < b.qid ? -1 : 1))
}

function packageDir(): string {
  const require = createRequire(import.meta.url)
  // The package's main entry is dist/js/nsi.cjs; its data files sit two folders up.
  return dirname(dirname(dirname(require.resolve('name-suggestion-index'))))
}

const ONSETS = ['b', 'br', 'c', 'cr', 'd', 'dr', 'f', 'fl', 'g', 'gr', 'h', 'j', 'k', 'kr', 'l', 'm', 'n', 'p', 'pr', 'qu', 'r', 's', 'st', 'sk', 't', 'tr', 'v', 'w', 'z', 'th', 'sh', 'ch', '']
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'io', 'ou', 'y']
const CODAS = ['', '', '', 'n', 'r', 'l', 'x', 's', 'm', 'nt', 'rk', 'ck', 'st', 'ph', 'v']
const INDUSTRY = [
  'Logistics', 'Dental', 'Bakery', 'Motors', 'Pharma', 'Bank', 'Insurance', 'Analytics', 'Foods', 'Energy', 'Capital',
  'Realty', 'Construction', 'Robotics', 'Textiles', 'Marine', 'Aerospace', 'Health', 'Clinic', 'Studios', 'Media',
  'Apparel', 'Furniture', 'Brewing', 'Coffee', 'Hotels', 'Travel', 'Airlines', 'Freight', 'Mining', 'Steel', 'Paper',
  'Chemicals', 'Biotech', 'Security', 'Legal', 'Accounting', 'Design', 'Architects', 'Engineering', 'Plastics',
  'Solar', 'Water', 'Telecom', 'Fitness', 'Education', 'Publishing', 'Games', 'Pet Supplies', 'Auto Parts',
]
const GENERIC = ['Group', 'Holdings', 'Solutions', 'Systems', 'Services', 'Technologies', 'International', 'Partners']
const LEGAL = ['Inc.', 'LLC', 'Ltd', 'GmbH', 'S.A.', 'B.V.', 'AG', 'Corp.', 'Pty Ltd', 'SAS', 'S.r.l.', 'AB', 'Oy', 'Sp. z o.o.', 'PLC', 'Co., Ltd.']
const TLDS = ['com', 'com', 'com', 'io', 'de', 'co.uk', 'fr', 'nl', 'net', 'co', 'com.au', 'es', 'it', 'se']

/**
 * Distinct synthetic companies shaped like real ones: an invented brand (unique, and never a
 * word of any real name, so ground truth stays clear), often an industry word, sometimes a
 * generic word and a legal form. One brand in twenty gets a second company in another
 * industry ("Zentora Bank" beside "Zentora Foods"), the near-misses a matcher must keep apart.
 */
export function* syntheticCompanies(count: number, rng: () => number, realWords: ReadonlySet<string>, realDomains: ReadonlySet<string>): Generator<{ name: string; domain: string }> {
  const brands = new Set<string>()
  let made = 0
  while (made < count) {
    const brand = inventBrand(rng)
    const key = brand.toLowerCase()
    if (brands.has(key) || realWords.has(key)) continue
    brands.add(key)
    const industries = rng() < 0.05 ? [pick(rng, INDUSTRY), pick(rng, INDUSTRY)] : [rng() < 0.6 ? pick(rng, INDUSTRY) : '']
    for (const [i, industry] of [...new Set(industries)].entries()) {
      if (made >= count) return
      const generic = rng() < 0.15 ? ` ${pick(rng, GENERIC)}` : ''
      const legal = rng() < 0.5 ? ` ${pick(rng, LEGAL)}` : ''
      const name = `${brand}${industry === '' ? '' : ` ${industry}`}${generic}${legal}`
      const slug = `${key}${i === 0 ? '' : industry.toLowerCase().replace(/\W/g, '')}`
      const domain = `${slug}.${pick(rng, TLDS)}`
      if (realDomains.has(domain)) continue
      yield { name, domain }
      made += 1
    }
  }
}

function inventBrand(rng: () => number): string {
  const syllables = rng() < 0.35 ? 2 : 3
  let brand = ''
  for (let i = 0; i < syllables; i += 1) brand += pick(rng, ONSETS) + pick(rng, VOWELS) + (i === syllables - 1 ? pick(rng, CODAS) : '')
  return brand.charAt(0).toUpperCase() + brand.slice(1)
}
