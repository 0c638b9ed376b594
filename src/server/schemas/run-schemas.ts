import { z } from 'zod'
import { fieldValueSchema, reasonSchema } from './common-schemas.js'

/** A stored run's status, or `queued`, or `skipped` (its job ended before it began: another run held the mapping). */
export const runStatusSchema = z.enum(['queued', 'running', 'succeeded', 'failed', 'stopped', 'interrupted', 'skipped'])

/** A run as the API lists it. */
export const runSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['sync', 'export']),
    name: z.string(),
    status: runStatusSchema,
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    summary: z.record(z.string(), z.unknown()),
  })
  

/** One record a run touched, with its values before and after and the reasons. */
export const runItemSchema = z
  .object({
    entityId: z.string().nullable(),
    system: z.string(),
    object: z.string(),
    recordId: z.string().nullable(),
    action: z.enum(['create', 'update', 'delete', 'link', 'skip', 'fail', 'hold', 'warn']),
    before: z.record(z.string(), fieldValueSchema),
    after: z.record(z.string(), fieldValueSchema),
    reasons: z.array(reasonSchema),
    at: z.string(),
  })
  
