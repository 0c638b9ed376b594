import { z } from 'zod'

const fieldValue = z.union([z.string(), z.number(), z.boolean(), z.null()])
const recordSeed = z.record(z.string(), fieldValue)

const userSeed = z.object({
  Id: z.string().optional(),
  Username: z.string().min(1),
  Email: z.string().min(1),
  FirstName: z.string().nullable().optional(),
  LastName: z.string().min(1),
  IsActive: z.boolean().default(true),
  Title: z.string().nullable().optional(),
})

/** A custom field the seed adds to an object's describe (e.g. `SDR_Owner__c`, `UG_Past_Company__c`). */
const customFieldSeed = z.object({
  name: z.string().regex(/__c$/, 'custom field names end in __c'),
  type: z.string().default('string'),
  label: z.string().optional(),
  length: z.number().int().optional(),
  nillable: z.boolean().optional(),
  createable: z.boolean().optional(),
  updateable: z.boolean().optional(),
  defaultedOnCreate: z.boolean().optional(),
  referenceTo: z.array(z.string()).optional(),
  relationshipName: z.string().nullable().optional(),
  picklistValues: z.array(z.string()).optional(),
})

/** A lead assignment rule: the first entry whose field equals one of its values gives the owner. */
const assignmentRuleSeed = z.object({
  entries: z.array(z.object({ field: z.string(), values: z.array(z.string()), ownerId: z.string() })),
  /** Owner when no entry matches (Salesforce's default lead owner); unchanged when absent. */
  defaultOwnerId: z.string().optional(),
})

/** Credentials the simulated org accepts on its OAuth and SOAP login endpoints. */
const credentialsSeed = z.object({
  clientId: z.string().default('sandbox-client-id'),
  clientSecret: z.string().default('sandbox-client-secret'),
  username: z.string().optional(),
  password: z.string().default('sandbox-password'),
  /** A session id accepted without a login, for the access-token auth shape. */
  accessToken: z.string().default('00D8c0000000001!sandbox-access-token'),
})

/** The seed of a simulated Salesforce org: plain JSON, validated on start. */
export const salesforceSeedSchema = z.object({
  users: z.array(userSeed).min(1, 'a Salesforce org has at least one user'),
  leads: z.array(recordSeed).default([]),
  contacts: z.array(recordSeed).default([]),
  accounts: z.array(recordSeed).default([]),
  customFields: z.record(z.string(), z.array(customFieldSeed)).default({}),
  /** The org's rolling 24-hour API request allocation (Sforce-Limit-Info's M). */
  dailyApiLimit: z.number().int().positive().default(100_000),
  /** API requests already used today when the simulator starts. */
  apiUsage: z.number().int().nonnegative().default(0),
  /** A blocking duplicate rule on Lead and Contact email. */
  duplicateRuleOnEmail: z.boolean().default(false),
  assignmentRule: assignmentRuleSeed.optional(),
  credentials: credentialsSeed.default({
    clientId: 'sandbox-client-id',
    clientSecret: 'sandbox-client-secret',
    password: 'sandbox-password',
    accessToken: '00D8c0000000001!sandbox-access-token',
  }),
})

/** The seed as written (defaults optional). */
export type SalesforceSeed = z.input<typeof salesforceSeedSchema>
/** The seed after validation, defaults filled in. */
export type ParsedSalesforceSeed = z.output<typeof salesforceSeedSchema>
export type SalesforceCustomFieldSeed = z.output<typeof customFieldSeed>

/** Validates a seed; throws with every problem named by path. */
export function parseSalesforceSeed(seed: unknown): ParsedSalesforceSeed {
  const result = salesforceSeedSchema.safeParse(seed)
  if (!result.success) {
    const lines = result.error.issues.map((i) => `${i.path.join('.') || '(seed)'}: ${i.message}`)
    throw new Error(`invalid Salesforce seed:\n${lines.join('\n')}`)
  }
  return result.data
}
