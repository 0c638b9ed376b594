import { demoCredentials } from '../../sandbox/demo-seed.js'
import type { Sandbox } from '../../sandbox/start-sandbox.js'

/** The environment `examples/revsync.yaml` reads, pointed at a running sandbox (sandbox credentials only). */
export function sandboxEnv(sandbox: Sandbox): Record<string, string> {
  return {
    SUGAR_URL: sandbox.sugar.url,
    SUGAR_PASSWORD: demoCredentials.sugarPassword,
    HUBSPOT_URL: sandbox.hubspot.url,
    HUBSPOT_TOKEN: demoCredentials.hubspotToken,
    SALESFORCE_URL: sandbox.salesforce.url,
    SALESFORCE_ACCESS_TOKEN: demoCredentials.salesforceAccessToken,
  }
}
