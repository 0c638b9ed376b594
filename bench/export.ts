/**
 * Export benchmark: a file of job-change signals exported into a simulated Salesforce org
 * with many existing accounts (the simulator runs in a child process, so the CPU measured is
 * revsync's alone). Two exports run one after the other, each with its own file of the same
 * mix: the first reads the org in full and stores the account index (cold), the second
 * refreshes the stored index from the CRM's cursors (warm). Prints one JSON line with, for
 * each: signals per second, API calls per signal, and CPU per signal against the transfer
 * floor (bare fetch + JSON reading the same accounts and contacts and writing the same
 * records), measured in the same run.
 *
 *   node --import tsx bench/export.ts
 *   EXPORT_BENCH_SIGNALS=20000 EXPORT_BENCH_ACCOUNTS=100000 node --import tsx bench/export.ts
 */
import { randomUUID } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'
import { parseConfigText } from '../src/app/config/load-config.js'
import type { LoadedConfig } from '../src/app/config/load-config.js'
import { exportDepsOf } from '../src/app/export/export-deps-of.js'
import type { ExportReport, OutcomeKind } from '../src/app/export/export-report.js'
import { runExport } from '../src/app/export/run-export.js'
import { openAppFrom } from '../src/app/open-app.js'
import { generateSalesforceSeed } from '../src/sandbox/salesforce/generate-seed.js'
import { benchSignals, exportBenchToken } from './support/export-bench-data.js'
import type { BenchKind } from './support/export-bench-data.js'
import { exportTransferFloor } from './support/export-transfer-floor.js'
import type { FloorRecord } from './support/export-transfer-floor.js'
import { spawnExportSim } from './support/spawn-export-sims.js'

/** Sizes of one benchmark run. */
export interface ExportBenchOptions {
  readonly signals?: number
  readonly accounts?: number
  /** Existing leads and contacts (half each); defaults to the number of accounts. */
  readonly people?: number
}

const env = (name: string, fallback: number): number => Number(process.env[name] ?? fallback)

/** Runs the benchmark and returns its figures. */
export async function benchExport(options: ExportBenchOptions = {}): Promise<Record<string, unknown>> {
  const signals = options.signals ?? env('EXPORT_BENCH_SIGNALS', 20_000)
  const accounts = options.accounts ?? env('EXPORT_BENCH_ACCOUNTS', 100_000)
  const people = options.people ?? env('EXPORT_BENCH_PEOPLE', accounts)
  // The same generator and options as the simulator process: the org the signals refer to.
  const seed = generateSalesforceSeed({ accounts, people, users: 6, contactShare: 0.5, seed: 11 })
  const org = (seed.accounts ?? []).map((a) => ({ name: String(a.Name), website: String(a.Website) }))
  const existing = [...(seed.contacts ?? []).slice(0, 10_000), ...(seed.leads ?? []).slice(0, 10_000)].map((p) => String(p.Email))
  const made = benchSignals(signals, org, existing)
  const dir = await mkdtemp(join(tmpdir(), 'revsync-bench-export-'))
  const file = join(dir, 'signals.jsonl')
  await writeFile(file, `${made.map((m) => m.line).join('\n')}\n`)
  const sim = await spawnExportSim({ accounts, people })
  try {
    const text = `store: ${join(dir, 'state.db')}
systems:
  sfdc: { kind: salesforce, url: "${sim.url}", auth: { accessToken: "${exportBenchToken}" } }
exports:
  bench:
    system: sfdc
    defaultOwner: user1@revsync-sandbox.example.com
    accountOwnerField: OwnerId
    fields:
      lead:
        - { field: Status, source: { static: Open } }
`
    const loaded = parseConfigText(text, 'bench.yaml', {})
    // The first export reads the org in full and stores the index (cold); the second, with
    // another file of the same mix, refreshes the stored index from the cursors (warm).
    const cold = await exportOnce(loaded, file, made)
    const warmMade = benchSignals(signals, org, existing, { seed: 977, idPrefix: 'warm' })
    const warmFile = join(dir, 'signals-warm.jsonl')
    await writeFile(warmFile, `${warmMade.map((m) => m.line).join('\n')}\n`)
    const warm = await exportOnce(loaded, warmFile, warmMade)
    const figures = async (run: ExportOnce): Promise<Record<string, unknown>> => {
      const floor = await exportTransferFloor(sim.url, run.written)
      const floorMs = floor.readCpuMs + floor.writeCpuMs
      return {
        seconds: round(run.seconds),
        indexSeconds: round(run.indexSeconds),
        signalsPerSecond: Math.round(signals / run.seconds),
        index: run.report.index,
        apiCalls: run.report.apiCalls,
        apiCallsPerSignal: round(run.report.apiCalls / signals, 4),
        cpuMsPerSignal: round(run.cpuMs / signals, 3),
        // Bringing the org's index up to date before the first signal is decided, and everything after it.
        cpuSplitMs: { index: Math.round(run.indexCpuMs), signals: Math.round(run.cpuMs - run.indexCpuMs) },
        floor: { cpuMsPerSignal: round(floorMs / signals, 3), readCpuMs: Math.round(floor.readCpuMs), writeCpuMs: Math.round(floor.writeCpuMs), calls: floor.calls },
        cpuVsFloor: round(run.cpuMs / floorMs),
        outcomes: run.outcomes,
        byKind: run.byKind,
      }
    }
    return {
      bench: 'export',
      sizes: { signals, accounts, existingPeople: people },
      warm: await figures(warm),
      cold: await figures(cold),
      maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    }
  } finally {
    await sim.stop()
    await rm(dir, { recursive: true, force: true })
  }
}

