import { z } from 'zod'
import { defineRoute } from '../route.js'
import { reviewItemSchema } from '../schemas/review-schemas.js'

/** `GET /v1/review`: rows and matches held for a person, oldest first. */
export const listReviewRoute = defineRoute({
  method: 'get',
  path: '/v1/review',
  operationId: 'listReview',
  summary: 'The review queue',
  scope: 'read',
  query: z.object({
    mapping: z.string().optional().describe('only this mapping'),
    status: z.enum(['open', 'resolved', 'dismissed']).default('open').describe('open (the default), resolved or dismissed'),
  }),
  responses: { 200: { description: 'review items', schema: z.object({ items: z.array(reviewItemSchema) }) } },
  handle: async ({ query, service }) => ({
    status: 200,
    body: { items: await service.app.store.listReviews({ status: query.status, ...(query.mapping ? { mapping: query.mapping } : {}) }) },
  }),
})
