import { z } from 'zod'

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()])

/** One entry of Sugar's `email` array. */
export const sugarEmailSchema = z.object({
  email_address: z.string().min(3),
  primary_address: z.boolean().optional(),
  opt_out: z.boolean().optional(),
  invalid_email: z.boolean().optional(),
  reply_to_address: z.boolean().optional(),
})

/** Any record: plain Sugar field names with scalar values, an optional id, timestamps and `email` array. */
const record = <T extends z.ZodRawShape>(shape: T) =>
  z
    .object({
      id: z.string().min(1).optional(),
      date_entered: z.string().optional(),
      date_modified: z.string().optional(),
      deleted: z.boolean().optional(),
      email: z.array(sugarEmailSchema).optional(),
      ...shape,
    })
    .catchall(scalar)

/** The seed of a SugarCRM simulator: users, then people and companies with Sugar field names. */
export const sugarSeedSchema = z.strictObject({
  users: z
    .array(
      z.strictObject({
        id: z.string().min(1).optional(),
        user_name: z.string().min(1),
        first_name: z.string().optional(),
        last_name: z.string().min(1),
        email1: z.string().optional(),
        status: z.enum(['Active', 'Inactive']).default('Active'),
        /** Needed for the users revsync logs in as; users without one cannot log in. */
        password: z.string().min(1).optional(),
        is_admin: z.boolean().optional(),
        title: z.string().optional(),
      }),
    )
    .default([]),
  leads: z.array(record({ last_name: z.string().min(1) })).default([]),
  contacts: z.array(record({ last_name: z.string().min(1) })).default([]),
  accounts: z.array(record({ name: z.string().min(1) })).default([]),
})

/** A seed as written by hand or generated (optional parts may be left out). */
export type SugarSeed = z.input<typeof sugarSeedSchema>
/** A validated seed with defaults applied. */
export type ParsedSugarSeed = z.output<typeof sugarSeedSchema>
export type SugarSeedUser = ParsedSugarSeed['users'][number]
export type SugarSeedRecord = ParsedSugarSeed['leads'][number]

/** Validates a seed, naming the first bad path in the error. */
export function parseSugarSeed(seed: unknown): ParsedSugarSeed {
  const result = sugarSeedSchema.safeParse(seed)
  if (result.success) return result.data
  const issue = result.error.issues[0]
  throw new Error(`invalid SugarCRM seed at ${issue?.path.join('.') ?? '(root)'}: ${issue?.message ?? 'invalid'}`)
}
