import { websiteDomain } from '../../matching/index.js'
import type { CompanyQuery } from '../../matching/index.js'
import type { FieldError, RawRecord } from './read-records.js'
import { canonicalKey, RecordFields } from './record-fields.js'

/** What a file holds: companies to find accounts for, or people whose company to find. */
export type InputKind = 'companies' | 'people'

/** A company as read from a line, echoed in the report. */
export interface CompanyInput {
  readonly id?: string
  readonly name?: string
  readonly domain?: string
  readonly website?: string
}

/** A person as read from a line, echoed in the report. */
export interface PersonInput {
  readonly id?: string
  readonly email?: string
  readonly firstName?: string
  readonly lastName?: string
  readonly company?: Omit<CompanyInput, 'id'>
}

/** One valid input line: what was read, the query for the matcher, and problems that did not stop it. */
export interface InputRow {
  readonly id: string | null
  readonly input: CompanyInput | PersonInput
  readonly query: CompanyQuery
  /** Fields that could not be used (a domain that is not one); the line is still matched. */
  readonly warnings: readonly FieldError[]
}

/** A parsed line: a row to match, or the errors that make it skipped; with the fields nothing read. */
export type ParsedInput = ({ readonly ok: true; readonly row: InputRow } | { readonly ok: false; readonly errors: readonly FieldError[] }) & { readonly ignored: readonly string[] }

/** The fields each kind reads, as the docs name them (for "did you mean" hints). */
export const INPUT_FIELDS: Readonly<Record<InputKind, readonly string[]>> = {
  companies: ['id', 'name', 'domain', 'website'],
  people: ['id', 'email', 'firstName', 'lastName', 'company', 'company.name', 'company.domain', 'company.website', 'companyName', 'companyDomain', 'person.email'],
}

/**
 * Field names that say a file holds people (a CSV header or the first object's keys): an
 * email, a person's name, or a nested company. `Company Name` alone is a companies export.
 */
const PEOPLE_KEYS = new Set(['email', 'emailaddress', 'person', 'firstname', 'lastname', 'company'])

/** Whether a file holds people or companies, from its field names (top level of dotted ones). */
export function guessKind(keys: Iterable<string>): InputKind {
  for (const key of keys) if (PEOPLE_KEYS.has(canonicalKey(key.split('.')[0] ?? key))) return 'people'
  return 'companies'
}

/** Parses one line of the given kind. */
export function parseInput(kind: InputKind, raw: RawRecord): ParsedInput {
  return kind === 'companies' ? parseCompany(raw) : parsePerson(raw)
}

function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T
}

/** The company domain for the matcher: the domain or website that gives one, with a warning for one that does not. */
function companyDomain(paths: readonly [string, string], domain: string | undefined, website: string | undefined, warnings: FieldError[]): string | null {
  const usable = [domain, website].find((d) => d !== undefined && websiteDomain(d) !== null)
  for (const [path, value] of [[paths[0], domain], [paths[1], website]] as const) {
    if (value !== undefined && websiteDomain(value) === null) warnings.push({ field: path, message: `"${value}" gives no company domain (not a domain with a public suffix, or a page on a shared host such as facebook.com); not used` })
  }
  return usable ?? null
}

/** Companies: `{ id?, name?, domain?, website? }`, at least one of the last three. */
function parseCompany(raw: RawRecord): ParsedInput {
  const f = new RecordFields(raw)
  const id = f.text('id')
  const name = f.text('name', 'companyname', 'accountname')
  const domain = f.text('domain', 'companydomain')
  const website = f.text('website', 'url', 'companywebsite')
  const ignored = f.ignored()
  if (f.errors.length > 0) return { ok: false, errors: f.errors, ignored }
  if (name === undefined && domain === undefined && website === undefined) return { ok: false, errors: [{ field: 'name', message: 'is missing; a company needs a name, a domain or a website' }], ignored }
  const warnings: FieldError[] = []
  const query: CompanyQuery = { name: name ?? null, domain: companyDomain([f.path('domain'), f.path('website')], domain, website, warnings) }
  return { ok: true, row: { id: id ?? null, input: defined({ id, name, domain, website }), query, warnings }, ignored }
}

/** An address, loosely: something@something.suffix, optionally as `Name <address>` or `mailto:`. */
const EMAIL = /^(?:mailto:)?[^\s@<>]+@[^\s@<>]+\.[^\s@<>.]+$/i

/**
 * People: `{ id?, email?, firstName?, lastName?, company?: { name?, domain?, website? } }`
 * (company may be a bare name, or given flat as companyName / companyDomain), or a people
 * signal as `revsync export` reads it (`{ id?, person: {...}, company: {...} }`). A person
 * needs an email or a company name, domain or website.
 */
function parsePerson(raw: RawRecord): ParsedInput {
  const top = new RecordFields(raw)
  const id = top.text('id')
  const nested = top.nested('person')
  const p = nested?.fields ?? top
  const email = p.text('email', 'emailaddress')
  const firstName = p.text('firstname')
  const lastName = p.text('lastname')
  // What a people signal also carries: known, not used for matching.
  p.skip('title', 'linkedinurl', 'phone', 'city', 'state', 'country')
  top.skip('pastcompany', 'jobstartedat', 'meta')
  const company = top.nested('company', true)
  const c = company?.fields
  const companyName = company?.text ?? c?.text('name') ?? top.text('companyname')
  const domain = c?.text('domain') ?? top.text('companydomain')
  const website = c?.text('website', 'url') ?? top.text('companywebsite')
  c?.skip('city', 'state', 'country')
  const ignored = [...top.ignored(), ...(nested?.fields?.ignored() ?? []), ...(c?.ignored() ?? [])]
  const errors = [...top.errors, ...(nested?.fields?.errors ?? []), ...(c?.errors ?? [])]
  const address = email?.replace(/^.*<([^>]*)>\s*$/, '$1').trim()
  if (email !== undefined && !EMAIL.test(address ?? '')) errors.push({ field: p.path('email'), message: `"${email}" is not an email address` })
  if (errors.length > 0) return { ok: false, errors, ignored }
  if (email === undefined && companyName === undefined && domain === undefined && website === undefined) {
    return { ok: false, errors: [{ field: p.path('email'), message: 'is missing; a person needs an email or a company name, domain or website' }], ignored }
  }
  const warnings: FieldError[] = []
  const site = companyDomain(c ? [c.path('domain'), c.path('website')] : [top.path('companydomain'), top.path('companywebsite')], domain, website, warnings)
  const companyInput = defined({ name: companyName, domain, website })
  const input = defined({ id, email, firstName, lastName, company: Object.keys(companyInput).length > 0 ? companyInput : undefined })
  return { ok: true, row: { id: id ?? null, input, query: { name: companyName ?? null, domain: site, email: email ?? null }, warnings }, ignored }
}
