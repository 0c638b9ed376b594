// bench/sync-initial: SugarCRM contacts into an empty HubSpot through the sandbox, on SQLite, at
// 10,000 and 100,000 people (and 1,000,000 with --large). Prints one JSON line: per size, CPU
// per record, peak RSS and API calls, each against the transfer floor measured at the same
// size in the same run; and how the largest size compares with the smallest.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { spawn } from 'node:child_process'
import { spawnSims } from './support/spawn-sims.js'

interface RunFigures {
  readonly records: number
  readonly seconds: number
  readonly cpuMs: number
  readonly maxRssMb: number
  readonly written: number
  /** Calls the run made to both simulators, one-off calls (token, describe) included. */
  readonly calls: number
  readonly callsByFamily: Record<string, number>
  readonly secondRunWrites: number
  readonly failed: Record<string, number>
}

/** Runs `script` of bench/support in a process of its own and returns the JSON line it prints. */
function runProcess<T>(script: string, input: unknown): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', new URL(`./support/${script}`, import.meta.url).pathname, JSON.stringify(input)], { stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
    child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as T) : reject(new Error(`${script} exited with ${code}`))))
  })
}

/** One revsync run of `records` Sugar contacts into an empty HubSpot, on fresh simulators and store, in its own process. */
async function revsyncRun(records: number): Promise<RunFigures> {
  const sims = await spawnSims({ sugarContacts: records })
  const dir = await mkdtemp(join(tmpdir(), 'revsync-bench-'))
  try {
    return { records, ...(await runProcess<Omit<RunFigures, 'records'>>('initial-run-process.ts', { urls: sims.urls, store: join(dir, 'state.db') })) }
  } finally {
    await sims.stop()
    await rm(dir, { recursive: true, force: true })
  }
}

/** The transfer floor on its own fresh simulators, in its own process. */
async function floorRun(records: number): Promise<{ cpuMs: number; records: number; calls: number; callsByFamily: Record<string, number>; maxRssMb: number }> {
  const sims = await spawnSims({ sugarContacts: records })
  try {
    return await runProcess('floor-run-process.ts', { urls: sims.urls })
  } finally {
    await sims.stop()
  }
}

/** Figures of one size: revsync against the floor measured on the same size in the same run. */
async function measure(records: number): Promise<Record<string, unknown>> {
  const floor = await floorRun(records)
  const run = await revsyncRun(records)
  const cpuMsPerRecord = run.cpuMs / records
  const floorMsPerRecord = floor.cpuMs / floor.records
  return {
    records,
    written: run.written,
    seconds: round(run.seconds),
    recordsPerSecond: Math.round(records / run.seconds),
    cpuMsPerRecord: round(cpuMsPerRecord, 4),
    floorCpuMsPerRecord: round(floorMsPerRecord, 4),
    cpuRatioToFloor: round(cpuMsPerRecord / floorMsPerRecord),
    peakRssMb: Math.round(run.maxRssMb),
    floorPeakRssMb: Math.round(floor.maxRssMb),
    calls: run.calls,
    floorCalls: floor.calls,
    callRatioToFloor: round(run.calls / floor.calls),
    callsByFamily: run.callsByFamily,
    floorCallsByFamily: floor.callsByFamily,
    // What the floor does not make: one-off schema calls and the duplicate lookups that hold two records of one person.
    callsOverFloorByFamily: overFloor(run.callsByFamily, floor.callsByFamily),
    secondRunWrites: run.secondRunWrites,
    failed: run.failed,
  }
}

/**
 * Runs the benchmark at each size (10,000 and 100,000 people; 1,000,000 with `--large`) and
 * returns its figures: each size against its own floor, and how the largest compares with the
 * smallest (CPU ratio and peak RSS), which is what shows a cost growing faster than the work.
 * Each run and each floor is a cold process of its own, so the two are compared alike.
 */
export async function benchSyncInitial(sizes = initialSizes()): Promise<Record<string, unknown>> {
  const rows = []
  for (const records of sizes) rows.push(await measure(records))
  const first = rows[0] as Record<string, number>
  const last = rows[rows.length - 1] as Record<string, number>
  return {
    bench: 'sync-initial',
    sizes: rows,
    cpuRatioLargestOverSmallest: round(Number(last['cpuRatioToFloor']) / Number(first['cpuRatioToFloor'])),
    peakRssLargestOverSmallest: round(Number(last['peakRssMb']) / Number(first['peakRssMb'])),
  }
}

/** BENCH_RECORDS picks one size; otherwise 10,000 and 100,000, and 1,000,000 with --large. */
function initialSizes(): number[] {
  if (process.env.BENCH_RECORDS) return process.env.BENCH_RECORDS.split(',').map(Number)
  return process.argv.includes('--large') ? [10_000, 100_000, 1_000_000] : [10_000, 100_000]
}

/** Calls of each family beyond the floor's (negative where revsync makes fewer). */
function overFloor(run: Record<string, number>, floor: Record<string, number>): Record<string, number> {
  const families = new Set([...Object.keys(run), ...Object.keys(floor)])
  return Object.fromEntries([...families].map((f) => [f, (run[f] ?? 0) - (floor[f] ?? 0)] as const).filter(([, v]) => v !== 0))
}

function round(n: number, digits = 2): number {
  return Number(n.toFixed(digits))
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.log(JSON.stringify(await benchSyncInitial()))
