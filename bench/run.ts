// npm run bench: every benchmark in turn, one JSON line each. `npm run bench -- NAME…` runs some.
import { benchSyncInitial } from './sync-initial.js'
import { benchConnectorCalls } from './connector-calls.js'
import { runMatchingBench } from './matching.js'

type Bench = () => Promise<Record<string, unknown>>

/** Imports a benchmark module by file name and calls its exported function. */
async function load(file: string, fn: string): Promise<Record<string, unknown>> {
  const module = (await import(`./${file}.js`)) as Record<string, Bench>
  const bench = module[fn]
  if (!bench) throw new Error(`bench/${file}.ts exports no ${fn}()`)
  return bench()
}

const benches: Record<string, Bench> = {
  'sync-initial': () => benchSyncInitial(),
  'sync-incremental': () => load('sync-incremental', 'benchSyncIncremental'),
  'connector-calls': () => benchConnectorCalls(),
  export: () => load('export', 'benchExport'),
  matching: () => runMatchingBench(),
  'cli-startup': () => load('cli-startup', 'benchCliStartup'),
}

// Flags (`--large`) are read by the benchmarks themselves; the other arguments name benchmarks.
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('--'))
for (const name of wanted.length > 0 ? wanted : Object.keys(benches)) {
  const bench = benches[name]
  if (!bench) throw new Error(`no benchmark "${name}"; there are: ${Object.keys(benches).join(', ')}`)
  console.log(JSON.stringify(await bench()))
}
