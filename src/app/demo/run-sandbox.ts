import { demoSeed } from '../../sandbox/demo-seed.js'
import { sandboxEnv } from './sandbox-env.js'
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
      ...Object.entries(sandboxEnv(sandbox)).map(([name, value]) => `  export ${name}='${value}'`),
      '  npx revsync -c examples/revsync.yaml plan',
      '  npx revsync -c examples/revsync.yaml plan --export champions examples/signals.jsonl',
      '',
      'Control API on each: GET /__sandbox/calls, POST /__sandbox/faults. Ctrl-C stops.',
    ],
    close: () => sandbox.close(),
  }
}
