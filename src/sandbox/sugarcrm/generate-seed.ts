import { seededRandom } from '../kit/faults.js'
import type { SugarSeed } from './seed.js'
import { formatSugarDate } from './sugar-time.js'

export interface SugarSeedOptions {
  readonly contacts?: number
  readonly leads?: number
  /** Default: one account per 20 contacts. */
  readonly accounts?: number
  /** Default 5: `admin` (the login), three sales reps, and one Inactive rep who still owns records. */
  readonly users?: number
  /** PRNG seed; the same options always give the same seed. */
  readonly seed?: number
  /** Password of the `admin` user. */
  readonly password?: string
  /** First `date_modified`; later records follow, three to a second. */
  readonly startAt?: string
}

const firstNames = ['Ava', 'Liam', 'Olivia', 'Noah', 'Emma', 'Mateo', 'Sofia', 'Lucas', 'Mia', 'Ethan', 'Amara', 'Kenji', 'Priya', 'Diego', 'Chloe', 'Omar', 'Hannah', 'Luca', 'Zoe', 'Ravi', 'Ingrid', 'Tomás', 'Leila', 'Jonas', 'Grace', 'Mohammed', 'Elena', 'Samuel', 'Yuki', 'Fatima', 'Oscar', 'Nina', 'Kwame', 'Isla', 'Felix', 'Aisha', 'Hugo', 'Maya', 'Daniel', 'Clara']
const lastNames = ['Smith', 'Garcia', 'Chen', 'Okafor', 'Müller', 'Rossi', 'Kowalski', 'Nguyen', 'Patel', 'Johnson', 'Silva', 'Tanaka', 'Andersson', 'Dubois', "O'Brien", 'Haddad', 'Kim', 'Novak', 'Fernández', 'Schmidt', 'Williams', 'Brown', 'Ivanova', 'Mensah', 'Costa', 'Larsen', 'Ahmed', 'Martin', 'Walker', 'Lopez', 'Jensen', 'Moreau', 'Bianchi', 'Singh', 'Murphy', 'Yilmaz']
const titles = ['VP of Sales', 'Head of Revenue Operations', 'Sales Operations Manager', 'Account Executive', 'Chief Revenue Officer', 'Marketing Director', 'SDR Team Lead', 'Customer Success Manager', 'CFO', 'Director of Partnerships', 'RevOps Analyst', 'Demand Generation Manager']
const cities: readonly (readonly [string, string, string])[] = [
  ['San Francisco', 'CA', 'USA'], ['New York', 'NY', 'USA'], ['Austin', 'TX', 'USA'], ['Chicago', 'IL', 'USA'], ['Seattle', 'WA', 'USA'],
  ['Boston', 'MA', 'USA'], ['Toronto', 'ON', 'Canada'], ['London', '', 'United Kingdom'], ['Berlin', '', 'Germany'], ['Paris', '', 'France'],
  ['Amsterdam', '', 'Netherlands'], ['Sydney', 'NSW', 'Australia'], ['Singapore', '', 'Singapore'], ['Dublin', '', 'Ireland'],
]
const companyHeads = ['Northwind', 'Bluepeak', 'Acme', 'Globex', 'Initech', 'Umbrella', 'Vandelay', 'Stark', 'Wayne', 'Hooli', 'Pied Piper', 'Cyberdyne', 'Soylent', 'Tyrell', 'Wonka', 'Gringotts', 'Oceanic', 'Monarch', 'Sterling', 'Massive Dynamic', 'Aperture', 'Black Mesa', 'Nakatomi', 'Zenith']
const companyTails = ['Analytics', 'Labs', 'Systems', 'Logistics', 'Health', 'Capital', 'Robotics', 'Software', 'Foods', 'Energy', 'Media', 'Networks']
const legalForms = ['', '', '', ' Inc.', ' LLC', ' Ltd', ' GmbH']
const industries = ['Technology', 'Finance', 'Healthcare', 'Manufacturing', 'Retail', 'Media', 'Energy', 'Transportation']
const leadSources = ['Web Site', 'Cold Call', 'Conference', 'Partner', 'Email', 'Trade Show']

/**
 * A deterministic seed of realistic Sugar data for tests and benchmarks: users, accounts with
 * domains, and contacts and leads with names, unique emails at their company's domain, titles,
 * phones, cities and owners spread over a handful of users.
 */
