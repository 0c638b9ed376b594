import { z } from 'zod'

/** A field's value as revsync holds it. */
export const fieldValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()])

/** Why revsync did something: a stable rule id and a sentence. */
export const reasonSchema = z.object({ rule: z.string(), detail: z.string(), fields: z.array(z.string()).optional() })

/** An id as the CLI shows it, or a prefix of at least 4 characters. */
export const idParamsSchema = z.object({ id: z.string().min(4).max(64).describe('the full id, or a prefix naming one alone (at least 4 characters), as revsync runs shows it') })
