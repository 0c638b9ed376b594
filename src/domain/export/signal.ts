import { z } from 'zod'

/** Blank text (empty, spaces, or null) means "not given": CSV cells and JSON nulls say the same. */
function blankToUndefined(value: unknown): unknown {
  if (value === null) return undefined
  return typeof value === 'string' && value.trim() === '' ? undefined : value
}

const text = (max: number) => z.preprocess(blankToUndefined, z.string().trim().max(max).optional())
const email = z.preprocess(blankToUndefined, z.string().trim().pipe(z.email()).optional())
/** A date (`2025-03-01`) or an ISO datetime with offset (`2025-03-01T09:00:00Z`). */
const isoDate = z.preprocess(blankToUndefined, z.union([z.iso.date(), z.iso.datetime({ offset: true })]).optional())

/** Where someone or something is. */
const location = {
  city: text(120),
  state: text(120),
  country: text(120),
}

/** The person a signal is about. */
export const signalPersonSchema = z
  .strictObject({
    firstName: text(80),
    lastName: text(120),
    email,
    title: text(255),
    linkedinUrl: text(500),
    phone: text(60),
    ...location,
  })
  // Without an email or a last name there is nothing to find the person by or to create them with.
  .refine((p) => p.email !== undefined || p.lastName !== undefined, { message: 'needs an email or a last name', path: ['email'] })

/** The company the person works at now. */
export const signalCompanySchema = z
  .strictObject({
    name: text(255),
    /** A bare domain (`acme.com`); `website` is read when it is absent. */
    domain: text(255),
    website: text(500),
    ...location,
  })
  .refine((c) => c.name !== undefined || c.domain !== undefined || c.website !== undefined, { message: 'needs a name, a domain or a website', path: ['name'] })

/** Where the person worked before (job-change signals). */
export const signalPastCompanySchema = z.strictObject({ name: text(255), domain: text(255) })

/**
 * One people signal (SPEC 3), e.g. a past champion who changed jobs. `id`, when the source
 * has one, is the signal's idempotency key; otherwise a hash of its content is.
 */
export const signalSchema = z.strictObject({
  id: text(200),
  person: signalPersonSchema,
  company: signalCompanySchema,
  pastCompany: signalPastCompanySchema.optional(),
  jobStartedAt: isoDate,
  /** Anything else the source wants to keep with the signal; revsync ignores it. */
  meta: z.record(z.string(), z.unknown()).optional(),
})

export type Signal = z.output<typeof signalSchema>
export type SignalPerson = z.output<typeof signalPersonSchema>
export type SignalCompany = z.output<typeof signalCompanySchema>

/** Every scalar field of a signal, as dotted paths: the CSV header names and the valid keys. */
export const signalFieldPaths = [
  'id',
  'person.firstName',
  'person.lastName',
  'person.email',
  'person.title',
  'person.linkedinUrl',
  'person.phone',
  'person.city',
  'person.state',
  'person.country',
  'company.name',
  'company.domain',
  'company.website',
  'company.city',
  'company.state',
  'company.country',
  'pastCompany.name',
  'pastCompany.domain',
  'jobStartedAt',
] as const

export type SignalFieldPath = (typeof signalFieldPaths)[number]
