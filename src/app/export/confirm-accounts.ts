import type { Connector } from '../../domain/connector.js'
import { objectOf } from '../../domain/export/record-sync.js'
import type { Signal } from '../../domain/export/signal.js'
import type { SignalPlan } from '../../engine/export/export-plan.js'
import { planSignal } from '../../engine/export/plan-signal.js'
import { crmFields } from './crm-fields.js'
import type { ExportWorld } from './export-world.js'

/**
 * Plans signals against the account index, making sure no plan relies on an account the CRM
 * no longer has. Where reads of changes do not report deletes (HubSpot archives records out of
 * its search), the stored index can still hold a deleted account; so the accounts the plans
 * matched are fetched by id once per run (one call per round at most), and an account that is
 * gone leaves the index and the signals that matched it are planned again without it.
 */
export class AccountConfirmer {
  private readonly confirmed = new Set<string>()
  private readonly needed: boolean

  constructor(
    private readonly world: ExportWorld,
    private readonly connector: Connector,
  ) {
    this.needed = !crmFields[world.target.kind].readsReportDeletes
  }

  /** Plans every signal; the accounts plans rely on exist in the CRM (or were created by this run). */
  async plan(signals: readonly Signal[]): Promise<SignalPlan[]> {
    const plans = signals.map((s) => planSignal(s, this.world.context))
    if (!this.needed) return plans
    // A gone parent lets its child win on the next pass; each pass removes at least one account.
    for (;;) {
      const unconfirmed = [...new Set(plans.flatMap((p) => (p.account.kind === 'matched' ? [p.account.id] : [])))].filter((id) => !this.confirmed.has(id) && !id.startsWith('planned-'))
      if (unconfirmed.length === 0) return plans
      const gone = await this.gone(unconfirmed)
      if (gone.size === 0) return plans
      plans.forEach((p, i) => {
        if (p.account.kind === 'matched' && gone.has(p.account.id)) plans[i] = planSignal(signals[i]!, this.world.context)
      })
    }
  }

  private async gone(ids: readonly string[]): Promise<Set<string>> {
    // Only whether each still exists matters here: no field is asked for.
    const found = await this.connector.lookup(objectOf(this.world.target.kind, 'account'), { field: 'id', values: ids }, { fields: [] })
    const live = new Set<string>()
    for (const list of found.values()) for (const r of list) if (!r.deleted) live.add(r.id)
    const gone = new Set(ids.filter((id) => !live.has(id)))
    for (const id of ids) if (!gone.has(id)) this.confirmed.add(id)
    for (const id of gone) {
      this.world.crm.companies.remove(id)
      this.world.crm.accountOwners.delete(id)
    }
    await this.world.indexRefresh.forget([...gone].map((id) => ({ kind: 'account' as const, id })))
    return gone
  }
}
