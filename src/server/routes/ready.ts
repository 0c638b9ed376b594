import { z } from 'zod'
import { defineRoute } from '../route.js'
import { Problem, problemSchema } from '../problem.js'

/**
 * `GET /readyz`: the store answers and its migrations are applied (the newest table, that of
 * API tokens, can be read). No token, like `/healthz`.
 */
export const readyRoute = defineRoute({
  method: 'get',
  path: '/readyz',
  operationId: 'ready',
  summary: 'The store is reachable and migrated',
  scope: 'public',
  responses: {
    200: { description: 'ready', schema: z.object({ status: z.literal('ready'), store: z.enum(['sqlite', 'postgres']) }) },
    503: { description: 'not ready', schema: problemSchema, contentType: 'application/problem+json' },
  },
  handle: async ({ service }) => {
    try {
      await service.app.store.listTokens()
    } catch (error) {
      // The cause names the store's problem (unreachable, not migrated), never a credential.
      throw new Problem(503, 'Not ready', `the store does not answer: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}; check the store setting in revsync.yaml and that the database is up`)
    }
    return { status: 200, body: { status: 'ready', store: service.app.store.dialect } }
  },
})