export function generateSugarSeed(options: SugarSeedOptions = {}): SugarSeed {
  const random = seededRandom(options.seed ?? 7)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T
  const uuid = (): string => uuidV4(random)
  const start = Date.parse(options.startAt ?? '2026-01-05T09:00:00Z')
  let tick = 0
  const stamp = (): { date_entered: string; date_modified: string } => {
    const at = formatSugarDate(start + Math.floor(tick++ / 3) * 1000)
    return { date_entered: at, date_modified: at }
  }
  const users = makeUsers(options.users ?? 5, options.password ?? 'sandbox-password', uuid)
  const owners = users.map((u) => u.id ?? '')
  const contactCount = options.contacts ?? 0
  const accounts = makeAccounts(options.accounts ?? Math.max(1, Math.ceil(contactCount / 20)), pick, uuid, owners, stamp)
  const emails = new Set<string>()
  const person = (account: (typeof accounts)[number]) => {
    const [first, last] = [pick(firstNames), pick(lastNames)]
    const [city, state, country] = pick(cities)
    return {
      id: uuid(),
      ...stamp(),
      first_name: first,
      last_name: last,
      title: pick(titles),
      phone_work: `+1 (${200 + Math.floor(random() * 700)}) 555-${String(Math.floor(random() * 10000)).padStart(4, '0')}`,
      primary_address_city: city,
      primary_address_state: state,
      primary_address_country: country,
      lead_source: pick(leadSources),
      email1: uniqueEmail(emails, first, last, account.domain),
      assigned_user_id: pick(owners.slice(1)),
    }
  }
  const contacts = Array.from({ length: contactCount }, () => {
    const account = pick(accounts)
    return { ...person(account), account_id: account.record.id }
  })
  const leads = Array.from({ length: options.leads ?? 0 }, () => {
    const account = pick(accounts)
    return { ...person(account), account_name: account.record.name, status: pick(['New', 'Assigned', 'In Process']) }
  })
  return { users, accounts: accounts.map((a) => a.record), contacts, leads }
}

type SeedUser = NonNullable<SugarSeed['users']>[number]

function makeUsers(count: number, password: string, uuid: () => string): SeedUser[] {
  const reps = [['Sally', 'Bronsen'], ['Max', 'Jensen'], ['Chris', 'Olliver'], ['Sarah', 'Smith'], ['Will', 'Westin'], ['Jim', 'Brennan']]
  const users: SeedUser[] = [
    { id: uuid(), user_name: 'admin', first_name: 'Ada', last_name: 'Admin', email1: 'admin@revsync.example', status: 'Active', password, is_admin: true },
  ]
  for (let i = 1; i < Math.max(count, 2); i++) {
    const [first = 'Rep', last = String(i)] = reps[(i - 1) % reps.length] ?? []
    const suffix = i > reps.length ? String(i) : ''
    users.push({
      id: uuid(),
      user_name: `${first.toLowerCase()}${suffix}`,
      first_name: first,
      last_name: last,
      email1: `${first.toLowerCase()}.${last.toLowerCase()}${suffix}@revsync.example`,
      // The last rep has left the company but still owns records, as in most real CRMs.
      status: count >= 4 && i === count - 1 ? 'Inactive' : 'Active',
      is_admin: false,
    })
  }
  return users
}

function makeAccounts(count: number, pick: <T>(l: readonly T[]) => T, uuid: () => string, owners: string[], stamp: () => object) {
  const names = new Set<string>()
  return Array.from({ length: count }, (_, i) => {
    let base = `${pick(companyHeads)} ${pick(companyTails)}`
    if (names.has(base)) base = `${base} ${i}`
    names.add(base)
    const domain = `${base.toLowerCase().replace(/[^a-z0-9]+/g, '')}.com`
    const [city, state, country] = pick(cities)
    const record = {
      id: uuid(),
      ...stamp(),
      name: `${base}${pick(legalForms)}`,
      website: `https://www.${domain}`,
      industry: pick(industries),
      account_type: pick(['Customer', 'Prospect', 'Partner']),
      billing_address_city: city,
      billing_address_state: state,
      billing_address_country: country,
      assigned_user_id: pick(owners.slice(1)),
    }
    return { record, domain }
  })
}

function uniqueEmail(seen: Set<string>, first: string, last: string, domain: string): string {
  const local = `${first}.${last}`.normalize('NFD').replace(/[^\x20-\x7e]/g, '').replace(/[^A-Za-z.]/g, '').toLowerCase()
  let email = `${local}@${domain}`
  for (let n = 2; seen.has(email); n++) email = `${local}${n}@${domain}`
  seen.add(email)
  return email
}

/** A UUID v4 from the PRNG, so generated ids are stable across runs. */
function uuidV4(random: () => number): string {
  const bytes = Array.from({ length: 16 }, () => Math.floor(random() * 256))
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80
  const hex = bytes.map((b) => b.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
