// Runs simulators in their own process, so a benchmark measures revsync's CPU apart from
// theirs. Reads its seed sizes from argv[2] (JSON) and prints its URLs as one JSON line.
import { generateSugarSeed } from '../../src/sandbox/sugarcrm/generate-seed.js'
import { startSugarSim } from '../../src/sandbox/sugarcrm/sim.js'
import { startHubSpotSim } from '../../src/sandbox/hubspot/server.js'
import { benchCredentials } from './bench-credentials.js'

const options = JSON.parse(process.argv[2] ?? '{}') as { sugarContacts?: number }
const sugarSeed = generateSugarSeed({ contacts: options.sugarContacts ?? 0, leads: 0, password: benchCredentials.sugarPassword })
const sugar = await startSugarSim({ seed: sugarSeed })
const hubspot = await startHubSpotSim({ seed: { token: benchCredentials.hubspotToken, owners: [], contacts: [] } })
process.stdout.write(`${JSON.stringify({ sugar: sugar.url, hubspot: hubspot.url })}\n`)
process.stdin.resume()
process.stdin.on('end', () => {
  void Promise.all([sugar.close(), hubspot.close()]).then(() => process.exit(0))
})
