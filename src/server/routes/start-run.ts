import { z } from 'zod'
import { defineRoute } from '../route.js'
import { Problem, problemSchema } from '../problem.js'

/**
 * `POST /v1/runs`: runs a mapping now. The run is queued for the worker and answered at once
 * (202) with the run id to follow; a mapping already queued or running is not queued twice.
 */
export const startRunRoute = defineRoute({
  method: 'post',
  path: '/v1/runs',
  operationId: 'startRun',
  summary: 'Start a run of a mapping now',
  scope: 'operate',
  body: z.object({ mapping: z.string().min(1).describe('the mapping to run, as named in revsync.yaml') }),
  responses: {
    202: { description: 'queued', schema: z.object({ job: z.string(), run: z.string(), mapping: z.string(), status: z.literal('queued') }) },
    404: { description: 'no such mapping', schema: problemSchema, contentType: 'application/problem+json' },
    409: { description: 'the mapping is queued or running already', schema: problemSchema, contentType: 'application/problem+json' },
  },
  handle: async ({ body, service, token }) => {
    const names = Object.keys(service.app.config.mappings)
    if (!names.includes(body.mapping)) throw new Problem(404, 'Unknown mapping', `no mapping named "${body.mapping}"; revsync.yaml has: ${names.join(', ') || 'none'}`, 'body.mapping')
    const active = (await service.queue.active()).find((j) => j.mapping === body.mapping)
    if (active) throw new Problem(409, 'Already queued', `mapping "${body.mapping}" is ${active.state} as run ${active.runId}; follow it with GET /v1/runs/${active.runId}/events`, 'body.mapping')
    const job = await service.queue.enqueue({ kind: 'sync', mapping: body.mapping, runId: service.newId(), trigger: `api:${token?.name ?? 'unknown'}` })
    return { status: 202, body: { job: job.id, run: job.runId, mapping: job.mapping, status: 'queued' } }
  },
})
