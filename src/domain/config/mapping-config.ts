import { z } from 'zod'
import { parseCron } from '../schedule/parse-cron.js'
import { parseEvery } from '../schedule/parse-every.js'

/** A config name: used as a key in YAML, in the store and on the command line. */
export const nameSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_-]*$/, { message: 'use lower-case letters, digits, "-" or "_", starting with a letter' })

/** Words a field row uses for its own settings; a system may not be named like them. */
export const rowSettingKeys = ['name', 'policy', 'direction', 'compare', 'tolerance'] as const

/**
 * A field path in one system: a native field (`email1`), or a field of a related record
 * reached through a relationship (`owner.fullName`). Per-object paths let a row read a
 * different path from each object of one system (Sugar `Leads` and `Contacts`).
 */
export const fieldPathSchema = z.union([
  z.string().min(1),
  z.record(z.string().min(1), z.string().min(1)).refine((v) => Object.keys(v).length > 0, 'name at least one object'),
])

export const policySchema = z.enum(['system-of-record', 'always', 'most-recent', 'manual'])

/** `both`, or one way: `sugar -> hubspot`. */
export const directionSchema = z.union([
  z.literal('both'),
  z.string().regex(/^[a-z][a-z0-9_-]*\s*->\s*[a-z][a-z0-9_-]*$/, { message: 'write "both" or "SOURCE -> TARGET", e.g. "sugar -> hubspot"' }),
])

/** One synced attribute: a path per system plus how conflicts are settled. */
export const fieldRowSchema = z
  .object({
    name: nameSchema.optional(),
    policy: policySchema.default('system-of-record'),
    direction: directionSchema.default('both'),
    /** How values are compared: `ignore-case` suits emails, which some systems lower-case. */
    compare: z.enum(['exact', 'ignore-case']).optional(),
    /** For `most-recent`: changes closer than this many seconds are not guessed. */
    tolerance: z.number().nonnegative().default(2),
  })
  .catchall(fieldPathSchema)

/** One system of a mapping, in System of Record order. */
export const mappingSystemSchema = z.strictObject({
  system: nameSchema,
  /** The native objects that hold the entity here, e.g. `[Leads, Contacts]`. */
  objects: z.array(z.string().min(1)).min(1),
  /** The object new records are created as; the first listed by default. */
  createAs: z.string().min(1).optional(),
  /** Whether revsync may create records here when the entity has none. */
  create: z.boolean().default(true),
})

/** A condition a record must meet to take part. */
export const filterSchema = z.strictObject({
  system: nameSchema,
  field: z.string().min(1),
  op: z.enum(['present', 'absent', 'equals', 'not-equals', 'in']),
  value: z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]).optional(),
})

/** A relationship kept in sync, with its own System of Record order. */
export const relationshipSchema = z.strictObject({
  order: z.array(nameSchema).min(1).optional(),
  direction: directionSchema.default('both'),
  /** For `company` and `parent`: the company mapping whose links translate the lookup; the only one by default. */
  mapping: nameSchema.optional(),
})

/** When `revsync serve` runs a mapping on its own: an interval, or a 5-field cron expression (UTC). */
export const scheduleSchema = z.union([
  z.strictObject({
    every: z.string().refine((v) => parseEvery(v) !== undefined, { message: 'write a whole number and a unit: 30s, 5m, 1h or 1d' }),
  }),
  z.strictObject({
    cron: z.string().superRefine((v, ctx) => {
      const parsed = parseCron(v)
      if (typeof parsed === 'string') ctx.addIssue({ code: 'custom', message: parsed })
    }),
  }),
])

export const mappingSchema = z.strictObject({
  entity: z.enum(['person', 'company']),
  systems: z.array(mappingSystemSchema).min(1),
  /** Names of field rows whose values identify one entity across systems before a link exists. */
  match: z.array(nameSchema).default([]),
  fields: z.array(fieldRowSchema).default([]),
  relationships: z
    .strictObject({ owner: relationshipSchema.optional(), company: relationshipSchema.optional(), parent: relationshipSchema.optional() })
    .default({}),
  filters: z.array(filterSchema).default([]),
  deletes: z.enum(['record', 'propagate', 'archive']).default('record'),
  schedule: scheduleSchema.optional(),
})

export type FieldPath = z.infer<typeof fieldPathSchema>
export type FieldRowConfig = z.infer<typeof fieldRowSchema>
export type MappingSystemConfig = z.infer<typeof mappingSystemSchema>
export type MappingConfig = z.infer<typeof mappingSchema>
export type FilterConfig = z.infer<typeof filterSchema>
export type RelationshipConfig = z.infer<typeof relationshipSchema>
