import { z } from 'zod'
import { defineRoute } from '../route.js'
import type { Route } from '../route.js'
import { openApiDocument } from '../openapi-document.js'

/** `GET /v1/openapi.json`: the OpenAPI 3.1 document of this API, made from the routes' own schemas. */
export function openApiRoute(routes: () => readonly Route[]): Route {
  return defineRoute({
    method: 'get',
    path: '/v1/openapi.json',
    operationId: 'openApi',
    summary: 'This OpenAPI document',
    scope: 'read',
    responses: { 200: { description: 'OpenAPI 3.1', schema: z.record(z.string(), z.unknown()) } },
    handle: async () => ({ status: 200, body: openApiDocument(routes()) }),
  })
}
