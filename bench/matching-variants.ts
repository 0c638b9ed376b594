/**
 * Name variants for the matching benchmark: the ways a CRM or a data vendor writes the same
 * company differently (legal forms, case, punctuation, "The", CamelCase, & and "and",
 * accents), plus extra kinds reported apart (a typo, an added generic word), and near-miss
 * names that must not match.
 */
import { normalizeCompanyName } from '../src/matching/index.js'
import { pick } from './matching-data.js'

/** The variant kinds the precision and recall aims apply to. */
export const CORE_KINDS = ['legal-form', 'case', 'punctuation', 'the', 'camel-case', 'ampersand', 'accents', 'combined'] as const
/** Variant kinds reported apart: useful, but beyond the brief's list. */
export const EXTRA_KINDS = ['typo', 'generic-word'] as const

export type VariantKind = (typeof CORE_KINDS)[number] | (typeof EXTRA_KINDS)[number]

const LEGAL_SUFFIXES = [
  ', Inc.', ' Inc', ' LLC', ' Ltd', ' Ltd.', ' Limited', ' GmbH', ' AG', ' S.A.', ' SA', ' B.V.', ' N.V.', ' Corp.',
  ' Corporation', ' Pty Ltd', ' Sp. z o.o.', ' S.p.A.', ' S.r.l.', ' AB', ' A/S', ' Oy', ' SAS', ' SARL',
  ' S.A. de C.V.', ' GmbH & Co. KG', ' Co., Ltd.', ' PLC', ' K.K.', ' Incorporated', ' S.L.', ' Ltda.', ' SE',
]
const LEGAL_PREFIXES = ['PT ', 'OOO ']
const TRAILING_FORM = /[,\s]+(inc\.?|llc|ltd\.?|limited|gmbh|ag|s\.?a\.?|b\.?v\.?|n\.?v\.?|corp\.?|corporation|plc|se|oy|ab|a\/s|as|spa|s\.p\.a\.|srl|s\.r\.l\.|sas|sarl|kg|co\.?)$/i
const GENERIC_WORDS = ['Group', 'Holdings', 'Technologies', 'Solutions', 'International']

/** Writes `name` as the given kind of variant, or null when the kind does not apply to it. */
export function makeVariant(name: string, kind: VariantKind, rng: () => number): string | null {
  const out = VARIANTS[kind](name, rng)
  return out === null || out === name ? null : out
}

const VARIANTS: Readonly<Record<VariantKind, (name: string, rng: () => number) => string | null>> = {
  'legal-form': (name, rng) => (rng() < 0.08 ? pick(rng, LEGAL_PREFIXES) + name : name.replace(TRAILING_FORM, '') + pick(rng, LEGAL_SUFFIXES)),
  case: (name, rng) => (rng() < 0.5 ? name.toUpperCase() : name.toLowerCase()),
  punctuation: (name) => {
    // Dots inside a word (Booking.com) stay: nobody writes "Bookingcom".
    const stripped = name.replace(/\.(?!\p{L})|[,'’!"()]/gu, '').replace(/[-/]/g, ' ').replace(/\s+/g, ' ').trim()
    return stripped !== name ? stripped : /\s/.test(name) ? `${name.replace(/\s+/, ', ')}` : null
  },
  the: (name) => (/^the\s/i.test(name) ? name.replace(/^the\s+/i, '') : `The ${name}`),
  'camel-case': (name) => {
    // Names with a legal form are left alone: nobody writes "AdidasAG" or "WalkingCompany".
    const words = name.split(/\s+/)
    const joinable = words.length >= 2 && words.length <= 3 && words.every((w) => /^\p{L}+$/u.test(w))
    if (joinable && (normalizeCompanyName(name)?.legalForms.length ?? 1) === 0) return words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('')
    const split = name.replace(/(\p{Ll}\p{Ll})(\p{Lu}\p{Ll})/gu, '$1 $2')
    return split !== name ? split : null
  },
  ampersand: (name) => (name.includes('&') ? name.replace(/\s*&\s*/g, ' and ') : / and /i.test(name) ? name.replace(/ and /i, ' & ') : null),
  accents: (name) => {
    const folded = name.normalize('NFKD').replace(/\p{M}/gu, '')
    return folded !== name ? folded : null
  },
  combined: (name, rng) => {
    const legal = VARIANTS['legal-form'](name, rng) ?? name
    const cased = rng() < 0.5 ? legal.toUpperCase() : legal.toLowerCase()
    return cased.replace(/\.(?!\p{L})/gu, '').replace(/,\s*/g, ' ')
  },
  typo: (name, rng) => {
    const words = name.split(' ')
    const longest = words.reduce((a, b) => (b.length > a.length ? b : a), '')
    if (longest.length < 10 || /\d/.test(longest)) return null
    const at = 1 + Math.floor(rng() * (longest.length - 3))
    const swapped = longest.slice(0, at) + longest.charAt(at + 1) + longest.charAt(at) + longest.slice(at + 2)
    return name.replace(longest, swapped)
  },
  'generic-word': (name, rng) => `${name.replace(TRAILING_FORM, '')} ${pick(rng, GENERIC_WORDS)}`,
}

/**
 * A different company whose name overlaps: a word of another real company's name added
 * ("Acme" → "Acme Norwood"), a word replaced, or one dropped. A careful matcher must not call
 * these the same company. An industry word added ("Acme" → "Acme Bank") is no longer made
 * here: since issue 14 it is a descriptor variant of a brand one account alone carries.
 */
export function makeNearMiss(name: string, rng: () => number, otherWords: readonly string[]): string | null {
  const words = name.replace(TRAILING_FORM, '').split(/\s+/).filter((w) => w !== '')
  const r = rng()
  if (r < 0.4 || words.length === 0) return `${words.join(' ')} ${pick(rng, otherWords)}`
  if (r < 0.75) {
    const at = Math.floor(rng() * words.length)
    return words.map((w, i) => (i === at ? pick(rng, otherWords) : w)).join(' ')
  }
  if (words.length < 2) return `${pick(rng, otherWords)} ${words.join(' ')}`
  const drop = Math.floor(rng() * words.length)
  return words.filter((_, i) => i !== drop).join(' ')
}
