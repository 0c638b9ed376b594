import type { RevsyncConfig } from '../../domain/config/config-schema.js'
import type { LinkRow } from '../../domain/link.js'
import { pathFor, resolveMapping } from '../../domain/mapping.js'
import type { FieldValue, RemoteRecord } from '../../domain/records.js'
import type { Reason } from '../../domain/reason.js'
import type { RunItem } from '../../domain/run.js'
import type { App } from '../open-app.js'
import { fetchById } from '../sync/fetch-by-id.js'

/** One field row of an entity: its value in each system now, and the last write of it. */
export interface ExplainedRow {
  readonly row: string
  readonly values: readonly { readonly system: string; readonly field: string; readonly value: FieldValue | undefined }[]
  readonly lastSynced: FieldValue | undefined
  readonly lastWrite?: { readonly runId: string; readonly at: string; readonly system: string; readonly field: string; readonly reason: Reason }
}

/** Everything revsync knows about the entity behind one record. */
export interface Explanation {
  readonly mapping: string
  readonly entityId: string
  readonly links: readonly LinkRow[]
  readonly rows: readonly ExplainedRow[]
  readonly history: readonly RunItem[]
}

/** The reason an item gives for one written field. */
function reasonFor(item: RunItem, field: string): Reason | undefined {
  return item.reasons.find((r) => r.fields?.includes(field)) ?? item.reasons[0]
}

/**
 * Explains a record (SPEC 6 "Explain"): finds its entity in the mappings that include its
 * system, reads the entity's records as they are now, and pairs each field row's values
 * with the last run that wrote it and the rule that decided it. Built from the reasons
 * stored with each write, not reconstructed.
 */
export async function explainRecord(app: App, config: RevsyncConfig, system: string, recordId: string): Promise<Explanation | undefined> {
  for (const [name, mappingConfig] of Object.entries(config.mappings)) {
    if (!mappingConfig.systems.some((s) => s.system === system)) continue
    const entityId = (await app.store.findEntities(name, system, [recordId])).get(recordId)
    if (!entityId) continue
    const mapping = resolveMapping(name, mappingConfig)
    const links = (await app.store.getLinks(name, [entityId])).get(entityId) ?? []
    const records = new Map<string, RemoteRecord>()
    for (const link of links) {
      const connector = app.connectors.get(link.system)
      const found = connector ? await fetchById(connector, new Map([[link.object, [link.recordId]]])) : new Map<string, RemoteRecord>()
      const record = found.get(`${link.object}/${link.recordId}`)
      if (record) records.set(link.system, record)
    }
    const synced = (await app.store.getSynced(name, [entityId])).get(entityId) ?? {}
    const history = await app.store.getEntityHistory(name, entityId)
    const rows = mapping.rows.map((row): ExplainedRow => {
      const values = mapping.order.flatMap((s) => {
        const record = records.get(s)
        const field = record ? pathFor(row, s, record.object) : undefined
        return field ? [{ system: s, field, value: field.includes('.') ? undefined : (record?.fields[field] ?? null) }] : []
      })
      const fields = new Set(values.map((v) => `${v.system}/${v.field}`))
      const last = [...history].reverse().find((i) => (i.action === 'create' || i.action === 'update') && Object.keys(i.after).some((f) => fields.has(`${i.system}/${f}`)))
      const field = last ? Object.keys(last.after).find((f) => fields.has(`${last.system}/${f}`)) : undefined
      const reason = last && field ? reasonFor(last, field) : undefined
      return { row: row.key, values, lastSynced: synced[row.key], ...(last && field && reason ? { lastWrite: { runId: last.runId, at: last.at, system: last.system, field, reason } } : {}) }
    })
    return { mapping: name, entityId, links, rows, history }
  }
  return undefined
}
