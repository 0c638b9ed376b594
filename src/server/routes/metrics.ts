import { defineRoute } from '../route.js'
import { renderMetrics } from '../render-metrics.js'

/** `GET /metrics`: Prometheus text. Needs a read token, as the figures name systems and mappings. */
export const metricsRoute = defineRoute({
  method: 'get',
  path: '/metrics',
  operationId: 'metrics',
  summary: 'Prometheus metrics',
  scope: 'read',
  responses: { 200: { description: 'Prometheus text exposition format 0.0.4', contentType: 'text/plain; version=0.0.4' } },
  handle: async ({ service }) => ({ status: 200, raw: new Response(await renderMetrics(service), { headers: { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' } }) }),
})
