import { runConnectorContract, sandboxControl } from '../kit/contract-suite.js'
import type { ContractProfile, RefusedCreate, SimDriver } from '../kit/contract-suite.js'
import { lossyLink } from '../kit/contract/lossy-link.js'
import { startFaultProxy } from '../../sandbox/kit/fault-proxy.js'
import { generateSalesforceSeed } from '../../sandbox/salesforce/generate-seed.js'
import { keyPrefixes, makeId } from '../../sandbox/salesforce/ids.js'
import { startSalesforceSim } from '../../sandbox/salesforce/server.js'
import type { SalesforceSim } from '../../sandbox/salesforce/server.js'
import { createSalesforceConnector } from './connector.js'

const credentials = {
  clientId: 'revsync-contract-app',
  clientSecret: 'contract-client-secret-8d2f61',
  username: 'user1@revsync-sandbox.example.com',
  password: 'contract-password-73ac',
  accessToken: '00D8c0000000001!contract-ui-session-4e1b',
}
const wrongPassword = 'contract-wrong-password-19'
const dataApi = '/services/data/v62.0'

/** A person in Salesforce's UI, acting through the REST API with a session of their own. */
function salesforceDriver(sim: SalesforceSim): SimDriver {
  async function call(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
    const res = await fetch(`${sim.url}${dataApi}${path}`, {
      method,
      headers: { authorization: `Bearer ${credentials.accessToken}`, 'content-type': 'application/json', 'Sforce-Auto-Assign': 'FALSE' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    const text = await res.text()
    return { status: res.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) }
  }
  const expect = (what: string, status: number, res: { status: number; body: unknown }): void => {
    if (res.status !== status) throw new Error(`${what} answered ${res.status}: ${JSON.stringify(res.body)}`)
  }
  return {
    url: sim.url,
    ...sandboxControl(sim.url),
    async createRecord(object, fields) {
      const res = await call('POST', `/sobjects/${object}`, fields)
      expect(`create ${object}`, 201, res)
      return (res.body as { id: string }).id
    },
    async editRecord(object, id, fields) {
      expect(`edit ${object} ${id}`, 204, await call('PATCH', `/sobjects/${object}/${id}`, fields))
    },
    // Salesforce's convertLead is a SOAP call; the simulator's control route converts exactly as it records one.
    async convertLead(leadId) {
      const res = await call('POST', '/__sandbox/convertLead', { leadId })
      expect(`convert lead ${leadId}`, 200, res)
      return { contactId: (res.body as { contactId: string }).contactId }
    },
    count: async (object) => sim.state.live(object).length,
    secrets: () => [credentials.password, credentials.clientSecret, credentials.accessToken, ...sim.state.sessions.keys()],
  }
}

const profile: ContractProfile = {
  people: {
    object: 'Contact',
    email: 'Email',
    editable: 'Title',
    required: ['LastName'],
    newRecord: (tag) => ({ FirstName: 'Contract', LastName: tag, Email: `${tag}@contract.example` }),
  },
  companies: { object: 'Account' },
  leads: {
    object: 'Lead',
    convertsTo: 'Contact',
    newRecord: (tag) => ({ FirstName: 'Contract', LastName: tag, Company: `${tag} Inc.`, Email: `${tag}@lead.contract.example` }),
  },
  readPageSize: 2000,
  writeBatchSize: 200,
  refusedCreates: (existing): RefusedCreate[] => [
    { label: 'missing-last-name', fields: { FirstName: 'Nameless' }, code: 'required_missing', vendorCode: 'REQUIRED_FIELD_MISSING' },
    { label: 'duplicate-email', fields: { LastName: 'Twin', Email: existing.email.toUpperCase() }, code: 'duplicate', vendorCode: 'DUPLICATES_DETECTED' },
    // Salesforce echoes an invalid email in its message: here the value is the password.
    { label: 'invalid-email-echoing-the-password', fields: { LastName: 'Invalid', Email: credentials.password }, code: 'invalid', vendorCode: 'INVALID_EMAIL_ADDRESS' },
  ],
  // A well-formed contact id far past the simulator's counter.
  missingId: { id: makeId(keyPrefixes.Contact!, 9_999_999), vendorCode: 'ENTITY_IS_DELETED' },
  inactiveOwnerVendorCode: 'INACTIVE_OWNER_OR_USER',
  users: { active: 3, inactive: 1 },
  // The simulator's rate-limit fault is the concurrency limit's 403 REQUEST_LIMIT_EXCEEDED, which has no Retry-After.
  rateLimitRetryAfter: false,
  createRequest: { method: 'POST', path: /\/composite\/sobjects/ },
}

runConnectorContract('salesforce', async ({ sleep }) => {
  // 4,500 contacts: three SOQL batches of 2,000. Fifty leads to convert; four users, the last inactive.
  const generated = generateSalesforceSeed({ people: 4550, contactShare: 4500 / 4550, accounts: 100, users: 4 })
  const sim = await startSalesforceSim({ seed: { ...generated, credentials, duplicateRuleOnEmail: true } })
  const { clientId, clientSecret, username } = credentials
  const proxy = await startFaultProxy(sim.url)
  const connect = (password: string) =>
    createSalesforceConnector({ kind: 'salesforce', url: sim.url, apiVersion: '62.0', auth: { username, password, clientId, clientSecret } }, { sleep })
  return {
    connector: connect(credentials.password),
    withWrongCredentials: { connector: connect(wrongPassword), secret: wrongPassword },
    driver: salesforceDriver(sim),
    profile,
    // An access token names the instance, so every call passes the proxy (a login would answer
    // with the simulator's own instance URL).
    lossy: lossyLink(createSalesforceConnector({ kind: 'salesforce', url: proxy.url, apiVersion: '62.0', auth: { accessToken: credentials.accessToken } }, { sleep }), proxy),
    close: async () => {
      await proxy.close()
      await sim.close()
    },
  }
})
