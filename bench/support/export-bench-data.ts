import { seededRandom } from '../../src/sandbox/kit/faults.js'
/** Sandbox-only access token shared by the export benchmark and its simulator process. */
export const exportBenchToken = '00D8c0000000001!export-bench-token'

/** A seeded pseudo-random generator, so every run builds the same data: the simulators' own. */
export const rng = seededRandom

const firsts = ['Ana', 'Ben', 'Chloe', 'Dmitri', 'Elif', 'Farah', 'Gustavo', 'Hana', 'Ian', 'Jun', 'Kofi', 'Lena', 'Mateo', 'Nora', 'Omar', 'Priya']
const syllables = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'ti', 'vo', 'ze', 'ba', 'do', 'fi', 'gu', 'ha', 'je']
const companyWords = ['Labs', 'Works', 'Systems', 'Foods', 'Motors', 'Health', 'Capital', 'Media']

/** What kind of signal the benchmark made, so its outcome can be checked. */
export type BenchKind = 'contact-on-account' | 'new-company-lead' | 'name-variation' | 'existing-person'

/** An account of the generated org, as the signals refer to it. */
export interface BenchAccount {
  readonly name: string
  readonly website: string
}

/** A company name written another way: legal form changed or dropped, case changed. */
function variation(name: string, random: () => number): string {
  const core = name.replace(/ (Inc\.|LLC|GmbH|Ltd|Group|Technologies|S\.A\.)$/, '')
  const forms = ['', ', Inc.', ' LLC', ' Corp.', ' Ltd']
  const form = forms[Math.floor(random() * forms.length)]!
  return random() < 0.5 ? `${core.toUpperCase()}${form}` : `${core}${form}`
}

/**
 * Job-change signals against the org `generateSalesforceSeed` makes with the same options:
 * people joining existing accounts (found by their email domain), people at companies the
 * org does not know (leads), people known only by a variation of an account's name and a
 * free-mail address, and people who already exist (found by email, updated). Last names come
 * from a pool of a few thousand, as in life.
 */
export function benchSignals(count: number, accounts: readonly BenchAccount[], existingEmails: readonly string[], batch: { readonly seed?: number; readonly idPrefix?: string } = {}): { line: string; kind: BenchKind }[] {
  // Another seed and prefix make another file of the same mix: other people, other signal ids.
  const random = rng(batch.seed ?? 4242)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!
  const surname = (): string => {
    const n = Math.floor(random() * 4000)
    return `${syllables[n % 15]!}${syllables[Math.floor(n / 15) % 15]!}${syllables[Math.floor(n / 225) % 15]!}`.replace(/^./, (c) => c.toUpperCase())
  }
  const out: { line: string; kind: BenchKind }[] = []
  for (let i = 0; i < count; i++) {
    const roll = random()
    const first = pick(firsts)
    const last = surname()
    const person = { firstName: first, lastName: last, title: 'VP Sales', city: 'Boston', state: 'MA', country: 'United States', linkedinUrl: `https://www.linkedin.com/in/${first}-${last}-${i}` }
    let kind: BenchKind
    let signal: Record<string, unknown>
    if (roll < 0.45) {
      const account = pick(accounts)
      const domain = account.website.replace(/^https:\/\/www\./, '')
      kind = 'contact-on-account'
      signal = { person: { ...person, email: `${first}.${last}.${i}@${domain}`.toLowerCase() }, company: { name: account.name } }
    } else if (roll < 0.8) {
      kind = 'new-company-lead'
      signal = { person: { ...person, email: `${first}.${last}@newco${i}.io`.toLowerCase() }, company: { name: `Newco ${i} ${pick(companyWords)}`, domain: `newco${i}.io` } }
    } else if (roll < 0.9 && existingEmails.length > 0) {
      kind = 'existing-person'
      signal = { person: { ...person, email: pick(existingEmails) }, company: { name: 'Somewhere Else' } }
    } else {
      kind = 'name-variation'
      signal = { person: { ...person, email: `${first}.${last}.${i}@gmail.com`.toLowerCase() }, company: { name: variation(pick(accounts).name, random) } }
    }
    out.push({ line: JSON.stringify({ id: `${batch.idPrefix ?? 'bench'}-${i}`, ...signal, pastCompany: { name: 'Globex' }, jobStartedAt: '2025-02-03' }), kind })
  }
  return out
}
