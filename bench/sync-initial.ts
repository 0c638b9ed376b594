// bench/sync-initial: 10,000 SugarCRM contacts into HubSpot through the sandbox, on SQLite.
// Prints one JSON line: records/s, HubSpot write calls per 100 records written, and revsync's
// CPU per record divided by the transfer floor measured in the same run.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseConfigText } from '../src/app/config/load-config.js'
import { openAppFrom } from '../src/app/open-app.js'
import { runSync } from '../src/app/sync/run-sync.js'
import { benchCredentials } from './support/bench-credentials.js'
import { simCalls, spawnSims } from './support/spawn-sims.js'
import { transferFloor } from './support/transfer-floor.js'
import { benchConfigText } from './support/bench-config.js'

function configText(urls: { sugar: string; hubspot: string }, store: string): string {
  return benchConfigText(urls, store, { row: () => ', direction: sugar -> hubspot' })
}

interface RunFigures {
  readonly records: number
  readonly seconds: number
  readonly cpuMs: number
  readonly written: number
  readonly writeCalls: number
  readonly lookupCalls: number
  readonly secondRunWrites: number
  readonly failed: Record<string, number>
}

/** One revsync run of `records` Sugar contacts into an empty HubSpot, on fresh simulators and store. */
async function revsyncRun(records: number): Promise<RunFigures> {
  const sims = await spawnSims({ sugarContacts: records })
  const dir = await mkdtemp(join(tmpdir(), 'revsync-bench-'))
  try {
    const loaded = parseConfigText(configText(sims.urls, join(dir, 'state.db')), 'bench.yaml', { SUGAR_PASSWORD: benchCredentials.sugarPassword, HUBSPOT_TOKEN: benchCredentials.hubspotToken })
    const app = await openAppFrom(loaded)
    const before = await simCalls(sims.urls.hubspot)
    const cpu = process.cpuUsage()
    const started = performance.now()
    const report = await runSync(loaded.config, 'people', app.syncDeps())
    const seconds = (performance.now() - started) / 1000
    const used = process.cpuUsage(cpu)
    const calls = await simCalls(sims.urls.hubspot)
    const second = await runSync(loaded.config, 'people', app.syncDeps())
    await app.close()
    const delta = (family: string) => (calls[family] ?? 0) - (before[family] ?? 0)
    return {
      records,
      seconds,
      cpuMs: (used.user + used.system) / 1000,
      written: (report.created['hubspot'] ?? 0) + (report.updated['hubspot'] ?? 0),
      writeCalls: delta('contacts.batch.create') + delta('contacts.batch.update'),
      lookupCalls: delta('contacts.batch.read'),
      secondRunWrites: second.writes,
      failed: report.failed,
    }
  } finally {
    await sims.stop()
    await rm(dir, { recursive: true, force: true })
  }
}

/** The transfer floor on its own fresh simulators. */
async function floorRun(records: number): Promise<{ cpuMs: number; records: number }> {
  const sims = await spawnSims({ sugarContacts: records })
  try {
    return await transferFloor(sims.urls)
  } finally {
    await sims.stop()
  }
}

/**
 * Runs the benchmark and returns its figures. Both revsync and the floor first move 1,000
 * records to load their modules and warm the JIT (the cold figures are kept too), then move
 * `records` on fresh simulators for the measured figures.
 */
export async function benchSyncInitial(records = Number(process.env.BENCH_RECORDS ?? 10_000)): Promise<Record<string, unknown>> {
  const coldFloor = await floorRun(1000)
  const cold = await revsyncRun(1000)
  const floor = await floorRun(records)
  const run = await revsyncRun(records)
  const cpuMsPerRecord = run.cpuMs / records
  const floorMsPerRecord = floor.cpuMs / floor.records
  return {
    bench: 'sync-initial',
    records,
    written: run.written,
    seconds: round(run.seconds),
    recordsPerSecond: Math.round(records / run.seconds),
    hubspotWriteCallsPer100Written: round((run.writeCalls / run.written) * 100),
    hubspotLookupCalls: run.lookupCalls,
    cpuMsPerRecord: round(cpuMsPerRecord, 4),
    floorCpuMsPerRecord: round(floorMsPerRecord, 4),
    cpuRatioToFloor: round(cpuMsPerRecord / floorMsPerRecord),
    coldCpuRatioToFloor: round(cold.cpuMs / cold.records / (coldFloor.cpuMs / coldFloor.records)),
    secondRunWrites: run.secondRunWrites,
    failed: run.failed,
  }
}

function round(n: number, digits = 2): number {
  return Number(n.toFixed(digits))
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.log(JSON.stringify(await benchSyncInitial()))
