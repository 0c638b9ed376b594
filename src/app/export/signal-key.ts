import { createHash } from 'node:crypto'
import type { Signal } from '../../domain/export/signal.js'

/** JSON with object keys sorted at every level and undefined values dropped: one text per content. */
function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value)
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
}

/**
 * The idempotency key of a signal: its `id` when the source gives one, else a hash of its
 * content after validation (trimmed, blanks dropped, keys sorted), so the same signal in a
 * CSV or a JSONL file, or with other spacing, is one signal. `meta` does not count: it is the
 * source's bookkeeping, not the signal.
 */
export function signalKey(signal: Signal): string {
  if (signal.id !== undefined) return `id:${signal.id}`
  const { meta: _meta, id: _id, ...content } = signal
  return `sha256:${createHash('sha256').update(canonicalJson(content)).digest('hex').slice(0, 40)}`
}
