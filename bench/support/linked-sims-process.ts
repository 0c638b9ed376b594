// Adapted from sims-process.ts (not edited): runs a SugarCRM and a HubSpot simulator seeded with
// the same people (bench/support/linked-people.ts), in their own process, so the benchmark
// measures revsync's CPU apart from theirs. Reads `{ people }` from argv[2]; prints its URLs.
import { startHubSpotSim } from '../../src/sandbox/hubspot/server.js'
import { startSugarSim } from '../../src/sandbox/sugarcrm/sim.js'
import { benchCredentials } from './bench-credentials.js'
import { linkedPeople } from './linked-people.js'

const options = JSON.parse(process.argv[2] ?? '{}') as { people?: number }
const people = linkedPeople(options.people ?? 0)
const sugar = await startSugarSim({ seed: people.sugar })
const hubspot = await startHubSpotSim({ seed: { token: benchCredentials.hubspotToken, owners: [], contacts: people.hubspotContacts } })
process.stdout.write(`${JSON.stringify({ sugar: sugar.url, hubspot: hubspot.url })}\n`)
process.stdin.resume()
process.stdin.on('end', () => {
  void Promise.all([sugar.close(), hubspot.close()]).then(() => process.exit(0))
})
