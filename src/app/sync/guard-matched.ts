import type { Store } from '../../store/store.js'
import type { WriteOutcome } from './execute-writes.js'

/**
 * An upsert that matched a record another entity already holds reached a person the sync
 * knows under another record (an email moved from one record to another between runs). The
 * link is not moved and the write is reported as a conflict naming both, so a person decides,
 * rather than two entities silently sharing, or swapping, one record.
 */
export async function guardMatched(mapping: string, outcomes: readonly WriteOutcome[], store: Pick<Store, 'findEntities'>): Promise<WriteOutcome[]> {
  const matched = outcomes.filter((o) => o.result.ok && o.result.matched === true)
  if (matched.length === 0) return [...outcomes]
  const owners = new Map<string, Map<string, string>>()
  for (const system of new Set(matched.map((o) => o.write.system))) {
    owners.set(system, await store.findEntities(mapping, system, matched.filter((o) => o.write.system === system).map((o) => (o.result.ok ? o.result.id : ''))))
  }
  return outcomes.map((o) => {
    if (!o.result.ok || o.result.matched !== true) return o
    const holder = owners.get(o.write.system)?.get(o.result.id)
    if (holder === undefined || holder === o.entityId) return o
    const message = `the upsert by the match key reached ${o.write.system} ${o.write.object} ${o.result.id}, which entity ${holder} already holds; its link is left alone`
    return { ...o, result: { ok: false, ref: o.result.ref, code: 'conflict', vendorCode: 'ALREADY_LINKED', message } }
  })
}
