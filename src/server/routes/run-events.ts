import { z } from 'zod'
import type { RunEvent } from '../../app/service/run-events.js'
import { defineRoute } from '../route.js'
import { problemSchema } from '../problem.js'
import { findRun } from '../find-run.js'
import { idParamsSchema } from '../schemas/common-schemas.js'

/** The data of each server-sent event: `progress` while the run goes, one `finished` at its end. */
export const runEventSchema = z
  .union([
    z.object({ type: z.literal('progress'), progress: z.object({ phase: z.enum(['read', 'match', 'write']), system: z.string().optional(), done: z.number(), total: z.number().optional() }) }),
    z.object({ type: z.literal('finished'), status: z.string(), error: z.string().optional() }),
  ])
  

const live = new Set(['queued', 'running'])

/**
 * `GET /v1/runs/{id}/events`: a run's live progress as server-sent events, ending with its
 * outcome. A run already over answers with its outcome alone. The subscription is taken
 * before the run is looked up, so an end between the two is not missed.
 */
export const runEventsRoute = defineRoute({
  method: 'get',
  path: '/v1/runs/{id}/events',
  operationId: 'runEvents',
  summary: "A run's live progress (server-sent events)",
  scope: 'read',
  params: idParamsSchema,
  responses: {
    200: { description: 'events, each `data:` a RunEvent as JSON', contentType: 'text/event-stream' },
    404: { description: 'no such run', schema: problemSchema, contentType: 'application/problem+json' },
  },
  handle: async ({ params, service, signal }) => {
    const encoder = new TextEncoder()
    let unsubscribe = (): void => {}
    let controller!: ReadableStreamDefaultController<Uint8Array>
    let closed = false
    const send = (event: RunEvent): void => {
      if (closed) return
      controller.enqueue(encoder.encode(`event: ${event.type}\ndata: ${JSON.stringify(runEventSchema.parse(event))}\n\n`))
      if (event.type === 'finished') close()
    }
    const close = (): void => {
      if (closed) return
      closed = true
      unsubscribe()
      controller.close()
    }
    const stream = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c), cancel: () => { closed = true; unsubscribe() } })
    const pending: RunEvent[] = []
    let ready = false
    unsubscribe = service.events.subscribe(params.id, (event) => (ready ? send(event) : pending.push(event)))
    let run
    try {
      run = await findRun(service, params.id)
    } catch (error) {
      unsubscribe()
      throw error
    }
    if (run.id !== params.id) {
      // Named by a prefix: listen under the full id instead.
      unsubscribe()
      unsubscribe = service.events.subscribe(run.id, (event) => (ready ? send(event) : pending.push(event)))
    }
    ready = true
    for (const event of pending) send(event)
    const error = (run.summary as { error?: unknown }).error
    if (!live.has(run.status)) send({ type: 'finished', status: run.status, ...(run.startedAt === null && typeof error === 'string' ? { error } : {}) })
    signal.addEventListener('abort', () => { closed = true; unsubscribe() }, { once: true })
    return { status: 200, raw: new Response(stream, { headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' } }) }
  },
})
