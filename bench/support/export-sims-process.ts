// Runs a Salesforce simulator in its own process, so the export benchmark measures revsync's
// CPU apart from the simulator's. Reads the org size from argv[2] (JSON), prints its URL as
// one JSON line, and answers `GET /__bench/counts` through the simulator's state route.
import { generateSalesforceSeed } from '../../src/sandbox/salesforce/generate-seed.js'
import { startSalesforceSim } from '../../src/sandbox/salesforce/server.js'
import { exportBenchToken } from './export-bench-data.js'

const options = JSON.parse(process.argv[2] ?? '{}') as { accounts: number; people: number }
const seed = generateSalesforceSeed({ accounts: options.accounts, people: options.people, users: 6, contactShare: 0.5, seed: 11 })
// A big org has a big daily API allocation; the benchmark must not run into it.
const sim = await startSalesforceSim({ seed: { ...seed, dailyApiLimit: 5_000_000, credentials: { accessToken: exportBenchToken } } })
process.stdout.write(`${JSON.stringify({ url: sim.url })}\n`)
process.stdin.resume()
process.stdin.on('end', () => {
  void sim.close().then(() => process.exit(0))
})
