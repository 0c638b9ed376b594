import { z } from 'zod'
import { shownStatus } from '../../domain/run.js'
import { defineRoute } from '../route.js'
import { runSchema } from '../schemas/run-schemas.js'

/** `GET /v1/runs`: the latest runs, newest first, with the runs queued but not started yet first. */
export const listRunsRoute = defineRoute({
  method: 'get',
  path: '/v1/runs',
  operationId: 'listRuns',
  summary: 'Recent runs, newest first',
  scope: 'read',
  query: z.object({ limit: z.coerce.number().int().min(1).max(500).default(20).describe('how many runs (1-500)') }),
  responses: { 200: { description: 'runs', schema: z.object({ runs: z.array(runSchema) }) } },
  handle: async ({ query, service }) => {
    const { store } = service.app
    const queued = (await service.queue.active()).filter((j) => j.state === 'queued').map((j) => ({ id: j.runId, kind: 'sync' as const, name: j.mapping, status: 'queued' as const, startedAt: null, finishedAt: null, summary: { trigger: j.trigger } }))
    const leases = await store.listLeases()
    const now = service.now()
    const stored = (await store.listRuns(query.limit)).map((run) => ({ ...run, status: shownStatus(run, leases, now) }))
    return { status: 200, body: { runs: [...queued, ...stored].slice(0, query.limit) } }
  },
})
