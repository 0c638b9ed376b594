import { z } from 'zod'

/*
 * Answers of the Salesforce REST API as its developer guide describes them (sObject
 * Collections SaveResult lists, query results, single-record create, error bodies), as zod
 * schemas a test holds the simulator to. Strict, so an extra or misnamed field fails.
 */

/** An 18-character record id (the REST API always answers the case-safe form). */
const recordId = z.string().regex(/^[0-9A-Za-z]{18}$/)

/** One per-record error: `statusCode`, `message` and the `fields` it concerns (maybe none). */
const saveError = z.strictObject({
  statusCode: z.string().regex(/^[A-Z_]+$/),
  message: z.string(),
  fields: z.array(z.string()),
  duplicateResult: z.unknown().optional(),
})

/**
 * A SaveResult (or DeleteResult): a success names its id and no errors; a failure lists its
 * errors and names the id only when the record has one.
 */
const saveResult = z
  .strictObject({ id: recordId.optional(), success: z.boolean(), errors: z.array(saveError) })
  .refine((r) => (r.success ? r.id !== undefined && r.errors.length === 0 : r.errors.length > 0), {
    message: 'a success has an id and no errors; a failure has errors',
  })

/** `attributes` of a record in a query answer. */
const attributes = z.strictObject({ type: z.string(), url: z.string().startsWith('/services/data/v').optional() })

/** A query answer: `nextRecordsUrl` is there exactly while `done` is false. */
const queryResult = z
  .strictObject({
    totalSize: z.number().int().nonnegative(),
    done: z.boolean(),
    nextRecordsUrl: z.string().regex(/^\/services\/data\/v\d+\.\d\/query\/[0-9A-Za-z]+-\d+$/).optional(),
    records: z.array(z.looseObject({ attributes })),
  })
  .refine((q) => q.done === (q.nextRecordsUrl === undefined), { message: 'nextRecordsUrl is given exactly when done is false' })

/** The whole-request error body: a list of `{ message, errorCode, fields? }`. */
const errorBody = z
  .array(z.strictObject({ message: z.string(), errorCode: z.string().regex(/^[A-Z_]+$/), fields: z.array(z.string()).optional() }))
  .min(1)

/** Salesforce's published answer shapes. */
export const salesforceShapes = {
  saveResults: z.array(saveResult),
  created: z.strictObject({ id: recordId, success: z.literal(true), errors: z.array(saveError).length(0) }),
  queryResult,
  record: z.looseObject({ attributes, Id: recordId }),
  error: errorBody,
} as const
