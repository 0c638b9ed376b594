import { Ajv2020 } from 'ajv/dist/2020.js'
import type { ValidateFunction } from 'ajv/dist/2020.js'

type Json = Record<string, unknown>
interface OpenApiDoc {
  readonly paths: Record<string, Record<string, Operation>>
}
interface Operation {
  parameters?: { name: string; in: 'path' | 'query'; required: boolean; schema: Json }[]
  requestBody?: { content: Record<string, { schema: Json }> }
  responses: Record<string, { content?: Record<string, { schema: Json }> }>
}

/**
 * Checks requests and responses against a served OpenAPI 3.1 document with Ajv (JSON Schema
 * 2020-12, the document's dialect): the test states what it sent and got, the document says
 * whether that fits.
 */
export class OpenApiCheck {
  readonly #doc: OpenApiDoc
  readonly #ajv = new Ajv2020({ strict: false, allErrors: true })
  readonly #coercing = new Ajv2020({ strict: false, coerceTypes: true })
  readonly #compiled = new Map<Json, ValidateFunction>()

  constructor(doc: unknown) {
    this.#doc = doc as OpenApiDoc
  }

  #operation(method: string, path: string): Operation {
    const op = this.#doc.paths[path]?.[method.toLowerCase()]
    if (!op) throw new Error(`the OpenAPI document has no ${method} ${path}`)
    return op
  }

  #validate(schema: Json, value: unknown, what: string, ajv = this.#ajv): void {
    let validate = this.#compiled.get(schema)
    if (!validate) this.#compiled.set(schema, (validate = ajv.compile(schema)))
    if (!validate(value)) throw new Error(`${what} does not fit the OpenAPI document: ${ajv.errorsText(validate.errors)}\n${String(JSON.stringify(value)).slice(0, 500)}`)
  }

  /** Throws unless the request's path and query parameters and body fit the operation. */
  request(method: string, path: string, given: { path?: Record<string, string>; query?: Record<string, string>; body?: unknown }): void {
    const op = this.#operation(method, path)
    for (const p of op.parameters ?? []) {
      const value = (p.in === 'path' ? given.path : given.query)?.[p.name]
      if (value === undefined) {
        if (p.required) throw new Error(`${method} ${path}: the required ${p.in} parameter ${p.name} is missing`)
        continue
      }
      // Parameters travel as text: let Ajv read "20" as the integer the schema asks for.
      this.#validate(structuredClone(p.schema), value, `${method} ${path} ${p.in} parameter ${p.name}`, this.#coercing)
    }
    const body = op.requestBody?.content['application/json']?.schema
    if (body) this.#validate(body, given.body, `${method} ${path} request body`)
    else if (given.body !== undefined) throw new Error(`${method} ${path} takes no body`)
  }

  /** Throws unless the status is documented and the body fits its schema for the response's content type. */
  async response(method: string, path: string, response: Response): Promise<unknown> {
    const op = this.#operation(method, path)
    const answer = op.responses[String(response.status)]
    if (!answer) throw new Error(`${method} ${path} answered ${response.status}, which the document does not list`)
    const type = (response.headers.get('content-type') ?? '').split(';')[0]?.trim() ?? ''
    const content = Object.entries(answer.content ?? {}).find(([t]) => t.split(';')[0]?.trim() === type)
    if (!content) throw new Error(`${method} ${path} ${response.status} answered ${type}, which the document does not list: ${Object.keys(answer.content ?? {}).join(', ')}`)
    const text = await response.text()
    const body: unknown = type.endsWith('json') ? JSON.parse(text) : text
    this.#validate(content[1].schema, body, `${method} ${path} ${response.status} response`)
    return body
  }
}
