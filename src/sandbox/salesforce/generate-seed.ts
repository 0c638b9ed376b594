import { seededRandom } from '../kit/faults.js'
import { keyPrefixes, makeId } from './ids.js'
import type { SalesforceSeed } from './seed.js'
import type { SfValue } from './state.js'

export interface GenerateSalesforceSeedOptions {
  /** People to make, split between contacts (on accounts) and leads. */
  readonly people: number
  /** Accounts the contacts belong to; one per ten people by default. */
  readonly accounts?: number
  /** Users who own the records; the last one is inactive. */
  readonly users?: number
  /** Share of people that are contacts (the rest are leads). */
  readonly contactShare?: number
  /** PRNG seed, so the same options give the same org. */
  readonly seed?: number
  /** When the first record was last modified (ISO); later records follow, a few per second. */
  readonly modifiedFrom?: string
  /** Records sharing each second of modification time, so reads meet ties at page boundaries. */
  readonly recordsPerSecond?: number
}

const firstNames = ['Ana', 'Ben', 'Chloé', 'Dmitri', 'Elif', 'Farah', 'Gustavo', 'Hana', 'Ian', 'Jun', 'Kofi', 'Lena', 'Mateo', 'Nora', 'Omar', 'Priya', 'Quinn', 'Rosa', 'Sven', 'Tariq']
const lastNames = ['Almeida', 'Brown', 'Chen', 'Dubois', 'Eriksen', 'Fischer', 'García', 'Haddad', 'Ivanova', 'Jensen', 'Kim', 'López', 'Müller', 'Nakamura', "O'Brien", 'Patel', 'Rossi', 'Smith', 'Tanaka', 'Wright']
const companyWords = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Stark', 'Wayne', 'Hooli', 'Vandelay', 'Soylent', 'Tyrell', 'Cyberdyne', 'Aperture']
const companySuffixes = ['Inc.', 'LLC', 'GmbH', 'Ltd', 'Group', 'Technologies', 'S.A.']
const titles = ['VP Sales', 'Account Executive', 'CTO', 'Head of RevOps', 'Marketing Manager', 'SDR', 'CEO', 'Data Engineer']
const states: [string, string][] = [['CA', 'USA'], ['NY', 'USA'], ['TX', 'USA'], ['Bavaria', 'Germany'], ['Ontario', 'Canada'], ['Île-de-France', 'France']]

/**
 * Makes a realistic org of `people` leads and contacts, deterministic for a given seed: users
 * (one inactive), accounts with domains and a few parent/child pairs, contacts on accounts and
 * leads with text company names. For benchmarks and demos.
 */
export function generateSalesforceSeed(options: GenerateSalesforceSeedOptions): SalesforceSeed {
  const random = seededRandom(options.seed ?? 7)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!
  const userCount = Math.max(2, options.users ?? 5)
  const users = Array.from({ length: userCount }, (_, i) => ({
    Id: makeId(keyPrefixes.User!, i + 1),
    Username: `user${i + 1}@revsync-sandbox.example.com`,
    Email: `user${i + 1}@revsync-sandbox.example.com`,
    FirstName: pick(firstNames),
    LastName: pick(lastNames),
    IsActive: i < userCount - 1,
  }))
  const activeOwner = (): string => users[Math.floor(random() * (userCount - 1))]!.Id
  const accountCount = Math.max(1, options.accounts ?? Math.ceil(options.people / 10))
  const accounts: Record<string, SfValue>[] = Array.from({ length: accountCount }, (_, i) => {
    const word = `${pick(companyWords)}${i}`
    const [state, country] = pick(states)
    return {
      Id: makeId(keyPrefixes.Account!, i + 1),
      Name: `${word} ${pick(companySuffixes)}`,
      Website: `https://www.${word.toLowerCase()}.com`,
      BillingState: state,
      BillingCountry: country,
      Industry: 'Technology',
      OwnerId: activeOwner(),
      // Every tenth account is the child of the one before it: a small hierarchy.
      ParentId: i % 10 === 9 ? makeId(keyPrefixes.Account!, i) : null,
    }
  })
  const contactCount = Math.round(options.people * (options.contactShare ?? 0.5))
  const person = (i: number, domain: string): { fields: Record<string, SfValue>; place: [string, string] } => {
    const first = pick(firstNames)
    const last = pick(lastNames)
    const email = `${first}.${last}.${i}@${domain}`.toLowerCase().replace(/[^a-z0-9.@-]/g, '')
    return { fields: { FirstName: first, LastName: last, Title: pick(titles), Email: email, Phone: `+1 555 ${String(1000 + (i % 9000))}`, OwnerId: activeOwner() }, place: pick(states) }
  }
  const contacts = Array.from({ length: contactCount }, (_, i) => {
    const account = accounts[i % accountCount]!
    const { fields, place } = person(i, String(account.Website).replace('https://www.', ''))
    return { ...fields, AccountId: String(account.Id), MailingState: place[0], MailingCountry: place[1] }
  })
  const leads = Array.from({ length: options.people - contactCount }, (_, i) => {
    const company = `${pick(companyWords)} ${pick(companySuffixes)}`
    const { fields, place } = person(contactCount + i, `${company.split(' ')[0]!.toLowerCase()}-lead.com`)
    return { ...fields, Company: company, State: place[0], Country: place[1], LeadSource: 'Web' }
  })
  const stamp = stamper(options)
  const stamped = (rows: Record<string, SfValue>[]): Record<string, SfValue>[] => rows.map((r) => ({ ...r, ...stamp() }))
  return { users, accounts: stamped(accounts), contacts: stamped(contacts), leads: stamped(leads) }
}

/** Audit stamps in creation order, `recordsPerSecond` records to a second, as Salesforce formats them. */
function stamper(options: GenerateSalesforceSeedOptions): () => Record<string, string> {
  const from = Date.parse(options.modifiedFrom ?? '2026-01-05T09:00:00.000Z')
  const perSecond = Math.max(1, options.recordsPerSecond ?? 7)
  let n = 0
  return () => {
    const at = new Date(from + Math.floor(n++ / perSecond) * 1000).toISOString().replace(/\.\d{3}Z$/, '.000+0000')
    return { CreatedDate: at, LastModifiedDate: at, SystemModstamp: at }
  }
}
