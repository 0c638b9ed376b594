import { DEFAULT_FREE_MAIL } from './free-mail.js'
import type { FreeMailSet } from './free-mail.js'
import { emailDomain, websiteDomain } from './normalize-domain.js'
import { normalizeEmail } from './normalize-email.js'
import { normalizePersonName } from './normalize-person-name.js'
import type { PersonNameFields } from './normalize-person-name.js'

/** An existing lead or contact as person matching needs it. */
export interface PersonRecord extends PersonNameFields {
  readonly id: string
  readonly email?: string | null
  /** The person's company domain or website, when the CRM has it. */
  readonly companyDomain?: string | null
  readonly website?: string | null
}

/** Options shared by the person index and person matching. */
export interface PersonIndexOptions {
  readonly freeMail?: FreeMailSet
  /** See `normalizeEmail`; default true. */
  readonly canonicalizeFreeMail?: boolean
}

/** A person as the index keeps it. */
export interface IndexedPerson {
  readonly record: PersonRecord
  readonly email: string | null
  readonly name: string | null
  /** Company domains: the company website's and the email's unless free-mail. */
  readonly domains: readonly string[]
}

/**
 * People by normalized email and by name + company domain, updated one record at a time.
 */
export class PersonIndex {
  private readonly people = new Map<string, IndexedPerson>()
  private readonly byEmailKey = new Map<string, Set<string>>()
  private readonly byNameKey = new Map<string, Set<string>>()
  readonly options: Required<PersonIndexOptions>

  constructor(options: PersonIndexOptions = {}) {
    this.options = { freeMail: options.freeMail ?? DEFAULT_FREE_MAIL, canonicalizeFreeMail: options.canonicalizeFreeMail ?? true }
  }

  /** How many people the index holds. */
  get size(): number {
    return this.people.size
  }

  /** Adds a person, or replaces the one with the same id. */
  upsert(record: PersonRecord): IndexedPerson {
    this.remove(record.id)
    const email = normalizeEmail(record.email, this.options)
    const name = normalizePersonName(record)
    const domains = personDomains(record, this.options.freeMail)
    const person: IndexedPerson = { record, email, name, domains }
    this.people.set(record.id, person)
    if (email !== null) add(this.byEmailKey, email, record.id)
    if (name !== null) for (const d of domains) add(this.byNameKey, `${name}|${d}`, record.id)
    return person
  }

  /** Removes a person; false when the index did not hold it. */
  remove(id: string): boolean {
    const person = this.people.get(id)
    if (person === undefined) return false
    if (person.email !== null) drop(this.byEmailKey, person.email, id)
    if (person.name !== null) for (const d of person.domains) drop(this.byNameKey, `${person.name}|${d}`, id)
    this.people.delete(id)
    return true
  }

  /** People with this normalized email. */
  byEmail(email: string): IndexedPerson[] {
    return this.lookup(this.byEmailKey.get(email))
  }

  /** People with this normalized name at this company domain. */
  byNameAndDomain(name: string, domain: string): IndexedPerson[] {
    return this.lookup(this.byNameKey.get(`${name}|${domain}`))
  }

  private lookup(ids: Set<string> | undefined): IndexedPerson[] {
    const out: IndexedPerson[] = []
    for (const id of [...(ids ?? [])].sort()) {
      const p = this.people.get(id)
      if (p !== undefined) out.push(p)
    }
    return out
  }
}

/** Builds a person index. */
export function createPersonIndex(people: Iterable<PersonRecord>, options: PersonIndexOptions = {}): PersonIndex {
  const index = new PersonIndex(options)
  for (const p of people) index.upsert(p)
  return index
}

/** A person's company domains: the company's website, then the email's unless it is free-mail. */
export function personDomains(fields: { companyDomain?: string | null; website?: string | null; email?: string | null }, freeMail: FreeMailSet): string[] {
  const out: string[] = []
  for (const d of [websiteDomain(fields.companyDomain ?? fields.website), emailDomain(fields.email)]) {
    if (d !== null && !freeMail.has(d) && !out.includes(d)) out.push(d)
  }
  return out
}

function add(map: Map<string, Set<string>>, key: string, id: string): void {
  const set = map.get(key)
  if (set === undefined) map.set(key, new Set([id]))
  else set.add(id)
}

function drop(map: Map<string, Set<string>>, key: string, id: string): void {
  const set = map.get(key)
  if (set === undefined) return
  set.delete(id)
  if (set.size === 0) map.delete(key)
}