/** What one export of a file cost and did. */
interface ExportOnce {
  readonly report: ExportReport
  readonly seconds: number
  readonly indexSeconds: number
  readonly cpuMs: number
  readonly indexCpuMs: number
  readonly written: FloorRecord[]
  readonly outcomes: Record<OutcomeKind, number>
  readonly byKind: Record<string, Record<string, number>>
}

/** Exports one file through a freshly opened app (so nothing is shared in memory between runs), measuring CPU and wall time. */
async function exportOnce(loaded: LoadedConfig, file: string, made: readonly { kind: BenchKind }[]): Promise<ExportOnce> {
  const app = await openAppFrom(loaded)
  const written: FloorRecord[] = []
  const outcomes: Record<OutcomeKind, number> = { created: 0, updated: 0, skipped: 0, failed: 0 }
  const byKind: Record<string, Record<string, number>> = {}
  let firstOutcomeAt = 0
  let cpuAtFirstOutcome: NodeJS.CpuUsage | undefined
  const startedAt = performance.now()
  const cpu = process.cpuUsage()
  const report = await runExport(loaded, 'bench', file, exportDepsOf(app, { newId: randomUUID }), {
    onOutcome: (o) => {
      if (firstOutcomeAt === 0) {
        firstOutcomeAt = performance.now()
        cpuAtFirstOutcome = process.cpuUsage(cpu)
      }
      outcomes[o.outcome]++
      const kind = made[o.line - 1]?.kind as BenchKind
      const tally = (byKind[kind] ??= {})
      tally[`${o.outcome} ${o.object}`] = (tally[`${o.outcome} ${o.object}`] ?? 0) + 1
      const fields = Object.fromEntries(Object.entries(o.fields))
      if (o.outcome === 'created' || o.outcome === 'updated') written.push({ object: o.object, kind: o.outcome === 'created' ? 'create' : 'update', id: o.recordId, fields })
    },
  })
  const used = process.cpuUsage(cpu)
  const seconds = (performance.now() - startedAt) / 1000
  await app.close()
  return { report, seconds, indexSeconds: (firstOutcomeAt - startedAt) / 1000, cpuMs: (used.user + used.system) / 1000, indexCpuMs: ms(cpuAtFirstOutcome), written, outcomes, byKind }
}

function ms(usage: NodeJS.CpuUsage | undefined): number {
  return usage === undefined ? 0 : (usage.user + usage.system) / 1000
}

function round(x: number, digits = 2): number {
  const f = 10 ** digits
  return Math.round(x * f) / f
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify(await benchExport()))
}
