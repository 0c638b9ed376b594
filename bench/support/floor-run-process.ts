// The transfer floor in a process of its own, cold like revsync's run beside it: reads the
// simulators' {urls} as JSON from argv[2], moves every Sugar contact into HubSpot with plain
// fetch, and prints its CPU, peak RSS and API calls as one JSON line.
import { simCalls } from './spawn-sims.js'
import { transferFloor } from './transfer-floor.js'

const { urls } = JSON.parse(process.argv[2] ?? '{}') as { urls: { sugar: string; hubspot: string } }
/** Calls by family on both simulators so far, prefixed with the system. */
async function byFamily(): Promise<Record<string, number>> {
  const [sugar, hubspot] = await Promise.all([simCalls(urls.sugar), simCalls(urls.hubspot)])
  const prefixed = (system: string, counts: Record<string, number>) => Object.entries(counts).map(([k, v]) => [`${system} ${k}`, v] as const)
  return Object.fromEntries([...prefixed('sugar', sugar), ...prefixed('hubspot', hubspot)])
}
const before = await byFamily()
const floor = await transferFloor(urls)
const after = await byFamily()
const callsByFamily = Object.fromEntries(Object.entries(after).map(([k, v]) => [k, v - (before[k] ?? 0)] as const).filter(([, v]) => v > 0))
const calls = Object.values(callsByFamily).reduce((a, b) => a + b, 0)
process.stdout.write(`${JSON.stringify({ ...floor, calls, callsByFamily, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`)
