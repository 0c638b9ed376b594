import { z } from 'zod'
import { defineRoute } from '../route.js'
import { problemSchema } from '../problem.js'
import { findRun } from '../find-run.js'
import { idParamsSchema } from '../schemas/common-schemas.js'
import { runItemSchema, runSchema } from '../schemas/run-schemas.js'

/** `GET /v1/runs/{id}`: one run and every record it touched, with before/after values and reasons. */
export const getRunRoute = defineRoute({
  method: 'get',
  path: '/v1/runs/{id}',
  operationId: 'getRun',
  summary: "One run's records and reasons",
  scope: 'read',
  params: idParamsSchema,
  responses: {
    200: { description: 'the run', schema: z.object({ run: runSchema, items: z.array(runItemSchema) }) },
    404: { description: 'no such run', schema: problemSchema, contentType: 'application/problem+json' },
    409: { description: 'the prefix names several runs', schema: problemSchema, contentType: 'application/problem+json' },
  },
  handle: async ({ params, service }) => {
    const run = await findRun(service, params.id)
    const items = run.status === 'queued' ? [] : await service.app.store.getRunItems(run.id)
    return { status: 200, body: { run, items } }
  },
})
