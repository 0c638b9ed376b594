import { z } from 'zod'

/*
 * Answers of SugarCRM's REST API (v11) as its developer guide describes them: records with
 * `_acl` and `_module`, `/filter` pages with `next_offset`, `/bulk` answers, OAuth2 tokens and
 * the two-key error body, as zod schemas a test holds the simulator to.
 */

/** Sugar answers datetimes in ISO 8601 with a numeric offset (`2026-11-22T16:27:42+00:00`). */
const sugarDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/)

/** A record: its module's fields (extra fields are the module's, so they pass) plus `_acl` and `_module`. */
const record = z.looseObject({
  id: z.string().min(1),
  date_modified: sugarDateTime,
  deleted: z.boolean(),
  _acl: z.looseObject({ fields: z.record(z.string(), z.unknown()) }),
  _module: z.string(),
})

/** The error body: `{ error, error_message }` and nothing else. */
const error = z.strictObject({ error: z.string().regex(/^[a-z_]+$/), error_message: z.string() })

/** SugarCRM's published answer shapes. */
export const sugarShapes = {
  record,
  /** `next_offset` is the offset of the next page, or -1 when there is none. */
  filterPage: z.strictObject({ next_offset: z.number().int().min(-1), records: z.array(record) }),
  deleted: z.strictObject({ id: z.string().min(1) }),
  bulk: z.array(z.strictObject({ contents: z.unknown(), headers: z.record(z.string(), z.unknown()), status: z.number().int() })),
  token: z.looseObject({
    access_token: z.string().min(1),
    expires_in: z.number().int().positive(),
    token_type: z.string(),
    refresh_token: z.string().min(1),
  }),
  converted: z.strictObject({ modules: z.array(record).min(1) }),
  error,
} as const
