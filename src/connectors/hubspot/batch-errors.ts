import type { WriteFailureCode, WriteOp, WriteResult } from '../../domain/records.js'
import { redact } from '../kit/redact.js'
import { ownerProperty } from './properties.js'

/** One error of a HubSpot batch answer (or a whole error body), as far as revsync reads it. */
export interface BatchErrorLike {
  readonly category?: string
  readonly message?: string
  readonly context?: Readonly<Record<string, readonly string[] | undefined>>
  readonly errors?: readonly { readonly code?: string; readonly message?: string; readonly context?: unknown }[]
}

/** One invalid property value from a `VALIDATION_ERROR`. */
interface PropertyProblem {
  readonly name: string
  readonly code: string
  readonly message: string
}

/** HubSpot lists invalid values as JSON inside the message ("Property values were not valid: [...]"). */
function propertyProblems(error: BatchErrorLike): PropertyProblem[] {
  const text = error.message ?? ''
  const start = text.indexOf('[')
  if (text.startsWith('Property values were not valid') && start >= 0) {
    try {
      const listed = JSON.parse(text.slice(start)) as { name?: string; error?: string; message?: string }[]
      return listed.map((d) => ({ name: d.name ?? '', code: d.error ?? 'INVALID', message: d.message ?? '' }))
    } catch {
      // Fall through to the structured `errors` entries.
    }
  }
  return (error.errors ?? []).map((d) => {
    const ctx = (d.context ?? {}) as { propertyName?: string[] }
    return { name: ctx.propertyName?.[0] ?? '', code: d.code ?? 'INVALID', message: d.message ?? '' }
  })
}

function fromValidation(error: BatchErrorLike): { code: WriteFailureCode; vendorCode: string; message: string } {
  const problems = propertyProblems(error)
  const first = problems[0]
  if (!first) return { code: 'invalid', vendorCode: 'VALIDATION_ERROR', message: error.message ?? 'invalid input' }
  const owner = problems.find((p) => p.name === ownerProperty && p.code === 'INVALID_OPTION')
  const message = problems.map((p) => `${p.name}: ${p.message}`).join('; ')
  // An owner id that is not among the allowed options is an owner that cannot own records:
  // deactivated (archived) or unknown.
  if (owner) return { code: 'inactive_owner', vendorCode: 'INVALID_OPTION', message: `${ownerProperty}: ${owner.message} (the owner is inactive or unknown)` }
  return { code: 'invalid', vendorCode: first.code, message }
}

/** Maps a HubSpot error to revsync's normalized failure for one op. */
export function toFailure(ref: string, error: BatchErrorLike, secrets: readonly string[]): WriteResult {
  const category = error.category ?? 'UNKNOWN'
  let out: { code: WriteFailureCode; vendorCode: string; message: string }
  if (category === 'CONFLICT') out = { code: 'duplicate', vendorCode: 'CONFLICT', message: error.message ?? 'already exists' }
  else if (category === 'OBJECT_NOT_FOUND') out = { code: 'not_found', vendorCode: category, message: error.message ?? 'not found' }
  else if (category === 'VALIDATION_ERROR') out = fromValidation(error)
  else if (category === 'RATE_LIMITS') out = { code: 'rate_limited', vendorCode: category, message: error.message ?? 'rate limited' }
  else out = { code: 'unknown', vendorCode: category, message: error.message ?? 'failed' }
  return { ok: false, ref, code: out.code, vendorCode: out.vendorCode, message: redact(out.message, secrets) }
}

/** The input an error belongs to, by `objectWriteTraceId` (or, for updates, by id). */
export function errorTarget(error: BatchErrorLike): { traceId?: string; id?: string } {
  const traceId = error.context?.objectWriteTraceId?.[0]
  const id = error.context?.ids?.[0]
  return { ...(traceId === undefined ? {} : { traceId }), ...(id === undefined ? {} : { id }) }
}

/**
 * The record a create ran into: HubSpot refuses a contact whose email another contact holds
 * with `CONFLICT` "Contact already exists. Existing ID: 123". When that email is the key the
 * sync matched on (and found nothing), the existing contact is the one an earlier attempt
 * whose answer was lost made: the create is read as done, with that id.
 */
export function existingRecordOf(op: WriteOp, error: BatchErrorLike): WriteResult | undefined {
  if (op.kind !== 'create' || op.key?.field !== 'email' || error.category !== 'CONFLICT') return undefined
  const id = /Existing ID: (\d+)/.exec(error.message ?? '')?.[1]
  return id === undefined ? undefined : { ok: true, ref: op.ref, id, recovered: true }
}
