import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'

/** Simulators running in a child process, and how to stop them. */
export interface SimsProcess {
  readonly urls: { readonly sugar: string; readonly hubspot: string }
  stop(): Promise<void>
}

/** Starts `sims-process.ts` with the given seed sizes and waits for its URLs. */
export async function spawnSims(options: { sugarContacts: number }): Promise<SimsProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', new URL('./sims-process.ts', import.meta.url).pathname, JSON.stringify(options)], { stdio: ['pipe', 'pipe', 'inherit'] })
  const lines = createInterface({ input: child.stdout })
  const first = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve)
    child.once('exit', (code) => reject(new Error(`simulator process exited with ${code}`)))
  })
  return {
    urls: JSON.parse(first) as SimsProcess['urls'],
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve())
        child.stdin.end()
      }),
  }
}

/** Calls per route family the simulator counted. */
export async function simCalls(url: string): Promise<Record<string, number>> {
  return (await (await fetch(`${url}/__sandbox/calls`)).json()) as Record<string, number>
}
