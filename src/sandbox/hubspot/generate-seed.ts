import { seededRandom } from '../kit/faults.js'
import type { HubSpotSeed } from './seed.js'

/** How big a portal `generateHubSpotSeed` makes. */
export interface GenerateHubSpotSeedOptions {
  /** People to make. */
  readonly contacts: number
  /** Companies to make; one per 10 contacts by default. */
  readonly companies?: number
  /** Owners to make; the last one is archived (a deactivated user). Default 5. */
  readonly owners?: number
  /** PRNG seed, so the same options always give the same portal. */
  readonly randomSeed?: number
  readonly token?: string
  /** Creation time of the oldest record; later ones follow a minute apart. */
  readonly startAt?: string
}

const firstNames = ['Ada', 'Grace', 'Alan', 'Linus', 'Margaret', 'Barbara', 'Ken', 'Dennis', 'Radia', 'Frances', 'Guido', 'Yukihiro', 'Sophie', 'Lars', 'Amara', 'Chen', 'Priya', 'Mateo', 'Ingrid', 'Kwame']
const lastNames = ['Lovelace', 'Hopper', 'Turing', 'Torvalds', 'Hamilton', 'Liskov', 'Thompson', 'Ritchie', 'Perlman', 'Allen', 'Rossum', 'Matsumoto', 'Wilson', 'Bak', 'Okafor', 'Wei', 'Patel', 'García', 'Larsen', 'Mensah']
const words = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Vandelay', 'Stark', 'Wayne', 'Tyrell', 'Cyberdyne', 'Soylent', 'Wonka', 'Oscorp', 'Aperture', 'Massive', 'Pied Piper']
const suffixes = ['Inc.', 'LLC', 'GmbH', 'Ltd', 'Group', 'Technologies', 'S.A.', '']
const titles = ['VP Sales', 'Head of RevOps', 'Account Executive', 'SDR', 'CTO', 'Marketing Manager', 'Customer Success Lead', 'CFO']
const cities: readonly [string, string, string][] = [
  ['Boston', 'MA', 'United States'],
  ['Berlin', 'Berlin', 'Germany'],
  ['London', 'England', 'United Kingdom'],
  ['Austin', 'TX', 'United States'],
  ['Paris', 'Île-de-France', 'France'],
  ['Toronto', 'ON', 'Canada'],
]
const stages = ['subscriber', 'lead', 'marketingqualifiedlead', 'salesqualifiedlead', 'opportunity', 'customer']

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)] as T
}

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '')
}

/**
 * Makes a deterministic, realistic portal for benchmarks and demos: owners (one archived),
 * companies with domains and a few parent/child pairs, and contacts with unique emails,
 * owners and primary companies.
 */
export function generateHubSpotSeed(options: GenerateHubSpotSeedOptions): HubSpotSeed {
  const random = seededRandom(options.randomSeed ?? 7)
  const start = Date.parse(options.startAt ?? '2024-03-01T09:00:00.000Z')
  const at = (i: number) => new Date(start + i * 60_000).toISOString()
  const ownerCount = Math.max(1, options.owners ?? 5)
  const owners = Array.from({ length: ownerCount }, (_, i) => {
    const firstName = pick(random, firstNames)
    const lastName = pick(random, lastNames)
    return { id: String(41_600_001 + i), email: `${slug(firstName)}.${slug(lastName)}${i}@revsync-demo.com`, firstName, lastName, archived: ownerCount > 1 && i === ownerCount - 1 }
  })
  const ownerId = () => pick(random, owners).id
  const companyCount = options.companies ?? Math.max(1, Math.ceil(options.contacts / 10))
  const companies = Array.from({ length: companyCount }, (_, i) => {
    const name = `${pick(random, words)} ${pick(random, words)} ${pick(random, suffixes)}`.trim()
    const domain = `${slug(name)}${i}.com`
    const [city, state, country] = pick(random, cities)
    const parent = i > 0 && i % 9 === 0 ? { parentId: String(21_400_000_001 + i - 1) } : {}
    const properties = { name, domain, website: `https://www.${domain}`, city, state, country, hubspot_owner_id: ownerId(), createdate: at(i), hs_lastmodifieddate: at(i) }
    return { id: String(21_400_000_001 + i), properties, ...parent }
  })
  const contacts = Array.from({ length: options.contacts }, (_, i) => {
    const firstname = pick(random, firstNames)
    const lastname = pick(random, lastNames)
    const company = companies[Math.floor(random() * companies.length)]
    const [city, state, country] = pick(random, cities)
    const domain = company?.properties.domain ?? 'example.com'
    const properties = {
      email: `${slug(firstname)}.${slug(lastname)}.${i}@${domain}`,
      firstname,
      lastname,
      jobtitle: pick(random, titles),
      company: company?.properties.name ?? null,
      phone: `+1 617 555 ${String(1000 + (i % 9000)).padStart(4, '0')}`,
      city,
      state,
      country,
      lifecyclestage: pick(random, stages),
      hubspot_owner_id: ownerId(),
      createdate: at(companyCount + i),
      lastmodifieddate: at(companyCount + i),
    }
    return company ? { properties, companyId: company.id } : { properties }
  })
  return { token: options.token ?? 'pat-na1-00000000-0000-4000-8000-000000000000', owners, companies, contacts }
}
