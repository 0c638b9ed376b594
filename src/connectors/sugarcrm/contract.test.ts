import { runConnectorContract, sandboxControl } from '../kit/contract-suite.js'
import type { ContractProfile, RefusedCreate, SimDriver } from '../kit/contract-suite.js'
import { lossyLink } from '../kit/contract/lossy-link.js'
import { startFaultProxy } from '../../sandbox/kit/fault-proxy.js'
import { generateSugarSeed } from '../../sandbox/sugarcrm/generate-seed.js'
import { startSugarSim } from '../../sandbox/sugarcrm/sim.js'
import type { SugarSim } from '../../sandbox/sugarcrm/sim.js'
import type { SugarModule } from '../../sandbox/sugarcrm/vardefs.js'
import { createSugarCrmConnector } from './connector.js'

const password = 'contract-admin-password-5c0e'
const wrongPassword = 'contract-wrong-password-2b'

/**
 * A person in Sugar's web UI: logs in on platform `base` (the browser's), so the driver's
 * session and revsync's (platform `revsync`) are separate, as on a real instance.
 */
function sugarDriver(sim: SugarSim): SimDriver {
  let token: Promise<string> | undefined
  const login = async (): Promise<string> => {
    const res = await fetch(`${sim.url}/rest/v11/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'password', client_id: 'sugar', client_secret: '', username: 'admin', password, platform: 'base' }),
    })
    if (!res.ok) throw new Error(`the driver's login answered ${res.status}`)
    return ((await res.json()) as { access_token: string }).access_token
  }
  async function call(method: string, path: string, body: unknown): Promise<Record<string, unknown>> {
    const res = await fetch(`${sim.url}/rest/v11${path}`, {
      method,
      headers: { 'OAuth-Token': await (token ??= login()), 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    const answer = (await res.json()) as Record<string, unknown>
    if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${JSON.stringify(answer)}`)
    return answer
  }
  return {
    url: sim.url,
    ...sandboxControl(sim.url),
    createRecord: async (module, fields) => String((await call('POST', `/${module}`, fields)).id),
    editRecord: async (module, id, fields) => void (await call('PUT', `/${module}/${id}`, fields)),
    async convertLead(leadId) {
      const answer = await call('POST', `/Leads/${leadId}/convert`, { modules: { Contacts: {} } })
      const [contact] = answer.modules as { id: string }[]
      return { contactId: contact!.id }
    },
    count: async (module) => sim.state.records(module as SugarModule).length,
    secrets: () => [password, ...sim.state.oauth.tokens()],
  }
}

const profile: ContractProfile = {
  people: {
    object: 'Contacts',
    email: 'email1',
    editable: 'title',
    required: ['last_name'],
    newRecord: (tag) => ({ first_name: 'Contract', last_name: tag, email1: `${tag}@contract.example` }),
  },
  companies: { object: 'Accounts' },
  leads: {
    object: 'Leads',
    convertsTo: 'Contacts',
    newRecord: (tag) => ({ first_name: 'Contract', last_name: tag, account_name: `${tag} Inc.`, email1: `${tag}@lead.contract.example` }),
  },
  readPageSize: 1000,
  writeBatchSize: 100,
  refusedCreates: (): RefusedCreate[] => [
    { label: 'missing-last-name', fields: { first_name: 'Nameless' }, code: 'required_missing', vendorCode: 'missing_parameter' },
    // Sugar echoes an unknown related id in its message: here the id is the password.
    { label: 'unknown-account-echoing-the-password', fields: { last_name: 'Stray' }, refs: { company: password }, code: 'invalid', vendorCode: 'invalid_parameter' },
  ],
  missingId: { id: '00000000-0000-4000-8000-000000000000', vendorCode: 'not_found' },
  inactiveOwnerVendorCode: 'invalid_parameter',
  users: { active: 4, inactive: 1 },
  rateLimitRetryAfter: true,
  createRequest: { method: 'POST', path: /^\/rest\/v11\/bulk/ },
}

runConnectorContract('sugarcrm', async ({ sleep }) => {
  // 2,500 contacts: three pages of Sugar's default max_num (1,000). Twenty leads; five users,
  // `admin` (the login), three reps and one Inactive rep.
  const sim = await startSugarSim({ seed: generateSugarSeed({ contacts: 2500, leads: 20, password }) })
  const proxy = await startFaultProxy(sim.url)
  const connect = (secret: string, url = sim.url) => createSugarCrmConnector({ kind: 'sugarcrm', url, auth: { username: 'admin', password: secret } }, { sleep })
  return {
    connector: connect(password),
    withWrongCredentials: { connector: connect(wrongPassword), secret: wrongPassword },
    driver: sugarDriver(sim),
    profile,
    lossy: lossyLink(connect(password, proxy.url), proxy),
    close: async () => {
      await proxy.close()
      await sim.close()
    },
  }
})
