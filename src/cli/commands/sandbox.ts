import type { Command } from 'commander'

/** `revsync sandbox`: the simulators with demo data, until interrupted. */
export function registerSandbox(program: Command): void {
  program
    .command('sandbox')
    .description('run the HubSpot, SugarCRM and Salesforce simulators with demo data and print their URLs')
    .option('--hubspot-port <n>', 'port of the HubSpot simulator', '4101')
    .option('--sugar-port <n>', 'port of the SugarCRM simulator', '4102')
    .option('--salesforce-port <n>', 'port of the Salesforce simulator', '4103')
    .action(async (options: { hubspotPort: string; sugarPort: string; salesforcePort: string }) => {
      const { sandboxAction } = await import('../actions/sandbox-action.js')
      await sandboxAction(options)
    })
}
