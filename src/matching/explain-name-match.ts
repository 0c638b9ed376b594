import type { NameScore } from './score-company-names.js'
import type { NameStep } from './tokenize-company-name.js'
import type { NormalizedCompanyName } from './normalize-company-name.js'

/** The normalization steps worth naming in an explanation, in the words a person reads. */
const STEP_WORDS: Readonly<Partial<Record<NameStep, string>>> = {
  'legal-form': 'removing legal forms',
  the: 'dropping "The"',
  'dot-com': 'dropping the web suffix',
  'camel-case': 'splitting CamelCase',
  accents: 'folding accents',
  ampersand: 'reading & as "and"',
  abbreviation: 'spelling out abbreviations',
  alias: 'reading the alias in the name',
}

/** Two decimals, as explanations print scores. */
export function formatScore(score: number): string {
  return (Math.floor(score * 100 + 1e-9) / 100).toFixed(2)
}

/**
 * The evidence for a name likeness: a headline such as
 * `name "Acme Corp" ~ "ACME, Inc." 0.97 after removing legal forms`, then one line per thing
 * that changed the score (typos, generic words, differing legal forms, umlauts).
 */
export function explainNameMatch(query: NormalizedCompanyName, account: { name: string; legalForms: readonly string[] }, score: NameScore): string[] {
  const accountName = account.name
  const queryName = query.input
  const accountSteps = quickSteps(accountName, account.legalForms.length > 0)
  // A step both names went through the same way (both CamelCase) explains nothing; legal forms always do.
  const differ = (s: NameStep): boolean => s === 'legal-form' || query.steps.includes(s) !== accountSteps.includes(s)
  const steps = new Set<NameStep>([...query.steps, ...accountSteps].filter(differ))
  const after = [...steps].map((s) => STEP_WORDS[s]).filter((w): w is string => w !== undefined)
  const how = score.likeness === 'acronym' ? ' as initials' : ''
  const tail = after.length > 0 ? ` after ${after.join(', ')}` : ''
  const lines = [`name "${queryName}" ~ "${accountName}" ${formatScore(score.score)}${how}${tail}`]
  for (const [a, b] of score.typos) lines.push(`typo tolerated: "${a}" ~ "${b}" (one letter)`)
  if (score.extraWords.length > 0) lines.push(`words on one side only, weighed less: ${score.extraWords.join(', ')}`)
  if (score.legalFormsDiffer) lines.push('legal forms differ')
  if (score.digraphs) lines.push('umlauts read as two letters (ü = ue)')
  if (score.reordered) lines.push('the same words in another order')
  for (const [a, b] of score.stems) lines.push(`plural or possessive read as one word: "${a}" ~ "${b}"`)
  if (score.descriptors.length > 0) lines.push(`descriptor on one side only, weighed ${score.descriptors.length > 1 ? 'each ' : ''}as a detail: ${score.descriptors.join(', ')}`)
  if (score.alias) lines.push('matched through the alias the name carries')
  const deciding = describeWords(score)
  if (deciding !== null) lines.push(deciding)
  return lines
}

/**
 * The words that decided and their weights, e.g. `deciding words: shellmark 1.00 (1 account),
 * petroleum 0.15 (one side)`. Null for an identical name, where nothing needed weighing.
 */
export function describeWords(score: NameScore): string | null {
  if (score.words.length === 0) return null
  const parts = score.words.map((w) => {
    const where = w.role === 'shared' ? '' : w.role === 'one-side' ? ', one side' : ', no counterpart'
    const count = w.accounts === null ? '' : `, ${w.accounts} account${w.accounts === 1 ? '' : 's'}`
    return `${w.word} ${w.weight.toFixed(2)}${where}${count}`
  })
  return `deciding words (weight): ${parts.join('; ')}`
}

/**
 * The steps an account's name went through, read off the raw name with a few tests rather
 * than normalizing it again: explanations are built on every lookup.
 */
function quickSteps(name: string, hasLegalForm: boolean): NameStep[] {
  const steps: NameStep[] = []
  if (hasLegalForm) steps.push('legal-form')
  if (/^\s*the\s|,\s*the\s*$/i.test(name)) steps.push('the')
  if (/[\u0080-\uffff]/.test(name)) steps.push('accents')
  if (/[&+]|\s(and|und|et)\s/i.test(name)) steps.push('ampersand')
  if (/\p{Ll}\p{Ll}\p{Lu}\p{Ll}|\p{Lu}\p{Lu}\p{Ll}/u.test(name)) steps.push('camel-case')
  if (/\p{L}\.(com|net|org|io|ai|co)\b/iu.test(name)) steps.push('dot-com')
  return steps
}

/** Why a name candidate did not match, in one sentence. */
export function nameShortfall(score: NameScore, threshold: number): string {
  if (score.likeness === 'acronym') return `only the initials agree, a weak signal: ${formatScore(score.score)} is below the threshold ${threshold}`
  if (score.unmatched.length > 0) return `words without a counterpart: ${score.unmatched.join(', ')}${rarityNote(score)}`
  if (score.reordered) return `the same words in another order: ${formatScore(score.score)} is below the threshold ${threshold}`
  return `score ${formatScore(score.score)} is below the threshold ${threshold}`
}

/** Why leftover words were not let through as descriptors, when the index was asked. */
function rarityNote(score: NameScore): string {
  const shared = score.words.filter((w) => w.role === 'shared' && w.accounts !== null)
  if (shared.length === 0) return ''
  const rarest = Math.min(...shared.map((w) => w.accounts as number))
  return rarest > 1 ? ` (the shared words are on ${rarest} accounts, so they do not single one out)` : ''
}
