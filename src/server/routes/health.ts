import { z } from 'zod'
import { defineRoute } from '../route.js'

/** `GET /healthz`: the process answers. No token: load balancers and orchestrators call it. */
export const healthRoute = defineRoute({
  method: 'get',
  path: '/healthz',
  operationId: 'health',
  summary: 'The process is up',
  scope: 'public',
  responses: { 200: { description: 'up', schema: z.object({ status: z.literal('ok') }) } },
  handle: async () => ({ status: 200, body: { status: 'ok' } }),
})
