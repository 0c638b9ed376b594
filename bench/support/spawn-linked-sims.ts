// Adapted from spawn-sims.ts (not edited): the same child-process handling, for
// linked-sims-process.ts, which seeds both simulators with the same people.
import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import type { SimsProcess } from './spawn-sims.js'

/** Starts `linked-sims-process.ts` with `people` on both sides and waits for its URLs. */
export async function spawnLinkedSims(people: number): Promise<SimsProcess> {
  const script = new URL('./linked-sims-process.ts', import.meta.url).pathname
  const child = spawn(process.execPath, ['--max-old-space-size=4096', '--import', 'tsx', script, JSON.stringify({ people })], { stdio: ['pipe', 'pipe', 'inherit'] })
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
