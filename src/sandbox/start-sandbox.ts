import { startHubSpotSim } from './hubspot/server.js'
import type { HubSpotSim } from './hubspot/server.js'
import { startSalesforceSim } from './salesforce/server.js'
import type { SalesforceSim } from './salesforce/server.js'
import { startSugarSim } from './sugarcrm/sim.js'
import type { SugarSim } from './sugarcrm/sim.js'
import type { DemoSeed } from './demo-seed.js'

/** The three simulators, running. */
export interface Sandbox {
  readonly hubspot: HubSpotSim
  readonly sugar: SugarSim
  readonly salesforce: SalesforceSim
  close(): Promise<void>
}

/** Starts every simulator on 127.0.0.1 with its part of the seed; ports are ephemeral unless given. */
export async function startSandbox(seed: DemoSeed, ports: { hubspot?: number; sugar?: number; salesforce?: number } = {}): Promise<Sandbox> {
  const hubspot = await startHubSpotSim({ seed: seed.hubspot, ...(ports.hubspot ? { port: ports.hubspot } : {}) })
  const sugar = await startSugarSim({ seed: seed.sugar, ...(ports.sugar ? { port: ports.sugar } : {}) })
  const salesforce = await startSalesforceSim({ seed: seed.salesforce, ...(ports.salesforce ? { port: ports.salesforce } : {}) })
  return {
    hubspot,
    sugar,
    salesforce,
    close: async () => {
      await Promise.all([hubspot.close(), sugar.close(), salesforce.close()])
    },
  }
}
