import { z } from 'zod'
import { settleReview } from '../../app/review/settle-review.js'
import type { ReviewChoice } from '../../app/review/settle-review.js'
import { defineRoute } from '../route.js'
import { Problem, problemSchema } from '../problem.js'
import { fieldValueSchema, idParamsSchema } from '../schemas/common-schemas.js'
import { reviewItemSchema } from '../schemas/review-schemas.js'

const choiceSchema = z.union([
  z.strictObject({ take: z.string().min(1).describe("a system whose value to take; for a match, the candidate record to link") }),
  z.strictObject({ value: fieldValueSchema.describe('the value the row must hold (null for blank)') }),
  z.strictObject({ dismiss: z.literal(true) }),
])

/**
 * `POST /v1/review/{id}/resolve`: settles a held row or match, as `revsync review resolve`
 * does; the next sync of its mapping writes it. The token's name is recorded as who chose.
 */
export const resolveReviewRoute = defineRoute({
  method: 'post',
  path: '/v1/review/{id}/resolve',
  operationId: 'resolveReview',
  summary: 'Settle a review item',
  scope: 'operate',
  params: idParamsSchema,
  body: choiceSchema,
  responses: {
    200: { description: 'the settled item', schema: z.object({ item: reviewItemSchema }) },
    404: { description: 'no such item', schema: problemSchema, contentType: 'application/problem+json' },
    409: { description: 'the item is not open, or the prefix names several', schema: problemSchema, contentType: 'application/problem+json' },
    422: { description: 'the choice does not fit the item', schema: problemSchema, contentType: 'application/problem+json' },
  },
  handle: async ({ params, body, service, token }) => {
    const choice = body as ReviewChoice
    try {
      const item = await settleReview(service.app.store, params.id, choice, `api:${token?.name ?? 'unknown'}`, service.now().toISOString())
      return { status: 200, body: { item } }
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).replaceAll('revsync review', 'GET /v1/review')
      if (/no review item|no such item/.test(message)) throw new Problem(404, 'Unknown review item', message, 'path.id')
      if (/ambiguous|only open items/.test(message)) throw new Problem(409, 'Cannot settle', message, 'path.id')
      if (/not a review item id|too short/.test(message)) throw new Problem(400, 'Bad id', message, 'path.id')
      throw new Problem(422, 'Choice does not fit', message, 'body')
    }
  },
})
