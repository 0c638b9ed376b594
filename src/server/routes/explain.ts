import { z } from 'zod'
import { explainRecord } from '../../app/explain/explain-record.js'
import { defineRoute } from '../route.js'
import { Problem, problemSchema } from '../problem.js'
import { fieldValueSchema, reasonSchema } from '../schemas/common-schemas.js'
import { runItemSchema } from '../schemas/run-schemas.js'

const recordRef = /^([a-z][a-z0-9_-]*):(?:([A-Za-z0-9_]+)\/)?(.+)$/

/** `GET /v1/explain?record=SYSTEM:OBJECT/ID`: the entity behind a record, each field per system, who wrote it and why. */
export const explainRoute = defineRoute({
  method: 'get',
  path: '/v1/explain',
  operationId: 'explain',
  summary: 'Explain the entity behind a record',
  scope: 'read',
  query: z.object({ record: z.string().regex(recordRef, 'write SYSTEM:OBJECT/ID, e.g. hubspot:contacts/101').describe('the record, as SYSTEM:OBJECT/ID') }),
  responses: {
    200: {
      description: 'the explanation',
      schema: z.object({
        mapping: z.string(),
        entityId: z.string(),
        links: z.array(z.object({ system: z.string(), object: z.string(), recordId: z.string() })),
        rows: z.array(
          z.object({
            row: z.string(),
            values: z.array(z.object({ system: z.string(), field: z.string(), value: fieldValueSchema.optional() })),
            lastSynced: fieldValueSchema.optional(),
            lastWrite: z.object({ runId: z.string(), at: z.string(), system: z.string(), field: z.string(), reason: reasonSchema }).optional(),
          }),
        ),
        history: z.array(runItemSchema.extend({ runId: z.string() })),
      }),
    },
    404: { description: 'revsync has not linked the record', schema: problemSchema, contentType: 'application/problem+json' },
  },
  handle: async ({ query, service }) => {
    const [, system, , id] = recordRef.exec(query.record) as RegExpExecArray
    const explanation = await explainRecord(service.app, service.app.config, system as string, id as string)
    if (!explanation) throw new Problem(404, 'Not linked', `revsync has not linked ${query.record}; its runs are listed by GET /v1/runs`, 'query.record')
    return { status: 200, body: explanation }
  },
})
