// One revsync initial sync in a process of its own, so its peak RSS is its own: reads
// {urls, store} as JSON from argv[2], runs the benchmark mapping twice (the second run must
// write nothing), and prints the first run's figures (CPU, peak RSS, API calls by family) as
// one JSON line.
import { parseConfigText } from '../../src/app/config/load-config.js'
import { openAppFrom } from '../../src/app/open-app.js'
import { runSync } from '../../src/app/sync/run-sync.js'
import { benchConfigText } from './bench-config.js'
import { benchCredentials } from './bench-credentials.js'
import { simCalls } from './spawn-sims.js'

const { urls, store } = JSON.parse(process.argv[2] ?? '{}') as { urls: { sugar: string; hubspot: string }; store: string }
const loaded = parseConfigText(benchConfigText(urls, store, { row: () => ', direction: sugar -> hubspot' }), 'bench.yaml', { SUGAR_PASSWORD: benchCredentials.sugarPassword, HUBSPOT_TOKEN: benchCredentials.hubspotToken })
const app = await openAppFrom(loaded)

/** Calls by family on both simulators so far, prefixed with the system. */
async function calls(): Promise<Record<string, number>> {
  const [sugar, hubspot] = await Promise.all([simCalls(urls.sugar), simCalls(urls.hubspot)])
  return { ...prefixed('sugar', sugar), ...prefixed('hubspot', hubspot) }
}
function prefixed(system: string, counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).map(([k, v]) => [`${system} ${k}`, v]))
}

const before = await calls()
const cpu = process.cpuUsage()
const started = performance.now()
const report = await runSync(loaded.config, 'people', app.syncDeps())
const seconds = (performance.now() - started) / 1000
const used = process.cpuUsage(cpu)
const maxRssMb = process.resourceUsage().maxRSS / 1024
const after = await calls()
const callsByFamily: Record<string, number> = Object.fromEntries(Object.entries(after).map(([k, v]) => [k, v - (before[k] ?? 0)] as const).filter(([, v]) => v > 0))
const second = await runSync(loaded.config, 'people', app.syncDeps())
await app.close()
process.stdout.write(`${JSON.stringify({
  seconds,
  cpuMs: (used.user + used.system) / 1000,
  maxRssMb,
  callsByFamily,
  calls: Object.values(callsByFamily).reduce((a, b) => a + b, 0),
  written: (report.created['hubspot'] ?? 0) + (report.updated['hubspot'] ?? 0),
  failed: report.failed,
  secondRunWrites: second.writes,
})}\n`)
