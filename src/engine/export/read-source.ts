import type { DynamicPath, FieldSource, LocationSource } from '../../domain/export/export-config.js'
import type { Signal } from '../../domain/export/signal.js'
import { websiteDomain } from '../../matching/index.js'

/** A row's value for one signal, and a short phrase saying where it came from. */
export interface SourceValue {
  readonly value: string | number | boolean | null
  readonly from: string
}

/** The company's domain: the `domain` given, else the registrable domain of its website. */
export function companyDomain(signal: Signal): string | null {
  return websiteDomain(signal.company.domain ?? signal.company.website) ?? signal.company.domain ?? null
}

/**
 * Reads a signal path. Two fall back so records are never created half empty: `company.name`
 * is the domain when the signal has no name (Salesforce requires a lead's Company), and
 * `company.website` is the domain when there is no website.
 */
export function readSignalPath(signal: Signal, path: DynamicPath): SourceValue {
  const { person, company } = signal
  switch (path) {
    case 'person.fullName':
      return { value: [person.firstName, person.lastName].filter(Boolean).join(' ') || null, from: path }
    case 'company.name':
      return company.name !== undefined ? { value: company.name, from: path } : { value: companyDomain(signal), from: 'company.domain (the signal has no company name)' }
    case 'company.website':
      return company.website !== undefined ? { value: company.website, from: path } : { value: company.domain ?? null, from: 'company.domain (the signal has no website)' }
    case 'company.domain':
      return { value: companyDomain(signal), from: path }
    case 'jobStartedAt':
      return { value: signal.jobStartedAt ?? null, from: path }
    default: {
      const [head, key] = path.split('.') as ['person' | 'company' | 'pastCompany', string]
      const part = head === 'pastCompany' ? signal.pastCompany : signal[head]
      const value = (part as Readonly<Record<string, string | undefined>> | undefined)?.[key]
      return { value: value ?? null, from: path }
    }
  }
}

/** The value a row's source gives for a signal; `location` is the target's choice when the row names none. */
export function readSource(signal: Signal, source: FieldSource, location: LocationSource): SourceValue {
  if (source.static !== undefined) return { value: source.static, from: 'static value' }
  if (source.dynamic !== undefined) return readSignalPath(signal, source.dynamic)
  const part = source.location ?? 'city'
  const whose = source.from ?? location
  const value = (whose === 'person' ? signal.person : signal.company)[part] ?? null
  return { value, from: `${whose} ${part}` }
}
