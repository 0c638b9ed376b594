import type { Reason } from '../domain/reason.js'

/** A reason on one line: `[rule] field, field: detail`. */
export function formatReason(reason: Reason): string {
  return `[${reason.rule}] ${reason.fields?.length ? `${reason.fields.join(', ')}: ` : ''}${reason.detail}`
}
