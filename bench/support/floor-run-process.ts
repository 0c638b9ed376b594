// The transfer floor in a process of its own, cold like revsync's run beside it: reads the
// simulators' {urls} as JSON from argv[2], moves every Sugar contact into HubSpot with plain
// fetch, and prints its CPU, peak RSS and API calls as one JSON line.
import { simCalls } from './spawn-sims.js'
import { transferFloor } from './transfer-floor.js'

const { urls } = JSON.parse(process.argv[2] ?? '{}') as { urls: { sugar: string; hubspot: string } }
const total = async (): Promise<number> => {
  const counts = await Promise.all([simCalls(urls.sugar), simCalls(urls.hubspot)])
  return counts.flatMap((c) => Object.values(c)).reduce((a, b) => a + b, 0)
}
const before = await total()
const floor = await transferFloor(urls)
const calls = (await total()) - before
process.stdout.write(`${JSON.stringify({ ...floor, calls, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`)
