// The sync fixture on one controllable clock: both simulators and the run read it, so a
// property test decides how far apart edits are.
import type { SyncReport } from '../../src/app/sync/sync-report.js'
import { startSyncFixture } from './sync-fixture.js'
import type { SyncFixture } from './sync-fixture.js'

/** Epoch milliseconds every simulator and the run read; tests move it forward. */
export interface TestClock {
  ms: number
}

/** A pair of simulators on one clock, revsync opened on them, and a way to run one sync. */
export type ClockedFixture = Omit<SyncFixture, 'sync'> & { readonly clock: TestClock; sync(): Promise<SyncReport> }

/** Starts both simulators on `clock` with the given seeds and opens revsync with `mappingsYaml`. */
export async function startClockedFixture(seeds: Parameters<typeof startSyncFixture>[0], mappingsYaml: string, clock: TestClock): Promise<ClockedFixture> {
  const f = await startSyncFixture(seeds, mappingsYaml, () => clock.ms)
  return { ...f, clock, sync: () => f.sync() }
}
