import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseConfigText } from '../../src/app/config/load-config.js'
import type { RevsyncConfig } from '../../src/domain/config/config-schema.js'
import { openAppFrom } from '../../src/app/open-app.js'
import type { App } from '../../src/app/open-app.js'
import { runSync } from '../../src/app/sync/run-sync.js'
import type { SyncDeps } from '../../src/app/sync/sync-deps.js'
import type { SyncReport } from '../../src/app/sync/sync-report.js'
import { startHubSpotSim } from '../../src/sandbox/hubspot/server.js'
import type { HubSpotSim } from '../../src/sandbox/hubspot/server.js'
import type { HubSpotSeed } from '../../src/sandbox/hubspot/seed.js'
import { startSugarSim } from '../../src/sandbox/sugarcrm/sim.js'
import { startSalesforceSim } from '../../src/sandbox/salesforce/server.js'
import type { SalesforceSim } from '../../src/sandbox/salesforce/server.js'
import type { SalesforceSeed } from '../../src/sandbox/salesforce/seed.js'
import type { SugarSim } from '../../src/sandbox/sugarcrm/sim.js'
import type { SugarSeed } from '../../src/sandbox/sugarcrm/seed.js'

export const hubspotToken = 'pat-na1-test-token-1234'
export const sugarPassword = 'sugar-test-password'

/** A running pair of simulators, a config pointing at them, and a store in a temp folder. */
export interface SyncFixture {
  readonly sugar: SugarSim
  readonly hubspot: HubSpotSim
  readonly salesforce: SalesforceSim | undefined
  readonly app: App
  readonly storePath: string
  /** The config the fixture's runs use. */
  readonly config: RevsyncConfig
  sync(mapping?: string, extra?: Partial<SyncDeps>, options?: { dryRun?: boolean }): Promise<SyncReport>
  /** Opens a second app on the same store and systems, as a restarted process would. */
  reopen(): Promise<App>
  close(): Promise<void>
}

/**
 * Starts SugarCRM and HubSpot simulators with the given seeds and opens revsync on them with
 * `mappingsYaml` (the `mappings:` section, indented by two spaces under it).
 */
export async function startSyncFixture(
  seeds: { sugar: SugarSeed; hubspot: Omit<HubSpotSeed, 'token'>; salesforce?: SalesforceSeed },
  mappingsYaml: string,
  /** One clock for the simulators and the run (epoch ms), when a test decides how far apart edits are. */
  now?: () => number,
): Promise<SyncFixture> {
  const clock = now ? { now } : {}
  const salesforce = seeds.salesforce ? await startSalesforceSim({ seed: seeds.salesforce, ...clock }) : undefined
  const sugar = await startSugarSim({ ...clock, seed: { ...seeds.sugar, users: [{ user_name: 'admin', last_name: 'Admin', password: sugarPassword, status: 'Active', is_admin: true, email1: 'admin@example.com' }, ...(seeds.sugar.users ?? [])] } })
  const hubspot = await startHubSpotSim({ ...clock, seed: { ...seeds.hubspot, token: hubspotToken } })
  const dir = await mkdtemp(join(tmpdir(), 'revsync-test-'))
  const storePath = join(dir, 'state.db')
  const text = `store: ${storePath}
systems:
  sugar:
    kind: sugarcrm
    url: ${sugar.url}
    auth: { username: admin, password: "\${SUGAR_PASSWORD}" }
  hubspot:
    kind: hubspot
    url: ${hubspot.url}
    auth: { token: "\${HUBSPOT_TOKEN}" }
${salesforce ? `  sfdc:\n    kind: salesforce\n    url: ${salesforce.url}\n    auth: { accessToken: "\${SFDC_TOKEN}" }\n` : ''}sync:
  overlapSeconds: 60
  batchSize: 50
mappings:
${mappingsYaml}`
  const loaded = parseConfigText(text, 'revsync.yaml', { SUGAR_PASSWORD: sugarPassword, HUBSPOT_TOKEN: hubspotToken, SFDC_TOKEN: '00D8c0000000001!sandbox-access-token' })
  const app = await openAppFrom(loaded)
  const opened: App[] = [app]
  return {
    sugar,
    hubspot,
    salesforce,
    app,
    storePath,
    config: loaded.config,
    sync: (mapping = 'people', extra = {}, options = {}) => runSync(loaded.config, mapping, app.syncDeps({ ...(now ? { now: () => new Date(now()) } : {}), ...extra }), options),
    reopen: async () => {
      const again = await openAppFrom(loaded)
      opened.push(again)
      return again
    },
    close: async () => {
      for (const a of opened) await a.close()
      await Promise.all([sugar.close(), hubspot.close(), salesforce?.close()])
      await rm(dir, { recursive: true, force: true })
    },
  }
}
