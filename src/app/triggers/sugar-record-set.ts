import type { RecordSet } from '../sync/run-records.js'

/** What a Sugar web logic hook asks for, or why it cannot be read. */
export type SugarDelivery = { readonly ok: true; readonly set: RecordSet } | { readonly ok: false; readonly error: string }

/**
 * The record a SugarCRM web logic hook names: Sugar posts `{ isUpdate, dataChanges, data }`
 * with the record in `data` (`_module`, `id`); a flat `{ module, id }` is taken too, for a
 * custom logic hook that sends only those.
 */
export function sugarRecordSet(body: string, system: string): SugarDelivery {
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch {
    return { ok: false, error: 'body is not JSON: a web logic hook posts a JSON object' }
  }
  if (parsed === null || typeof parsed !== 'object') return { ok: false, error: 'body is not a JSON object' }
  const top = parsed as Record<string, unknown>
  const data = top.data !== null && typeof top.data === 'object' ? (top.data as Record<string, unknown>) : top
  const module = data._module ?? top.module
  const id = data.id ?? top.id
  if (typeof module !== 'string' || module === '') return { ok: false, error: 'no module: expected data._module (or module)' }
  if (typeof id !== 'string' || id === '') return { ok: false, error: 'no record id: expected data.id (or id)' }
  return { ok: true, set: { system, object: module, ids: [id] } }
}
