import type { Signal } from '../../domain/export/signal.js'
import { normalizePersonName } from '../../matching/index.js'
import { companyDomain } from './read-source.js'

/**
 * The rule by which an export could find this person among existing records again (as
 * `chooseExisting` looks: the email, then the name at the company's domain), or null when
 * none could: such a person, once created, is created again by every later signal.
 */
export function findableBy(signal: Signal): 'email' | 'name-domain' | null {
  if (signal.person.email !== undefined) return 'email'
  const name = normalizePersonName({ firstName: signal.person.firstName ?? null, lastName: signal.person.lastName ?? null })
  return name !== null && companyDomain(signal) !== null ? 'name-domain' : null
}
