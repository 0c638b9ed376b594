import { spawnSimsProcess } from './spawn-sims.js'

/** A Salesforce simulator in a child process, and how to stop it. */
export interface ExportSimProcess {
  readonly url: string
  stop(): Promise<void>
}

/** Starts `export-sims-process.ts` with an org of the given size and waits for its URL. */
export async function spawnExportSim(options: { accounts: number; people: number }): Promise<ExportSimProcess> {
  // An org of a hundred thousand accounts and people outgrows Node's default heap.
  const sim = await spawnSimsProcess<{ url: string }>('./export-sims-process.ts', options, ['--max-old-space-size=4096'])
  return { url: sim.urls.url, stop: () => sim.stop() }
}
