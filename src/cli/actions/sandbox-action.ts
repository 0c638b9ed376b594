import { runSandbox } from '../../app/demo/run-sandbox.js'

/** `revsync sandbox`: starts the simulators, prints their URLs, and stops them on SIGINT or SIGTERM. */
export async function sandboxAction(options: { hubspotPort: string; sugarPort: string; salesforcePort: string }): Promise<void> {
  const sandbox = await runSandbox({ hubspot: Number(options.hubspotPort), sugar: Number(options.sugarPort), salesforce: Number(options.salesforcePort) })
  for (const line of sandbox.describe()) console.log(line)
  await new Promise<void>((resolve) => process.once('SIGINT', resolve).once('SIGTERM', resolve))
  await sandbox.close()
}
