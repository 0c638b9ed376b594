import { z } from 'zod'

const numericId = z.string().regex(/^\d+$/, { message: 'HubSpot ids are numeric strings' })

/** A property value as a seed may give it; HubSpot stores every value as text. */
const seedValue = z.union([z.string(), z.number(), z.boolean(), z.null()])

const ownerSchema = z.strictObject({
  id: numericId.optional(),
  email: z.string().min(3),
  firstName: z.string(),
  lastName: z.string(),
  /** An owner whose user was deactivated: listed only with `archived=true`. */
  archived: z.boolean().optional(),
})

const contactSchema = z.strictObject({
  id: numericId.optional(),
  properties: z.record(z.string(), seedValue),
  /** The company this contact is associated with as its primary company. */
  companyId: numericId.optional(),
})

const companySchema = z.strictObject({
  id: numericId.optional(),
  properties: z.record(z.string(), seedValue),
  /** The parent company (association type 14, child to parent). */
  parentId: numericId.optional(),
})

/** A custom property definition, as `POST /crm/v3/properties/{object}` takes it. */
export const propertyDefinitionSchema = z.strictObject({
  name: z.string().regex(/^[a-z][a-z0-9_]*$/, { message: 'property names are lower case letters, digits and _' }),
  label: z.string().min(1),
  type: z.enum(['string', 'number', 'date', 'datetime', 'enumeration', 'bool', 'phone_number']),
  fieldType: z.enum(['text', 'textarea', 'number', 'date', 'select', 'radio', 'checkbox', 'booleancheckbox', 'phonenumber', 'calculation_equation']),
  groupName: z.string().default('contactinformation'),
  description: z.string().default(''),
  options: z
    .array(z.object({ label: z.string(), value: z.string(), displayOrder: z.number().optional(), hidden: z.boolean().optional() }))
    .default([]),
  hasUniqueValue: z.boolean().default(false),
  readOnlyValue: z.boolean().default(false),
})

/** What a test or the demo puts into the simulator before it starts. */
export const hubSpotSeedSchema = z.strictObject({
  /** The private-app token every call must carry as `Authorization: Bearer …`. */
  token: z.string().min(8),
  portalId: z.number().int().positive().default(4812736),
  owners: z.array(ownerSchema).default([]),
  contacts: z.array(contactSchema).default([]),
  companies: z.array(companySchema).default([]),
  /** Extra custom property definitions per object. */
  properties: z
    .strictObject({
      contacts: z.array(propertyDefinitionSchema).default([]),
      companies: z.array(propertyDefinitionSchema).default([]),
    })
    .optional(),
  /**
   * API limits. `daily` is always counted (headers, `DAILY` 429 when spent); `tenSecondly` is
   * enforced only when given, so benchmarks are not throttled by default.
   */
  limits: z
    .strictObject({
      daily: z.number().int().positive().optional(),
      tenSecondly: z.number().int().positive().optional(),
    })
    .optional(),
})

/** The seed as callers write it (defaults optional). */
export type HubSpotSeed = z.input<typeof hubSpotSeedSchema>
/** The seed after validation, defaults filled. */
export type ParsedHubSpotSeed = z.output<typeof hubSpotSeedSchema>
/** A custom property definition as a seed or the properties API takes it. */
export type HubSpotPropertyDefinition = z.input<typeof propertyDefinitionSchema>

/** Validates a seed, naming the path of the first bad value. */
export function parseHubSpotSeed(seed: unknown): ParsedHubSpotSeed {
  const result = hubSpotSeedSchema.safeParse(seed)
  if (result.success) return result.data
  const issue = result.error.issues[0]
  throw new Error(`hubspot seed: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`)
}
