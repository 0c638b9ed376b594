import { readFile, rm } from 'node:fs/promises'
import { demoSeed } from '../../sandbox/demo-seed.js'
import { sandboxEnv } from './sandbox-env.js'
import { startSandbox } from '../../sandbox/start-sandbox.js'
import { checkFields } from '../../domain/config/check-fields.js'
import { parseConfigText } from '../config/load-config.js'
import { ConfigError } from '../config/config-error.js'
import { openAppFrom } from '../open-app.js'
import { refreshFields } from '../schemas/refresh-fields.js'
import { runSync } from '../sync/run-sync.js'
import type { SyncDeps } from '../sync/sync-deps.js'
import type { SyncReport } from '../sync/sync-report.js'
import { explainRecord } from '../explain/explain-record.js'
import { fileURLToPath } from 'node:url'
import { runExport } from '../export/run-export.js'
import { exportDepsOf } from '../export/export-deps-of.js'
import type { ExportReport, InvalidLine, SignalOutcome } from '../export/export-report.js'
import type { Explanation } from '../explain/explain-record.js'

/** What the demo did, for the CLI to print and for tests to check. */
export interface DemoResult {
  readonly first: SyncReport
  readonly second: SyncReport
  readonly third: SyncReport
  /** `SYSTEM:OBJECT/ID` of the records the demo edited, to explain. */
  readonly edited: readonly string[]
  /** What `revsync explain` says about each edited record after the third run. */
  readonly explanations: readonly Explanation[]
  /** The export of `examples/signals.jsonl` into the Salesforce sandbox, then the same file again. */
  readonly exported: DemoExport
  readonly exportedAgain: DemoExport
  readonly storePath: string
}

/** The example config shipped with revsync, which the demo runs unchanged. */
export async function exampleConfigText(): Promise<string> {
  return readFile(new URL('../../../examples/revsync.yaml', import.meta.url), 'utf8')
}

/**
 * The main job on the embedded default: starts the simulators with demo data, loads the
 * example config against them on a fresh SQLite store, checks it against the discovered
 * fields, syncs twice (the second run writes nothing), then edits a record on each side
 * as a person would and syncs again.
 */
export async function runDemo(options: { storePath?: string; say: (line: string) => void; progress?: SyncDeps['onProgress'] }): Promise<DemoResult> {
  const say = options.say
  const storePath = options.storePath ?? '.revsync/demo.db'
  const sandbox = await startSandbox(demoSeed())
  await rm(storePath, { force: true })
  try {
    const env = sandboxEnv(sandbox)
    const loaded = parseConfigText((await exampleConfigText()).replace('store: .revsync/state.db', `store: ${storePath}`), 'examples/revsync.yaml', env)
    say(`sandbox: SugarCRM ${sandbox.sugar.url} · HubSpot ${sandbox.hubspot.url} · Salesforce ${sandbox.salesforce.url} · store ${storePath} (SQLite)`)
    const app = await openAppFrom(loaded)
    try {
      const { catalog } = await refreshFields(loaded.config, app.store, app.connectors, app.now)
      const issues = checkFields(loaded.config, catalog)
      if (issues.length > 0) throw new ConfigError(loaded.locate(issues))
      say('config checked against the discovered fields of sugar Contacts, Leads and hubspot contacts\n')
      const deps = app.syncDeps({ ...(options.progress ? { onProgress: options.progress } : {}) })
      const first = await runSync(loaded.config, 'people', deps)
      const second = await runSync(loaded.config, 'people', deps)
      const edited = await editLikeAPerson(app)
      const third = await runSync(loaded.config, 'people', deps)
      const explanations: Explanation[] = []
      for (const ref of edited) {
        const [system, path] = ref.split(':') as [string, string]
        const explained = await explainRecord(app, loaded.config, system, path.split('/')[1] ?? '')
        if (explained) explanations.push(explained)
      }
      const signals = fileURLToPath(new URL('../../../examples/signals.jsonl', import.meta.url))
      const exported = await exportOnce(app, signals)
      const exportedAgain = await exportOnce(app, signals)
      return { first, second, third, edited, explanations, exported, exportedAgain, storePath }
    } finally {
      await app.close()
    }
  } finally {
    await sandbox.close()
  }
}

/** One export run with every signal's outcome and every invalid line. */
export interface DemoExport {
  readonly report: ExportReport
  readonly outcomes: readonly SignalOutcome[]
  readonly invalid: readonly InvalidLine[]
}

async function exportOnce(app: Awaited<ReturnType<typeof openAppFrom>>, file: string): Promise<DemoExport> {
  const outcomes: SignalOutcome[] = []
  const invalid: InvalidLine[] = []
  const report = await runExport(app.loaded, 'champions', file, exportDepsOf(app), { onOutcome: (o) => outcomes.push(o), onInvalid: (l) => invalid.push(l) })
  return { report, outcomes, invalid }
}

/** A sales rep retitles a contact in Sugar; a marketer overwrites another's title in HubSpot. */
async function editLikeAPerson(app: Awaited<ReturnType<typeof openAppFrom>>): Promise<string[]> {
  const sugar = app.connectors.get('sugar')
  const hubspot = app.connectors.get('hubspot')
  if (!sugar || !hubspot) return []
  const runs = await app.store.listRuns(5)
  const items = runs[runs.length - 1] ? await app.store.getRunItems((runs[runs.length - 1] as { id: string }).id) : []
  const created = items.filter((i) => i.action === 'create' && i.system === 'hubspot' && i.recordId)
  const linked = await app.store.getLinks('people', created.slice(0, 2).map((i) => i.entityId as string))
  const [a, b] = created.slice(0, 2).map((i) => linked.get(i.entityId as string) ?? [])
  const sugarOfA = a?.find((l) => l.system === 'sugar')
  const hubspotOfB = b?.find((l) => l.system === 'hubspot')
  if (!sugarOfA || !hubspotOfB) return []
  await sugar.write(sugarOfA.object, [{ kind: 'update', ref: 'edit', id: sugarOfA.recordId, fields: { title: 'Chief Revenue Officer' } }])
  await hubspot.write('contacts', [{ kind: 'update', ref: 'edit', id: hubspotOfB.recordId, fields: { jobtitle: 'Intern (typed in HubSpot)' } }])
  return [`sugar:${sugarOfA.object}/${sugarOfA.recordId}`, `hubspot:contacts/${hubspotOfB.recordId}`]
}
