import { openApp } from '../../app/open-app.js'
import type { App } from '../../app/open-app.js'
import { explainRecord } from '../../app/explain/explain-record.js'
import { resolveId, shortIds } from '../../app/short-ids.js'
import { formatExplanation } from '../format-explanation.js'
import { formatRunItem } from '../format-run-item.js'
import type { GlobalFlags } from '../global-flags.js'
import { parseRecordRef } from '../parse-record-ref.js'

/** A record of the entity an id (or id prefix) names, as `SYSTEM:OBJECT/ID`, or undefined when it has no links left. */
async function recordOfEntity(app: App, typed: string): Promise<string | undefined> {
  const entityId = await resolveId(app.store, 'entity', typed)
  for (const mapping of Object.keys(app.config.mappings)) {
    const [link] = (await app.store.getLinks(mapping, [entityId])).get(entityId) ?? []
    if (link) return `${link.system}:${link.object}/${link.recordId}`
  }
  return undefined
}

/** `revsync explain RECORD`: prints the entity behind a record, each field per system, and who wrote it and why. */
export async function explainAction(global: GlobalFlags, given: string): Promise<void> {
  const app = await openApp(global.config)
  try {
    // An entity id is hex digits and dashes; anything else is read as a record reference.
    const ref = /^[0-9a-f-]+$/i.test(given.trim()) ? await recordOfEntity(app, given) : given
    if (ref === undefined) throw new Error(`entity ${given} has no linked records left; see its runs with revsync runs show RUN`)
    const { system, id } = parseRecordRef(ref)
    const explanation = await explainRecord(app, app.config, system, id)
    if (!explanation) {
      const history = await app.store.getRecordHistory(system, id)
      console.log(history.length === 0 ? `revsync has not linked or touched ${ref}` : [`${ref} is not linked; its history:`, ...history.flatMap((item) => formatRunItem(item))].join('\n'))
      return
    }
    const runIds = [...explanation.rows.flatMap((r) => (r.lastWrite ? [r.lastWrite.runId] : [])), ...explanation.history.map((i) => i.runId)]
    console.log(formatExplanation(explanation, await shortIds(app.store, 'run', runIds)).join('\n'))
  } finally {
    await app.close()
  }
}
