import { z } from 'zod'

/**
 * An error the API answers with as RFC 9457 problem details: what went wrong, the field at
 * fault when there is one, and what to do. Never a stack trace.
 */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly field?: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(detail)
  }
}

/** The problem details body (`application/problem+json`). */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    /** The request field at fault, as `body.mapping` or `query.limit`. */
    field: z.string().optional(),
  })
  

export type ProblemBody = z.infer<typeof problemSchema>

/** The body of a problem. */
export function problemBody(problem: Problem): ProblemBody {
  return { type: 'about:blank', title: problem.title, status: problem.status, detail: problem.detail, ...(problem.field ? { field: problem.field } : {}) }
}

/** A problem for an id or name that names nothing. */
export function notFound(detail: string, field?: string): Problem {
  return new Problem(404, 'Not found', detail, field)
}
