/** The SugarCRM simulator's public surface: start it, seed it, generate benchmark data. */
export { startSugarSim } from './sim.js'
export type { SugarSim, SugarSimOptions, SugarSimState } from './sim.js'
export { generateSugarSeed } from './generate-seed.js'
export type { SugarSeedOptions } from './generate-seed.js'
export { parseSugarSeed, sugarSeedSchema } from './seed.js'
export type { ParsedSugarSeed, SugarSeed } from './seed.js'
export { sugarTestClient } from './test-client.js'
export type { SugarTestClient } from './test-client.js'
