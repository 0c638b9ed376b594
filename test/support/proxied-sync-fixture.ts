import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseConfigText } from '../../src/app/config/load-config.js'
import { openAppFrom } from '../../src/app/open-app.js'
import type { App } from '../../src/app/open-app.js'
import { runSync } from '../../src/app/sync/run-sync.js'
import type { SyncReport } from '../../src/app/sync/sync-report.js'
import { startFaultProxy } from '../../src/sandbox/kit/fault-proxy.js'
import type { FaultProxy } from '../../src/sandbox/kit/fault-proxy.js'
import { startHubSpotSim } from '../../src/sandbox/hubspot/server.js'
import type { HubSpotSim } from '../../src/sandbox/hubspot/server.js'
import type { HubSpotSeed } from '../../src/sandbox/hubspot/seed.js'
import { startSalesforceSim } from '../../src/sandbox/salesforce/server.js'
import type { SalesforceSim } from '../../src/sandbox/salesforce/server.js'
import type { SalesforceSeed } from '../../src/sandbox/salesforce/seed.js'
import { startSugarSim } from '../../src/sandbox/sugarcrm/sim.js'
import type { SugarSim } from '../../src/sandbox/sugarcrm/sim.js'
import type { SugarSeed } from '../../src/sandbox/sugarcrm/seed.js'

const hubspotToken = 'pat-na1-proxied-token-1234'
const sugarPassword = 'sugar-proxied-password'
const sfdcToken = '00D8c0000000001!sandbox-access-token'

/** Simulators with a fault proxy in front of each, and revsync configured to call the proxies. */
export interface ProxiedSyncFixture {
  readonly sugar: SugarSim
  readonly hubspot: HubSpotSim
  readonly salesforce: SalesforceSim | undefined
  /** The proxy in front of each system, by system name (`sugar`, `hubspot`, `sfdc`). */
  readonly proxies: ReadonlyMap<string, FaultProxy>
  readonly app: App
  sync(mapping?: string): Promise<SyncReport>
  close(): Promise<void>
}

/**
 * Starts the simulators the seeds name, a fault proxy in front of each, and revsync on the
 * proxies with `mappingsYaml` (the `mappings:` section) and each system's `timeoutSeconds`.
 */
export async function startProxiedSyncFixture(
  seeds: { sugar: SugarSeed; hubspot: Omit<HubSpotSeed, 'token'>; salesforce?: SalesforceSeed },
  mappingsYaml: string,
  timeoutSeconds: Readonly<Record<string, number>> = {},
): Promise<ProxiedSyncFixture> {
  const sugar = await startSugarSim({ seed: { ...seeds.sugar, users: [{ user_name: 'admin', last_name: 'Admin', password: sugarPassword, status: 'Active', is_admin: true, email1: 'admin@example.com' }, ...(seeds.sugar.users ?? [])] } })
  const hubspot = await startHubSpotSim({ seed: { ...seeds.hubspot, token: hubspotToken } })
  const salesforce = seeds.salesforce ? await startSalesforceSim({ seed: seeds.salesforce }) : undefined
  const proxies = new Map<string, FaultProxy>([
    ['sugar', await startFaultProxy(sugar.url)],
    ['hubspot', await startFaultProxy(hubspot.url)],
    ...(salesforce ? [['sfdc', await startFaultProxy(salesforce.url)] as const] : []),
  ])
  const timeout = (system: string): string => (timeoutSeconds[system] === undefined ? '' : `\n    timeoutSeconds: ${timeoutSeconds[system]}`)
  const dir = await mkdtemp(join(tmpdir(), 'revsync-proxied-'))
  const text = `store: ${join(dir, 'state.db')}
systems:
  sugar:
    kind: sugarcrm
    url: ${proxies.get('sugar')?.url}${timeout('sugar')}
    auth: { username: admin, password: "\${SUGAR_PASSWORD}" }
  hubspot:
    kind: hubspot
    url: ${proxies.get('hubspot')?.url}${timeout('hubspot')}
    auth: { token: "\${HUBSPOT_TOKEN}" }
${salesforce ? `  sfdc:\n    kind: salesforce\n    url: ${proxies.get('sfdc')?.url}${timeout('sfdc')}\n    auth: { accessToken: "\${SFDC_TOKEN}" }\n` : ''}sync:
  overlapSeconds: 60
  batchSize: 50
mappings:
${mappingsYaml}`
  const loaded = parseConfigText(text, 'revsync.yaml', { SUGAR_PASSWORD: sugarPassword, HUBSPOT_TOKEN: hubspotToken, SFDC_TOKEN: sfdcToken })
  const app = await openAppFrom(loaded)
  return {
    sugar,
    hubspot,
    salesforce,
    proxies,
    app,
    sync: (mapping = 'people') => runSync(loaded.config, mapping, app.syncDeps({})),
    close: async () => {
      await app.close()
      for (const proxy of proxies.values()) await proxy.close()
      await Promise.all([sugar.close(), hubspot.close(), salesforce?.close()])
      await rm(dir, { recursive: true, force: true })
    },
  }
}
