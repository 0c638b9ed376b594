import type { Command } from 'commander'
import { runSandbox } from '../../app/demo/run-sandbox.js'

/** `revsync sandbox`: the simulators with demo data, until interrupted. */
export function registerSandbox(program: Command): void {
  program
    .command('sandbox')
    .description('run the HubSpot, SugarCRM and Salesforce simulators with demo data and print their URLs')
    .option('--hubspot-port <n>', 'port of the HubSpot simulator', '4101')
    .option('--sugar-port <n>', 'port of the SugarCRM simulator', '4102')
    .option('--salesforce-port <n>', 'port of the Salesforce simulator', '4103')
    .action(async (options: { hubspotPort: string; sugarPort: string; salesforcePort: string }) => {
      const sandbox = await runSandbox({ hubspot: Number(options.hubspotPort), sugar: Number(options.sugarPort), salesforce: Number(options.salesforcePort) })
      for (const line of sandbox.describe()) console.log(line)
      await new Promise<void>((resolve) => process.once('SIGINT', resolve).once('SIGTERM', resolve))
      await sandbox.close()
    })
}
