import type { HubSpotSeed } from './hubspot/seed.js'
import type { SalesforceSeed } from './salesforce/seed.js'
import type { SugarSeed } from './sugarcrm/seed.js'
import { generateSugarSeed } from './sugarcrm/generate-seed.js'
import { keyPrefixes, makeId } from './salesforce/ids.js'

/** Seeds of all three simulators, made to tell the demo's story. */
export interface DemoSeed {
  readonly sugar: SugarSeed
  readonly hubspot: HubSpotSeed
  readonly salesforce: SalesforceSeed
}

/** Credentials the demo's simulators accept; sandbox-only values, never real ones. */
export const demoCredentials = {
  hubspotToken: 'pat-na1-sandbox-demo-token-0000',
  sugarUser: 'admin',
  sugarPassword: 'sandbox-password',
  salesforceAccessToken: '00D8c0000000001!sandbox-access-token',
} as const

type SugarRecordSeed = NonNullable<SugarSeed['contacts']>[number]

const johnSmith = { id: '7f3c2b9e-1d4a-4e8b-9c6f-2a5d8e7b1c40', user_name: 'john', first_name: 'John', last_name: 'Smith', email1: 'john.smith@revsync.example', status: 'Active' as const }

/**
 * The demo's data: a SugarCRM with contacts and leads (some owned by John Smith, who is
 * not a HubSpot user), and a HubSpot portal that already holds a few of the same people
 * with stale titles, plus people only HubSpot knows.
 */
export function demoSeed(options: { contacts?: number; leads?: number } = {}): DemoSeed {
  const base = generateSugarSeed({ contacts: options.contacts ?? 160, leads: options.leads ?? 40, seed: 11 })
  const users = [...(base.users ?? []), johnSmith]
  // John owns every tenth contact, so the demo shows owners HubSpot cannot hold.
  const contacts = (base.contacts ?? []).map((c, i): SugarRecordSeed => {
    const copy: SugarRecordSeed = { ...c }
    if (i % 10 === 3) copy['assigned_user_id'] = johnSmith.id
    return copy
  })
  const sugar: SugarSeed = { ...base, users, contacts }
  const owners = users
    .filter((u) => u.user_name !== 'admin' && u.user_name !== 'john')
    .map((u) => ({ email: u.email1 ?? '', firstName: u.first_name ?? '', lastName: u.last_name, ...(u.status === 'Inactive' ? { archived: true } : {}) }))
  const known = contacts.slice(0, 12).map((c) => ({
    properties: { email: String(c['email1']), firstname: String(c['first_name'] ?? ''), lastname: String(c.last_name), jobtitle: 'Unknown title', lifecyclestage: 'lead' },
  }))
  const onlyHubSpot = ['Noor Haddad', 'Pablo Reyes', 'Greta Lind', 'Tariq Aziz', 'Yara Costa', 'Ben Ito'].map((name, i) => {
    const [first, last] = name.split(' ') as [string, string]
    return { properties: { email: `${first.toLowerCase()}.${last.toLowerCase()}@signal-${i}.example.com`, firstname: first, lastname: last, jobtitle: 'Webinar attendee', lifecyclestage: 'marketingqualifiedlead' } }
  })
  const hubspot: HubSpotSeed = {
    token: demoCredentials.hubspotToken,
    owners,
    contacts: [...known, ...onlyHubSpot],
    properties: { contacts: [{ name: 'sugar_owner', label: 'Sugar Owner', type: 'string', fieldType: 'text' }], companies: [] },
  }
  return { sugar, hubspot, salesforce: demoSalesforceSeed() }
}

const sfId = (object: 'User' | 'Account' | 'Lead', n: number): string => makeId(keyPrefixes[object] as string, n)

/**
 * The Salesforce org the demo exports job changes into: accounts with an SDR owner (one of
 * them inactive), a parent and child on one domain, an existing lead, and the custom fields
 * of the export seed (SDR Owner, UG - Past Company).
 */
export function demoSalesforceSeed(): SalesforceSeed {
  const user = (n: number, first: string, last: string, active = true) => ({ Id: sfId('User', n), Username: `${first.toLowerCase()}@acme-revops.example`, Email: `${first.toLowerCase()}@acme-revops.example`, FirstName: first, LastName: last, IsActive: active })
  return {
    users: [user(1, 'Dana', 'Default'), user(2, 'Sam', 'Sdr'), user(3, 'Ivy', 'Inactive', false), user(4, 'Rita', 'Round'), user(5, 'Rob', 'Robin')],
    customFields: {
      Account: [{ name: 'SDR_Owner__c', type: 'reference', referenceTo: ['User'], label: 'SDR Owner' }],
      Lead: [{ name: 'UG_Past_Company__c', type: 'string', label: 'UG - Past Company' }],
      Contact: [{ name: 'UG_Past_Company__c', type: 'string', label: 'UG - Past Company' }],
    },
    accounts: [
      { Id: sfId('Account', 1), Name: 'Acme Corp', Website: 'https://www.acme.com', OwnerId: sfId('User', 5), SDR_Owner__c: sfId('User', 2) },
      { Id: sfId('Account', 2), Name: 'Acme Europe GmbH', Website: 'https://acme.com/eu', ParentId: sfId('Account', 1), OwnerId: sfId('User', 5) },
      { Id: sfId('Account', 3), Name: 'Globex, Inc.', Website: 'globex.com', OwnerId: sfId('User', 5), SDR_Owner__c: sfId('User', 3) },
      { Id: sfId('Account', 4), Name: 'Initech LLC', Website: 'https://initech.io', OwnerId: sfId('User', 4) },
    ],
    leads: [{ Id: sfId('Lead', 1), FirstName: 'Pat', LastName: 'Quinn', Email: 'pat.quinn@hooli.com', Company: 'Hooli', Title: 'Analyst', OwnerId: sfId('User', 4) }],
  }
}
