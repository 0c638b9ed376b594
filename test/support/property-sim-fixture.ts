// Adapted from test/support/sync-fixture.ts (not edited): the same SugarCRM and HubSpot
// simulators over real HTTP and a store in a temp folder, but both simulators and the run
// clock read one controllable clock, so a property test decides how far apart edits are.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseConfigText } from '../../src/app/config/load-config.js'
import { openAppFrom } from '../../src/app/open-app.js'
import type { App } from '../../src/app/open-app.js'
import { runSync } from '../../src/app/sync/run-sync.js'
import type { SyncReport } from '../../src/app/sync/sync-report.js'
import { startHubSpotSim } from '../../src/sandbox/hubspot/server.js'
import type { HubSpotSim } from '../../src/sandbox/hubspot/server.js'
import type { HubSpotSeed } from '../../src/sandbox/hubspot/seed.js'
import { startSugarSim } from '../../src/sandbox/sugarcrm/sim.js'
import type { SugarSim } from '../../src/sandbox/sugarcrm/sim.js'
import type { SugarSeed } from '../../src/sandbox/sugarcrm/seed.js'

const hubspotToken = 'pat-na1-property-token-1234'
const sugarPassword = 'sugar-property-password'

/** Epoch milliseconds every simulator and the run read; tests move it forward. */
export interface TestClock {
  ms: number
}

/** A pair of simulators on one clock, revsync opened on them, and a way to run one sync. */
export interface ClockedFixture {
  readonly sugar: SugarSim
  readonly hubspot: HubSpotSim
  readonly app: App
  readonly clock: TestClock
  sync(): Promise<SyncReport>
  close(): Promise<void>
}

/** Starts both simulators on `clock` with the given seeds and opens revsync with `mappingsYaml`. */
export async function startClockedFixture(seeds: { sugar: SugarSeed; hubspot: Omit<HubSpotSeed, 'token'> }, mappingsYaml: string, clock: TestClock): Promise<ClockedFixture> {
  const now = (): number => clock.ms
  const admin = { user_name: 'admin', last_name: 'Admin', password: sugarPassword, status: 'Active' as const, is_admin: true, email1: 'admin@example.com' }
  const sugar = await startSugarSim({ now, seed: { ...seeds.sugar, users: [admin, ...(seeds.sugar.users ?? [])] } })
  const hubspot = await startHubSpotSim({ now, seed: { ...seeds.hubspot, token: hubspotToken } })
  const dir = await mkdtemp(join(tmpdir(), 'revsync-property-'))
  const text = `store: ${join(dir, 'state.db')}
systems:
  sugar:
    kind: sugarcrm
    url: ${sugar.url}
    auth: { username: admin, password: "\${SUGAR_PASSWORD}" }
  hubspot:
    kind: hubspot
    url: ${hubspot.url}
    auth: { token: "\${HUBSPOT_TOKEN}" }
sync:
  overlapSeconds: 60
  batchSize: 50
mappings:
${mappingsYaml}`
  const loaded = parseConfigText(text, 'revsync.yaml', { SUGAR_PASSWORD: sugarPassword, HUBSPOT_TOKEN: hubspotToken })
  const app = await openAppFrom(loaded)
  return {
    sugar,
    hubspot,
    app,
    clock,
    sync: () => runSync(loaded.config, 'people', app.syncDeps({ now: () => new Date(clock.ms) })),
    close: async () => {
      await app.close()
      await Promise.all([sugar.close(), hubspot.close()])
      await rm(dir, { recursive: true, force: true })
    },
  }
}
