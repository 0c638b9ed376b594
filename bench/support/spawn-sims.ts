import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'

/** Simulators running in a child process, and how to stop them. */
export interface SimsProcess {
  readonly urls: { readonly sugar: string; readonly hubspot: string }
  stop(): Promise<void>
}

/** Starts `sims-process.ts` with the given seed sizes and waits for its URLs. */
export function spawnSims(options: { sugarContacts: number }): Promise<SimsProcess> {
  return spawnSimsProcess<SimsProcess['urls']>('./sims-process.ts', options)
}

/**
 * Starts a simulator script of this folder in its own process (so a benchmark measures
 * revsync's CPU apart from the simulators'), passing `options` as JSON, and waits for the
 * URLs it prints as JSON on its first line.
 */
export async function spawnSimsProcess<Urls>(script: string, options: unknown, nodeFlags: readonly string[] = []): Promise<{ readonly urls: Urls; stop(): Promise<void> }> {
  const child = spawn(process.execPath, [...nodeFlags, '--import', 'tsx', new URL(script, import.meta.url).pathname, JSON.stringify(options)], { stdio: ['pipe', 'pipe', 'inherit'] })
  const lines = createInterface({ input: child.stdout })
  const first = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve)
    child.once('exit', (code) => reject(new Error(`simulator process exited with ${code}`)))
  })
  return {
    urls: JSON.parse(first) as Urls,
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
