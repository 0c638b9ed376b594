import type { Command } from 'commander'
import { openApp } from '../../app/open-app.js'
import { explainRecord } from '../../app/explain/explain-record.js'
import type { Explanation } from '../../app/explain/explain-record.js'
import { showValue } from '../../app/sync/show-value.js'
import { formatRunItem } from './runs.js'
import { resolveId, shortIds } from '../../app/short-ids.js'
import type { App } from '../../app/open-app.js'

/** Parses `SYSTEM:OBJECT/ID` (object optional: `SYSTEM:ID`). */
export function parseRecordRef(ref: string): { system: string; object?: string; id: string } {
  const m = /^([a-z][a-z0-9_-]*):(?:([A-Za-z0-9_]+)\/)?(.+)$/.exec(ref)
  if (!m) throw new Error(`"${ref}" is not a record reference; write SYSTEM:OBJECT/ID, e.g. hubspot:contacts/101`)
  return { system: m[1] as string, ...(m[2] ? { object: m[2] } : {}), id: m[3] as string }
}

/** A record of the entity an id (or id prefix) names, as `SYSTEM:OBJECT/ID`, or undefined when it has no links left. */
async function recordOfEntity(app: App, typed: string): Promise<string | undefined> {
  const entityId = await resolveId(app.store, 'entity', typed)
  for (const mapping of Object.keys(app.config.mappings)) {
    const [link] = (await app.store.getLinks(mapping, [entityId])).get(entityId) ?? []
    if (link) return `${link.system}:${link.object}/${link.recordId}`
  }
  return undefined
}

/** An explanation as a person reads it: the records, each field now, who wrote it and why, then the history; `run` gives run ids as people see them. */
export function formatExplanation(e: Explanation, run: (id: string) => string = (id) => id): string[] {
  const lines = [`entity ${e.entityId} (mapping ${e.mapping})`, ...e.links.map((l) => `  ${l.system}:${l.object}/${l.recordId}`), '', 'fields:']
  for (const row of e.rows) {
    lines.push(`  ${row.row}`)
    for (const v of row.values) lines.push(`    ${v.system}.${v.field} = ${v.value === undefined ? '(read through a relationship)' : showValue(v.value)}`)
    if (row.lastWrite) lines.push(`    last written by run ${run(row.lastWrite.runId)} at ${row.lastWrite.at} into ${row.lastWrite.system}.${row.lastWrite.field}: [${row.lastWrite.reason.rule}] ${row.lastWrite.reason.detail}`)
  }
  lines.push('', 'history:')
  for (const item of e.history) lines.push(`  run ${run(item.runId)} at ${item.at}`, ...formatRunItem(item).map((l) => `  ${l}`))
  return lines
}

/** `revsync explain`: the entity behind a record, each field's value per system, who wrote it and why. */
export function registerExplain(program: Command): void {
  program
    .command('explain <record>')
    .description('tell, for the entity behind a record, each field\'s value in each system and which run wrote it, from where and by which rule (record: SYSTEM:OBJECT/ID, or an entity id as plan and runs show it)')
    .action(async (given: string) => {
      const app = await openApp(program.opts<{ config: string }>().config)
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
    })
}
