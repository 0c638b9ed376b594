/** The HubSpot simulator: start it, seed it, generate seeds for benchmarks. */
export { startHubSpotSim } from './server.js'
export type { HubSpotSim, HubSpotSimOptions } from './server.js'
export { generateHubSpotSeed } from './generate-seed.js'
export type { GenerateHubSpotSeedOptions } from './generate-seed.js'
export { hubSpotSeedSchema, parseHubSpotSeed } from './seed.js'
export type { HubSpotSeed, HubSpotPropertyDefinition } from './seed.js'
export type { HubSpotState, SimRecord, SimOwner, SimSettings } from './state.js'
