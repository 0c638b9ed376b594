import { z } from 'zod'
import { signalFieldPaths } from './signal.js'

/** Record sync options (seed "Record Sync Options"); which ones a system takes is in `record-sync.ts`. */
export const recordSyncSchema = z.enum(['contact-if-account-else-lead', 'always-lead', 'contact-and-account', 'always-contact'])

/** Signal paths a dynamic row may read: every signal field but its id, plus the full name. */
export const dynamicPaths = [...signalFieldPaths.filter((p) => p !== 'id'), 'person.fullName'] as const
export type DynamicPath = (typeof dynamicPaths)[number]

/** Location parts a location row can take from the person or from the company. */
export const locationParts = ['city', 'state', 'country'] as const
export type LocationPart = (typeof locationParts)[number]

/** Whose location fills location fields: the person's (most teams) or the company's. */
export const locationSourceSchema = z.enum(['person', 'company'])

/**
 * Where a field's value comes from: a fixed text (`static: Open`), a signal path
 * (`dynamic: person.linkedinUrl`), or a location part from the person or the company
 * (`location: city`, `from` defaulting to the target's `location`).
 */
export const fieldSourceSchema = z
  .strictObject({
    static: z.union([z.string(), z.number(), z.boolean()]).optional(),
    dynamic: z.enum(dynamicPaths, { message: `use a signal path: ${dynamicPaths.join(', ')}` }).optional(),
    location: z.enum(locationParts, { message: `use one of: ${locationParts.join(', ')}` }).optional(),
    from: locationSourceSchema.optional(),
  })
  // One object rather than a union, so a mistake is reported at its key (source.dynamic), not as "invalid input".
  .refine((s) => [s.static, s.dynamic, s.location].filter((v) => v !== undefined).length === 1, { message: 'give exactly one of static, dynamic or location' })
  .refine((s) => s.from === undefined || s.location !== undefined, { message: '"from" goes with location: { location: city, from: company }', path: ['from'] })

/** When a row writes: on create, on every update, or on update only when the field is empty. */
export const writeWhenSchema = z.enum(['create', 'update', 'update-if-empty'])

/** One field row of a record-type tab. `on: []` turns a pre-mapped default off. */
export const exportFieldRowSchema = z
  .strictObject({
    field: z.string().min(1),
    source: fieldSourceSchema,
    on: z.array(writeWhenSchema).default(['create']),
  })
  .refine((row) => !(row.on.includes('update') && row.on.includes('update-if-empty')), {
    message: '"update" already writes on every update; keep "update" or "update-if-empty", not both',
    path: ['on'],
  })

/** Who gets new leads (or contacts) that have no account. */
export const leadRoutingSchema = z.discriminatedUnion('kind', [
  /** The default owner takes them. */
  z.strictObject({ kind: z.literal('default-owner') }),
  /** Salesforce's lead assignment rules pick the owner (`Sforce-Auto-Assign`); Salesforce only. */
  z.strictObject({ kind: z.literal('assignment-rules') }),
  /** A round robin over a pool of users (emails or ids); inactive ones are skipped, the turn persists. */
  z.strictObject({ kind: z.literal('round-robin'), pool: z.array(z.string().min(1)).min(1) }),
])

const rows = z.array(exportFieldRowSchema).default([])

/** One export target (`exports.<name>`): the seed's CRM export settings as code. */
export const exportTargetSchema = z.strictObject({
  /** The system records go to; a Salesforce or HubSpot system under `systems`. */
  system: z.string().min(1),
  /** Default: `contact-if-account-else-lead` on Salesforce, `always-contact` on HubSpot. */
  recordSync: recordSyncSchema.optional(),
  /** A user email or id: owns new records when no other rule gives an active owner. */
  defaultOwner: z.string().min(1),
  /** An account field holding a user (`OwnerId`, `SDR_Owner__c`, `hubspot_owner_id`); unset: always the default owner. */
  accountOwnerField: z.string().min(1).optional(),
  /** Apply the ownership rules to a person who already exists too. */
  reassignExisting: z.boolean().default(false),
  leadRouting: leadRoutingSchema.default({ kind: 'default-owner' }),
  /** Owner of accounts revsync creates (`contact-and-account`); the default owner when unset. */
  accountOwner: z.string().min(1).optional(),
  /** Whose location pre-mapped and `location` rows use. */
  location: locationSourceSchema.default('person'),
  /** Pre-mapped rows (email, names, company, title, phone, location); rows below override them by field. */
  defaults: z.boolean().default(true),
  /** The Contact, Lead and Account tabs. HubSpot uses `contact` and `account` (companies). */
  fields: z.strictObject({ contact: rows, lead: rows, account: rows }).default({ contact: [], lead: [], account: [] }),
  /**
   * Export people a later export could never find again (no email, and no name with a
   * company domain). Off by default: such a person is refused as an invalid line, since
   * every later signal about them would create them once more.
   */
  allowUnmatchable: z.boolean().default(false),
  /** Signals planned and written together; one store transaction each. */
  batchSize: z.number().int().min(1).max(2000).default(500),
  /** Account matching settings (see docs/matching.md). */
  matching: z
    .strictObject({
      nameThreshold: z.number().min(0.5).max(1).optional(),
      freeMail: z.strictObject({ add: z.array(z.string().min(1)).default([]), remove: z.array(z.string().min(1)).default([]) }).optional(),
    })
    .optional(),
})

export type RecordSync = z.infer<typeof recordSyncSchema>
export type FieldSource = z.infer<typeof fieldSourceSchema>
export type WriteWhen = z.infer<typeof writeWhenSchema>
export type ExportFieldRow = z.infer<typeof exportFieldRowSchema>
export type LeadRouting = z.infer<typeof leadRoutingSchema>
export type LocationSource = z.infer<typeof locationSourceSchema>
export type ExportTargetConfig = z.infer<typeof exportTargetSchema>
/** A record-type tab of field rows. */
export type ExportTab = 'contact' | 'lead' | 'account'
