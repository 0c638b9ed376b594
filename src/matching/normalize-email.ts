import { DEFAULT_FREE_MAIL } from './free-mail.js'
import type { FreeMailSet } from './free-mail.js'
import { emailDomain } from './normalize-domain.js'

/** How email addresses are compared. */
export interface EmailNormalizeOptions {
  /**
   * On free-mail domains only, ignore `+tags`, and for Gmail also dots, in the local part and
   * read googlemail.com as gmail.com: these reach the same mailbox. Company domains are never
   * rewritten, since their servers may treat dots and tags as different people. Default true.
   */
  readonly canonicalizeFreeMail?: boolean
  readonly freeMail?: FreeMailSet
}

const GMAIL = new Set(['gmail.com', 'googlemail.com'])

/**
 * The email address as people are matched by it: trimmed and lower-cased, display name and
 * `mailto:` removed, free-mail aliases folded (see options). Null when it is not an address.
 */
export function normalizeEmail(email: string | null | undefined, options: EmailNormalizeOptions = {}): string | null {
  if (typeof email !== 'string') return null
  const bracketed = /<([^<>]+)>\s*$/.exec(email)
  const address = (bracketed?.[1] ?? email).trim().replace(/^mailto:/i, '').toLowerCase()
  const at = address.lastIndexOf('@')
  if (at <= 0 || address.indexOf('@') !== at || emailDomain(address) === null) return null
  if (/\s/.test(address)) return null
  const local = address.slice(0, at)
  const host = address.slice(at + 1).replace(/\.$/, '')
  const freeMail = options.freeMail ?? DEFAULT_FREE_MAIL
  if (options.canonicalizeFreeMail === false || !freeMail.has(emailDomain(address) ?? '')) return `${local}@${host}`
  const untagged = local.split('+')[0] ?? local
  if (untagged === '') return `${local}@${host}`
  if (GMAIL.has(host)) return `${untagged.replace(/\./g, '')}@gmail.com`
  return `${untagged}@${host}`
}
