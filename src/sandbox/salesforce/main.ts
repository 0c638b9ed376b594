/**
 * Runs the Salesforce simulator as its own process:
 * `node --import tsx src/sandbox/salesforce/main.ts [options.json]`, where the file holds
 * `{ "seed": SalesforceSeed, "generate": GenerateSalesforceSeedOptions, "port": number }`
 * (all optional). Prints one JSON line `{ "url": ... }` when listening; stops when its standard
 * input closes (its parent went away) or on SIGTERM/SIGINT.
 */
import { readFileSync } from 'node:fs'
import { generateSalesforceSeed } from './generate-seed.js'
import type { GenerateSalesforceSeedOptions } from './generate-seed.js'
import type { SalesforceSeed } from './seed.js'
import { startSalesforceSim } from './server.js'

interface MainOptions {
  readonly seed?: Partial<SalesforceSeed>
  readonly generate?: GenerateSalesforceSeedOptions
  readonly port?: number
}

const path = process.argv[2]
const options = (path ? JSON.parse(readFileSync(path, 'utf8')) : {}) as MainOptions
const base = generateSalesforceSeed(options.generate ?? { people: 20 })
const seed = { ...base, ...options.seed } as SalesforceSeed
const sim = await startSalesforceSim({ seed, ...(options.port !== undefined ? { port: options.port } : {}) })
process.stdout.write(`${JSON.stringify({ url: sim.url })}\n`)

let closing = false
const stop = (): void => {
  if (closing) return
  closing = true
  void sim.close().finally(() => process.exit(0))
}
process.stdin.on('end', stop)
process.stdin.on('close', stop)
process.stdin.resume()
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
