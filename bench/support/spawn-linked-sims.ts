import { spawnSimsProcess } from './spawn-sims.js'
import type { SimsProcess } from './spawn-sims.js'

/** Starts `linked-sims-process.ts` with `people` on both sides and waits for its URLs. */
export function spawnLinkedSims(people: number): Promise<SimsProcess> {
  // A hundred thousand people on each side outgrow Node's default heap.
  return spawnSimsProcess<SimsProcess['urls']>('./linked-sims-process.ts', { people }, ['--max-old-space-size=4096'])
}
