import { z } from 'zod'
import type { Route } from './route.js'
import { problemSchema } from './problem.js'

type JsonSchema = Record<string, unknown>

/** A zod schema as JSON Schema 2020-12 (OpenAPI 3.1's dialect), without the `$schema` line. */
export function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonSchema
  return rest
}

/** Path or query parameters from an object schema: one parameter per property. */
function parametersOf(schema: z.ZodType | undefined, where: 'path' | 'query'): JsonSchema[] {
  if (!schema) return []
  const json = jsonSchemaOf(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] }
  return Object.entries(json.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property
    return { name, in: where, required: where === 'path' || (json.required ?? []).includes(name), schema: rest, ...(typeof description === 'string' ? { description } : {}) }
  })
}

const problem = (description: string): JsonSchema => ({ description, content: { 'application/problem+json': { schema: jsonSchemaOf(problemSchema, 'output') } } })

/** Answers every route may give besides its own: bad input, and for protected routes, auth and rate limit. */
function commonResponses(route: Route): Record<string, JsonSchema> {
  const shared: Record<string, JsonSchema> = { 400: problem('the request does not fit: `field` names the part at fault'), 500: problem('revsync failed; the log has the detail') }
  if (route.scope === 'public') return shared
  return {
    ...shared,
    401: problem('no bearer token, or not a live one'),
    403: problem(`the token's scope is too small (needs ${route.scope})`),
    429: { ...problem('too many requests for this token; retry after Retry-After seconds'), headers: { 'Retry-After': { schema: { type: 'integer' } } } },
  }
}

/** The OpenAPI 3.1 document of the given routes, generated from their zod schemas. */
export function openApiDocument(routes: readonly Route[]): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {}
  for (const route of routes) {
    const responses: Record<string, JsonSchema> = commonResponses(route)
    for (const [status, answer] of Object.entries(route.responses)) {
      const type = answer.contentType ?? 'application/json'
      responses[status] = { description: answer.description, content: { [type]: { schema: answer.schema ? jsonSchemaOf(answer.schema, 'output') : { type: 'string' } } } }
    }
    const operation: JsonSchema = {
      operationId: route.operationId,
      summary: route.summary,
      ...(route.scope === 'public' ? { security: [] } : { security: [{ bearer: [] }], 'x-revsync-scope': route.scope }),
      parameters: [...parametersOf(route.params, 'path'), ...parametersOf(route.query, 'query')],
      ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchemaOf(route.body, 'input') } } } } : {}),
      responses,
    }
    paths[route.path] = { ...paths[route.path], [route.method]: operation }
  }
  return {
    openapi: '3.1.0',
    info: { title: 'revsync', version: '1', description: 'The API of `revsync serve`. Every route but /healthz and /readyz needs a bearer token (revsync token create).' },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    security: [{ bearer: [] }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'a token from revsync token create --scope read|operate|admin' } } },
    paths,
  }
}
