import type { FilterConfig } from '../domain/config/mapping-config.js'
import type { RemoteRecord } from '../domain/records.js'
import type { Reason } from '../domain/reason.js'
import { normalizeValue } from '../domain/normalize-value.js'

function test(filter: FilterConfig, record: RemoteRecord): boolean {
  const value = normalizeValue(record.fields[filter.field])
  const text = value === null ? null : String(value)
  switch (filter.op) {
    case 'present':
      return text !== null
    case 'absent':
      return text === null
    case 'equals':
      return text === (filter.value === undefined ? null : String(filter.value))
    case 'not-equals':
      return text !== (filter.value === undefined ? null : String(filter.value))
    case 'in':
      return Array.isArray(filter.value) && text !== null && filter.value.includes(text)
  }
}

/**
 * Checks a mapping's filters (SPEC 2.10) against an entity's records: a filter on a system
 * applies to that system's record when there is one. Returns the first failed filter.
 */
export function failedFilter(filters: readonly FilterConfig[], records: ReadonlyMap<string, RemoteRecord>): Reason | undefined {
  for (const filter of filters) {
    const record = records.get(filter.system)
    if (record && !test(filter, record)) {
      const wanted = filter.value === undefined ? '' : ` ${JSON.stringify(filter.value)}`
      return { rule: 'filter', detail: `${filter.system} ${record.object} ${record.id}: ${filter.field} is not ${filter.op}${wanted}` }
    }
  }
  return undefined
}
