import { z } from 'zod'
import { fieldValueSchema, reasonSchema } from './common-schemas.js'

/** An item of the review queue. */
export const reviewItemSchema = z
  .object({
    id: z.string(),
    mapping: z.string(),
    entityId: z.string(),
    rowKey: z.string(),
    reason: reasonSchema,
    candidates: z.array(z.object({ system: z.string(), value: fieldValueSchema })),
    status: z.enum(['open', 'resolved', 'dismissed']),
    resolution: z.object({ value: fieldValueSchema }).nullable(),
    createdAt: z.string(),
    resolvedAt: z.string().nullable(),
    resolvedBy: z.string().nullable(),
    appliedAt: z.string().nullable(),
  })
  
