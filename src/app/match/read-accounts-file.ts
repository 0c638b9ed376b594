import type { AccountRecord } from '../../matching/index.js'
import { MatchError, readRecords, recordFormat } from './read-records.js'
import type { FieldError, RawRecord } from './read-records.js'
import { RecordFields } from './record-fields.js'

/** The fields of an account line, as the docs name them. */
export const ACCOUNT_FIELDS: readonly string[] = ['id', 'name', 'domain', 'website', 'parentId', 'contactCount', 'contactEmailDomains']

/** A bad line of an accounts file, skipped. */
export interface BadLine {
  readonly line: number
  readonly errors: readonly FieldError[]
}

/** Accounts read from a file, with the lines that were skipped and the fields nothing read. */
export interface AccountsFile {
  readonly accounts: readonly AccountRecord[]
  readonly invalid: readonly BadLine[]
  readonly ignored: readonly string[]
}

/**
 * `acme.com:12; gmail.com:3` (or `=`, separated by `;`, `,` or spaces), or the same as a JSON
 * object, as a CSV cell can hold it.
 */
function parseDomainCounts(path: string, value: unknown, errors: FieldError[]): Record<string, number> | undefined {
  let source = value
  if (typeof value === 'string' && value.trim().startsWith('{')) {
    try {
      source = JSON.parse(value)
    } catch {
      errors.push({ field: path, message: 'is not a JSON object; write {"acme.com": 12} or acme.com:12;gmail.com:3' })
      return undefined
    }
  }
  const out: Record<string, number> = {}
  const pairs: [string, unknown][] = typeof source === 'string'
    ? source.split(/[;,\s]+/).filter((p) => p !== '').map((p) => {
        const m = /^(.+?)[:=](\d+)$/.exec(p)
        return m ? [m[1] as string, Number(m[2])] : [p, undefined]
      })
    : source !== null && typeof source === 'object' && !Array.isArray(source) ? Object.entries(source) : []
  if (pairs.length === 0 && (typeof source !== 'string' || source.trim() !== '')) {
    errors.push({ field: path, message: 'must map email domains to contact counts, e.g. {"acme.com": 12} or acme.com:12;gmail.com:3' })
    return undefined
  }
  for (const [domain, n] of pairs) {
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
      errors.push({ field: path, message: `"${domain}" needs a whole number of contacts, e.g. ${domain}:12` })
      return undefined
    }
    out[domain.trim().toLowerCase()] = n
  }
  return out
}

/** One account line: `{ id, name?, domain?, website?, parentId?, contactCount?, contactEmailDomains? }`. */
export function parseAccount(raw: RawRecord): { account?: AccountRecord; errors: FieldError[]; ignored: string[] } {
  const f = new RecordFields(raw)
  const id = f.text('id', 'accountid', 'recordid')
  const name = f.text('name', 'accountname', 'companyname')
  const domain = f.text('domain', 'companydomain')
  const website = f.text('website', 'url')
  const parentId = f.text('parentid', 'parent', 'parentaccountid')
  const contactCount = f.count('contactcount', 'contacts')
  const domains = f.raw('contactemaildomains', 'contactdomains')
  const contactEmailDomains = domains === undefined ? undefined : parseDomainCounts(domains.path, domains.value, f.errors)
  const ignored = f.ignored()
  const errors = f.errors
  if (id === undefined) errors.unshift({ field: 'id', message: 'is missing; every account needs its id in the CRM' })
  else if (name === undefined && domain === undefined && website === undefined && contactEmailDomains === undefined && errors.length === 0) {
    errors.push({ field: 'name', message: 'is missing; an account needs a name, a domain, a website or contactEmailDomains to be matched' })
  }
  if (errors.length > 0 || id === undefined) return { errors, ignored }
  const account: AccountRecord = {
    id,
    name: name ?? null,
    domain: domain ?? null,
    website: website ?? null,
    parentId: parentId ?? null,
    ...(contactCount !== undefined ? { contactCount } : {}),
    ...(contactEmailDomains !== undefined ? { contactEmailDomains } : {}),
  }
  return { account, errors, ignored }
}

/**
 * Reads accounts from a JSONL or CSV file (for instance a CRM export). A bad line is kept
 * out and reported with its line and field; a second line with an id already read is bad
 * too. A file with no usable account is an error.
 */
export async function readAccountsFile(path: string, format?: string): Promise<AccountsFile> {
  const accounts = new Map<string, { account: AccountRecord; line: number }>()
  const invalid: BadLine[] = []
  const ignored = new Set<string>()
  for await (const entry of readRecords(path, recordFormat(path, format))) {
    if ('errors' in entry) {
      invalid.push(entry)
      continue
    }
    const parsed = parseAccount(entry.value)
    for (const field of parsed.ignored) ignored.add(field)
    const { account } = parsed
    if (account === undefined) {
      invalid.push({ line: entry.line, errors: parsed.errors })
      continue
    }
    const earlier = accounts.get(account.id)
    if (earlier !== undefined) {
      invalid.push({ line: entry.line, errors: [{ field: 'id', message: `"${account.id}" is already the id of the account on line ${earlier.line}; ids must be unique` }] })
      continue
    }
    accounts.set(account.id, { account, line: entry.line })
  }
  if (accounts.size === 0) {
    const first = invalid[0]
    const why = first ? `; line ${first.line}: ${first.errors.map((e) => `${e.field} ${e.message}`).join('; ')}` : ' (the file is empty)'
    throw new MatchError(`${path} has no usable account${why}`)
  }
  return { accounts: [...accounts.values()].map((a) => a.account), invalid, ignored: [...ignored] }
}
