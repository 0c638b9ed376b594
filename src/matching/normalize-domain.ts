import { parse } from 'tldts'
import { PAGE_HOSTS } from './data/page-hosts.js'

const PAGE_HOST_SET: ReadonlySet<string> = new Set(PAGE_HOSTS)

/** Private suffixes (github.io, myshopify.com) count, so `acme.github.io` is its own domain. */
const PARSE_OPTIONS = { allowPrivateDomains: true, extractHostname: true, validateHostname: true } as const

/**
 * The registrable domain (public suffix plus one label) of a website, URL, host or email
 * address, in lower-case ASCII (punycode): `https://www.acme.co.uk/about` → `acme.co.uk`,
 * `Jane@Sales.Acme.com` → `acme.com`. Returns null for anything that is not a public host:
 * IP addresses, single labels, unknown suffixes (`acme.local`), empty or malformed input.
 */
export function normalizeDomain(input: string | null | undefined): string | null {
  if (typeof input !== 'string') return null
  const text = input.trim()
  if (text === '') return null
  return text.includes('@') ? emailDomain(text) : registrableDomain(text)
}

/**
 * The registrable domain of an email address (`Jane Doe <jane@sales.acme.com>` → `acme.com`),
 * or null when the input is not an address with a non-empty local part and a public host.
 */
export function emailDomain(input: string | null | undefined): string | null {
  if (typeof input !== 'string') return null
  const text = input.trim().replace(/^mailto:/i, '')
  const bracketed = /<([^<>]+)>\s*$/.exec(text)
  const address = (bracketed?.[1] ?? text).trim()
  const at = address.lastIndexOf('@')
  if (at <= 0 || at === address.length - 1) return null
  const host = address.slice(at + 1)
  if (/[\s/?#:]/.test(host)) return null
  return registrableDomain(host)
}

/**
 * The registrable domain of a company's website, or null when the website is only a page on
 * a shared host (`facebook.com/acmepizza`, `linkedin.com/company/acme`): such a page says who
 * hosts it, not which company it is. A bare shared host (`www.facebook.com`) is kept.
 */
export function websiteDomain(input: string | null | undefined): string | null {
  if (typeof input !== 'string') return null
  const text = input.trim()
  if (text.includes('@')) return emailDomain(text)
  const domain = registrableDomain(text)
  if (domain === null || !PAGE_HOST_SET.has(domain)) return domain
  return isBareHost(text, domain) ? domain : null
}

function registrableDomain(text: string): string | null {
  const parsed = parse(text, PARSE_OPTIONS)
  if (parsed.isIp === true || parsed.domain === null || parsed.hostname === null) return null
  if (parsed.isIcann !== true && parsed.isPrivate !== true) return null
  return toAscii(parsed.domain.toLowerCase())
}

/** Unicode hosts (`bücher.de`) and their punycode form (`xn--bcher-kva.de`) are one domain. */
function toAscii(domain: string): string | null {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(domain)) return domain
  try {
    return new URL(`http://${domain}`).hostname
  } catch {
    return null
  }
}

/** True when the website is the host's front page: no path beyond `/` and no subdomain but www. */
function isBareHost(text: string, domain: string): boolean {
  const withoutScheme = text.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
  const slash = withoutScheme.search(/[/?#]/)
  const host = (slash === -1 ? withoutScheme : withoutScheme.slice(0, slash)).toLowerCase().replace(/\.$/, '')
  const rest = slash === -1 ? '' : withoutScheme.slice(slash)
  const hostOk = host === domain || host === `www.${domain}`
  return hostOk && /^\/?$/.test(rest)
}
