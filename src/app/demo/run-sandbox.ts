import { demoCredentials, demoSeed } from '../../sandbox/demo-seed.js'
import { startSandbox } from '../../sandbox/start-sandbox.js'

/** Starts the simulators with demo data; `describe` gives the lines to print (URLs and env exports). */
export async function runSandbox(ports: { hubspot?: number; sugar?: number; salesforce?: number }): Promise<{ describe: () => string[]; close: () => Promise<void> }> {
  const sandbox = await startSandbox(demoSeed(), ports)
  return {
    describe: () => [
      `HubSpot     ${sandbox.hubspot.url}`,
      `SugarCRM    ${sandbox.sugar.url}`,
      `Salesforce  ${sandbox.salesforce.url}`,
      '',
      'To run revsync against them (sandbox credentials only):',
      `  export HUBSPOT_URL=${sandbox.hubspot.url} HUBSPOT_TOKEN=${demoCredentials.hubspotToken}`,
      `  export SUGAR_URL=${sandbox.sugar.url} SUGAR_PASSWORD=${demoCredentials.sugarPassword}`,
      `  export SALESFORCE_URL=${sandbox.salesforce.url} SALESFORCE_ACCESS_TOKEN='${demoCredentials.salesforceAccessToken}'`,
      '  npx revsync -c examples/revsync.yaml plan',
      '',
      'Control API on each: GET /__sandbox/calls, POST /__sandbox/faults. Ctrl-C stops.',
    ],
    close: () => sandbox.close(),
  }
}
