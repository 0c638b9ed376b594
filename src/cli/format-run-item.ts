import type { RunItem } from '../domain/run.js'
import { showValue } from '../domain/normalize-value.js'
import { formatReason } from './format-reason.js'

/** One run item as a line or two: what happened to which record, and why; `short` gives entity ids as people see them. */
export function formatRunItem(item: RunItem, short: (id: string) => string = (id) => id): string[] {
  const record = item.recordId ? `${item.system}:${item.object}/${item.recordId}` : item.system ? `${item.system}:${item.object}` : `entity ${item.entityId ? short(item.entityId) : ''}`
  const changes = Object.entries(item.after).map(([k, v]) => `${k} ${showValue(item.before[k])} -> ${showValue(v)}`)
  return [`  ${item.action.padEnd(6)} ${record}${changes.length ? `  ${changes.join(', ')}` : ''}`, ...item.reasons.map((r) => `           ${formatReason(r)}`)]
}
