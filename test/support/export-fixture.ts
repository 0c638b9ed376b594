import { randomUUID } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseConfigText } from '../../src/app/config/load-config.js'
import type { LoadedConfig } from '../../src/app/config/load-config.js'
import { exportDepsOf } from '../../src/app/export/export-deps-of.js'
import type { ExportOptions } from '../../src/app/export/export-deps.js'
import type { ExportReport, SignalOutcome } from '../../src/app/export/export-report.js'
import { runExport } from '../../src/app/export/run-export.js'
import { openAppFrom } from '../../src/app/open-app.js'
import type { App } from '../../src/app/open-app.js'
import { startHubSpotSim } from '../../src/sandbox/hubspot/server.js'
import type { HubSpotSim } from '../../src/sandbox/hubspot/server.js'
import type { HubSpotSeed } from '../../src/sandbox/hubspot/seed.js'
import { keyPrefixes, makeId } from '../../src/sandbox/salesforce/ids.js'
import { startSalesforceSim } from '../../src/sandbox/salesforce/server.js'
import type { SalesforceSim } from '../../src/sandbox/salesforce/server.js'
import type { SalesforceSeed } from '../../src/sandbox/salesforce/seed.js'
import type { SfRecord } from '../../src/sandbox/salesforce/state.js'

export const sfToken = '00D8c0000000001!export-test-token'
export const hubspotToken = 'pat-na1-export-test-token'

/** A simulator id of a Salesforce object: `sfId('User', 2)` is the second user. */
export function sfId(object: 'User' | 'Account' | 'Contact' | 'Lead', n: number): string {
  return makeId(keyPrefixes[object]!, n)
}

/** An export run's report with every signal's outcome, in file order. */
export type ExportResult = ExportReport & { readonly outcomes: readonly SignalOutcome[] }

/** A simulator, revsync opened on it with an export target, and a store in a temp folder. */
export interface ExportFixture {
  readonly app: App
  readonly loaded: LoadedConfig
  readonly dir: string
  /** Writes signals (objects as JSONL, or text as is) to a file in the temp folder and exports it. */
  export(target: string, signals: readonly unknown[] | string, options?: ExportOptions & { file?: string }): Promise<ExportResult>
  /** Writes a file in the temp folder and returns its path. */
  file(name: string, text: string): Promise<string>
  /** Runs an export of a file already written. */
  exportFile(target: string, path: string, options?: ExportOptions): Promise<ExportResult>
  close(): Promise<void>
}

async function open(systemYaml: string, exportsYaml: string, closeSim: () => Promise<void>): Promise<ExportFixture> {
  const dir = await mkdtemp(join(tmpdir(), 'revsync-export-'))
  const text = `store: ${join(dir, 'state.db')}\nsystems:\n${systemYaml}exports:\n${exportsYaml}`
  const loaded = parseConfigText(text, 'revsync.yaml', {})
  const app = await openAppFrom(loaded)
  let n = 0
  const exportFile = async (target: string, path: string, options: ExportOptions = {}): Promise<ExportResult> => {
    const outcomes: SignalOutcome[] = []
    const report = await runExport(loaded, target, path, exportDepsOf(app, { newId: randomUUID }), { ...options, onOutcome: (o) => outcomes.push(o) })
    return { ...report, outcomes }
  }
  const file = async (name: string, body: string): Promise<string> => {
    const path = join(dir, name)
    await writeFile(path, body)
    return path
  }
  return {
    app,
    loaded,
    dir,
    file,
    exportFile,
    export: async (target, signals, options = {}) => {
      const body = typeof signals === 'string' ? signals : signals.map((s) => JSON.stringify(s)).join('\n')
      const path = await file(options.file ?? `signals-${++n}.jsonl`, body)
      return exportFile(target, path, options)
    },
    close: async () => {
      await app.close()
      await closeSim()
      await rm(dir, { recursive: true, force: true })
    },
  }
}

/** Options of the simulator itself: its clock, so a test can move time between runs without waiting. */
export interface SimOptions {
  readonly now?: () => number
}

/** A Salesforce simulator with the seed, and revsync with `exportsYaml` (the `exports:` section, indented two spaces). */
export async function startSalesforceExport(seed: SalesforceSeed, exportsYaml: string, simOptions: SimOptions = {}): Promise<ExportFixture & { sim: SalesforceSim; live(object: string): SfRecord[] }> {
  const sim = await startSalesforceSim({ seed: { ...seed, credentials: { accessToken: sfToken } }, ...simOptions })
  const fixture = await open(`  sfdc:\n    kind: salesforce\n    url: ${sim.url}\n    auth: { accessToken: "${sfToken}" }\n`, exportsYaml, () => sim.close())
  return { ...fixture, sim, live: (object) => sim.state.live(object) }
}

/** A HubSpot simulator with the seed, and revsync with `exportsYaml`. */
export async function startHubSpotExport(seed: Omit<HubSpotSeed, 'token'>, exportsYaml: string, simOptions: SimOptions = {}): Promise<ExportFixture & { sim: HubSpotSim }> {
  const sim = await startHubSpotSim({ seed: { ...seed, token: hubspotToken }, ...simOptions })
  const fixture = await open(`  hubspot:\n    kind: hubspot\n    url: ${sim.url}\n    auth: { token: "${hubspotToken}" }\n`, exportsYaml, () => sim.close())
  return { ...fixture, sim }
}

/** A job-change signal with sensible defaults; `over` replaces parts of it. */
export function jobChange(first: string, last: string, email: string, company: { name?: string; domain?: string; city?: string }, over: Record<string, unknown> = {}): Record<string, unknown> {
  const person = { firstName: first, lastName: last, email, title: 'VP Sales', linkedinUrl: `https://www.linkedin.com/in/${first.toLowerCase()}-${last.toLowerCase()}`, city: 'Boston', state: 'MA', country: 'United States', ...((over.person as object | undefined) ?? {}) }
  return { ...over, person, company: { ...company, ...((over.company as object | undefined) ?? {}) }, pastCompany: { name: 'Globex', domain: 'globex.com' }, jobStartedAt: '2025-02-03' }
}
