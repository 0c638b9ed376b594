import type { SalesforceSeed } from '../../src/sandbox/salesforce/seed.js'
import { sfId } from './export-fixture.js'

/** Users of the Salesforce org in the export scenarios, by role. */
export const sfUsers = {
  admin: sfId('User', 1),
  dana: sfId('User', 2), // the default owner
  sam: sfId('User', 3), // an SDR, SDR_Owner__c of Acme
  ivan: sfId('User', 4), // inactive
  rita: sfId('User', 5),
  rob: sfId('User', 6),
  alex: sfId('User', 7), // owns accounts the export creates
  ada: sfId('User', 8), // the assignment rule's owner for State = CA
} as const

/** Accounts of the org. */
export const sfAccounts = {
  acme: sfId('Account', 1),
  initech: sfId('Account', 2),
  umbrella: sfId('Account', 3),
  hooli: sfId('Account', 4),
  hooliEurope: sfId('Account', 5),
} as const

const user = (n: number, first: string, last: string, active = true) => ({
  Id: sfId('User', n),
  Username: `${first.toLowerCase()}@acme-org.test`,
  Email: `${first.toLowerCase()}@acme-org.test`,
  FirstName: first,
  LastName: last,
  IsActive: active,
})

/**
 * A small org for the seed's scenarios: an account whose SDR owner is set, one whose SDR
 * owner is inactive, one whose SDR owner is empty, a parent and child on one domain, an
 * existing contact and lead, and custom fields for the SDR owner and the UserGems data.
 */
export function salesforceScenarioSeed(extra: Partial<SalesforceSeed> = {}): SalesforceSeed {
  return {
    users: [
      user(1, 'Admin', 'User'),
      user(2, 'Dana', 'Default'),
      user(3, 'Sam', 'Sdr'),
      user(4, 'Ivan', 'Inactive', false),
      user(5, 'Rita', 'Round'),
      user(6, 'Rob', 'Robin'),
      user(7, 'Alex', 'Accounts'),
      user(8, 'Ada', 'Assigned'),
    ],
    customFields: {
      Account: [{ name: 'SDR_Owner__c', type: 'reference', referenceTo: ['User'], label: 'SDR Owner' }],
      Lead: [
        { name: 'LinkedIn__c', type: 'url', label: 'LinkedIn' },
        { name: 'UG_Past_Company__c', type: 'string', label: 'UG - Past Company' },
        { name: 'UG_Job_Started__c', type: 'date', label: 'UG - Job Started' },
      ],
      Contact: [
        { name: 'LinkedIn__c', type: 'url', label: 'LinkedIn' },
        { name: 'UG_Past_Company__c', type: 'string', label: 'UG - Past Company' },
      ],
    },
    accounts: [
      { Id: sfAccounts.acme, Name: 'Acme Corp', Website: 'https://www.acme.com', OwnerId: sfUsers.rob, SDR_Owner__c: sfUsers.sam, BillingCity: 'Springfield' },
      { Id: sfAccounts.initech, Name: 'Initech, Inc.', Website: 'initech.com', OwnerId: sfUsers.rob, SDR_Owner__c: sfUsers.ivan },
      { Id: sfAccounts.umbrella, Name: 'Umbrella Holdings', Website: 'umbrella.com', OwnerId: sfUsers.rob, SDR_Owner__c: null },
      { Id: sfAccounts.hooli, Name: 'Hooli', Website: 'hooli.com', OwnerId: sfUsers.rita },
      { Id: sfAccounts.hooliEurope, Name: 'Hooli Europe', Website: 'https://hooli.com', ParentId: sfAccounts.hooli, OwnerId: sfUsers.rob },
    ],
    contacts: [
      { Id: sfId('Contact', 1), FirstName: 'Carl', LastName: 'Contact', Email: 'carl@acme.com', Title: 'Old title', AccountId: sfAccounts.acme, OwnerId: sfUsers.rob, Phone: '+1 555 0100', MailingCity: null },
      { Id: sfId('Contact', 2), FirstName: 'Rhea', LastName: 'Reassign', Email: 'rhea@acme.com', AccountId: sfAccounts.acme, OwnerId: sfUsers.rob },
      { Id: sfId('Contact', 3), FirstName: 'Kim', LastName: 'Kept', Email: 'kim@acme.com', AccountId: sfAccounts.acme, OwnerId: sfUsers.rob },
      { Id: sfId('Contact', 4), FirstName: 'Nia', LastName: 'Noemail', Email: 'nia.old@acme.com', AccountId: sfAccounts.acme, OwnerId: sfUsers.rob },
    ],
    leads: [{ Id: sfId('Lead', 1), FirstName: 'Lena', LastName: 'Lead', Email: 'lena@nomatch.io', Company: 'Nomatch', Title: 'Analyst', City: 'Chicago', OwnerId: sfUsers.rob }],
    assignmentRule: { entries: [{ field: 'State', values: ['CA'], ownerId: sfUsers.ada }], defaultOwnerId: sfUsers.admin },
    ...extra,
  }
}
