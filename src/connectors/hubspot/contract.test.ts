import { runConnectorContract, sandboxControl } from '../kit/contract-suite.js'
import type { ContractProfile, NativeFields, RefusedCreate, SimDriver } from '../kit/contract-suite.js'
import { lossyLink } from '../kit/contract/lossy-link.js'
import { startFaultProxy } from '../../sandbox/kit/fault-proxy.js'
import { generateHubSpotSeed } from '../../sandbox/hubspot/generate-seed.js'
import { startHubSpotSim } from '../../sandbox/hubspot/server.js'
import type { HubSpotSim } from '../../sandbox/hubspot/server.js'
import { simFetch } from '../../sandbox/hubspot/sim-fetch.js'
import { createHubSpotConnector } from './connector.js'

const token = 'pat-na1-contract-5d1c9e7a-2f40'
const wrongToken = 'pat-na1-contract-wrong-0b3e'

/** HubSpot takes every property value as text; an empty string clears one. */
const properties = (fields: NativeFields): Record<string, string> => Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v === null ? '' : String(v)]))

/** A person in HubSpot's UI, acting through the CRM API with the portal's token. */
function hubSpotDriver(sim: HubSpotSim): SimDriver {
  const call = simFetch(sim.url, token)
  return {
    url: sim.url,
    ...sandboxControl(sim.url),
    async createRecord(object, fields) {
      const res = await call('POST', `/crm/v3/objects/${object}`, { properties: properties(fields) })
      if (res.status !== 201) throw new Error(`create ${object} answered ${res.status}: ${JSON.stringify(res.body)}`)
      return String(res.body.id)
    },
    async editRecord(object, id, fields) {
      const res = await call('PATCH', `/crm/v3/objects/${object}/${id}`, { properties: properties(fields) })
      if (res.status !== 200) throw new Error(`edit ${object} ${id} answered ${res.status}: ${JSON.stringify(res.body)}`)
    },
    count: async (object) => [...(sim.state.records[object as 'contacts' | 'companies']?.values() ?? [])].filter((r) => !r.archived).length,
    secrets: () => [token],
  }
}

const profile: ContractProfile = {
  people: {
    object: 'contacts',
    email: 'email',
    editable: 'jobtitle',
    // HubSpot requires no property on create through the API.
    required: [],
    newRecord: (tag) => ({ email: `${tag}@contract.example`, firstname: 'Contract', lastname: tag }),
  },
  companies: { object: 'companies' },
  readPageSize: 200,
  writeBatchSize: 100,
  refusedCreates: (existing): RefusedCreate[] => [
    // HubSpot echoes an invalid email in its message: here the value is the token.
    { label: 'invalid-email-echoing-the-token', fields: { email: token, lastname: 'Invalid' }, code: 'invalid', vendorCode: 'INVALID_EMAIL' },
    { label: 'duplicate-email', fields: { email: existing.email.toUpperCase(), lastname: 'Twin' }, code: 'duplicate', vendorCode: 'CONFLICT' },
  ],
  missingId: { id: '70999999999', vendorCode: 'OBJECT_NOT_FOUND' },
  inactiveOwnerVendorCode: 'INVALID_OPTION',
  users: { active: 4, inactive: 1 },
  rateLimitRetryAfter: true,
  createRequest: { method: 'POST', path: /^\/crm\/v3\/objects\/contacts\/batch\/create/ },
}

runConnectorContract(
  'hubspot',
  async ({ sleep }) => {
    // 650 contacts: four search pages of 200. Five owners, the last archived (deactivated).
    const sim = await startHubSpotSim({ seed: { ...generateHubSpotSeed({ contacts: 650, owners: 5 }), token } })
    const proxy = await startFaultProxy(sim.url)
    const connect = (secret: string, url = sim.url) => createHubSpotConnector({ kind: 'hubspot', url, auth: { token: secret } }, { sleep })
    return {
      connector: connect(token),
      withWrongCredentials: { connector: connect(wrongToken), secret: wrongToken },
      driver: hubSpotDriver(sim),
      profile,
      lossy: lossyLink(connect(token, proxy.url), proxy),
      close: async () => {
        await proxy.close()
        await sim.close()
      },
    }
  },
  { 'lead-conversion': 'HubSpot has no lead object: a lead is a contact in an earlier lifecycle stage, so nothing is converted' },
)
