import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'

/** A Salesforce simulator in a child process, and how to stop it. */
export interface ExportSimProcess {
  readonly url: string
  stop(): Promise<void>
}

/** Starts `export-sims-process.ts` with an org of the given size and waits for its URL. */
export async function spawnExportSim(options: { accounts: number; people: number }): Promise<ExportSimProcess> {
  const script = new URL('./export-sims-process.ts', import.meta.url).pathname
  const child = spawn(process.execPath, ['--max-old-space-size=4096', '--import', 'tsx', script, JSON.stringify(options)], { stdio: ['pipe', 'pipe', 'inherit'] })
  const lines = createInterface({ input: child.stdout })
  const first = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve)
    child.once('exit', (code) => reject(new Error(`simulator process exited with ${code}`)))
  })
  return {
    url: (JSON.parse(first) as { url: string }).url,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve())
        child.stdin.end()
      }),
  }
}
