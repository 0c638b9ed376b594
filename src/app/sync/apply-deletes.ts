import type { Mapping } from '../../domain/mapping.js'
import type { RunItem } from '../../domain/run.js'
import { planDeletes } from '../../engine/plan-deletes.js'
import type { BatchCommit } from '../../store/store.js'
import type { EntityGroup } from './entity-group.js'
import type { SyncDeps } from './sync-deps.js'
import { addProblem, bump } from './sync-report.js'
import type { SyncReport } from './sync-report.js'

/**
 * Handles the entities of a batch whose record a person deleted (SPEC 2.11): records the
 * delete, and under `deletes: propagate` deletes the linked records in the other systems and
 * drops the entity's links. Returns what the batch must make durable.
 */
export async function applyDeletes(mapping: Mapping, groups: readonly EntityGroup[], deps: SyncDeps, report: SyncReport, runId: string): Promise<BatchCommit> {
  const items: RunItem[] = []
  const unlinks: { mapping: string; system: string; recordId: string }[] = []
  const at = deps.now().toISOString()
  for (const group of groups) {
    const deleted = group.deleted
    if (!deleted) continue
    const plan = planDeletes(mapping, deleted, group.records)
    const item = (system: string, object: string, recordId: string, rest: Pick<RunItem, 'action' | 'reasons'>): RunItem => ({ runId, mapping: mapping.name, entityId: group.entityId, system, object, recordId, before: {}, after: {}, at, ...rest })
    items.push(item(deleted.system, deleted.object, deleted.id, { action: 'skip', reasons: [plan.recorded] }))
    if (plan.removals.length === 0 || report.dryRun) {
      for (const removal of report.dryRun ? plan.removals : []) {
        bump(report.deleted, removal.system)
        report.writes++
      }
      continue
    }
    let failed = false
    for (const removal of plan.removals) {
      const [result] = (await deps.connectors.get(removal.system)?.remove(removal.object, [removal.id])) ?? []
      if (result?.ok) {
        bump(report.deleted, removal.system)
        report.writes++
        items.push(item(removal.system, removal.object, removal.id, { action: 'delete', reasons: [removal.reason] }))
      } else {
        failed = true
        bump(report.failed, removal.system)
        const reason = { rule: `write.${result?.code ?? 'unknown'}`, detail: `${removal.system} refused the delete (${result && !result.ok ? `${result.vendorCode}): ${result.message}` : 'no answer)'}` }
        addProblem(report, { entityId: group.entityId, system: removal.system, reason })
        items.push(item(removal.system, removal.object, removal.id, { action: 'fail', reasons: [reason, removal.reason] }))
      }
    }
    // Links go only once every record is gone, so a failed delete is tried again with the entity.
    if (!failed) unlinks.push({ mapping: mapping.name, system: deleted.system, recordId: deleted.id }, ...plan.removals.map((r) => ({ mapping: mapping.name, system: r.system, recordId: r.id })))
  }
  return { items, unlinks }
}
