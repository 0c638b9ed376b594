import type { DynamicPath, ExportFieldRow, ExportTab } from './export-config.js'
import type { ExportKind } from './record-sync.js'

const dyn = (field: string, path: DynamicPath, on: ExportFieldRow['on']): ExportFieldRow => ({ field, source: { dynamic: path }, on })
const loc = (field: string, part: 'city' | 'state' | 'country', on: ExportFieldRow['on'], from?: 'company'): ExportFieldRow => ({
  field,
  source: from ? { location: part, from } : { location: part },
  on,
})

// Names and email are set when a record is created and only filled in later: a job-change
// signal must not rename a person whom the CRM already knows. Title and company move with the
// job, so they update; phone and location only fill gaps.
const once: ExportFieldRow['on'] = ['create']
const fill: ExportFieldRow['on'] = ['create', 'update-if-empty']
const follow: ExportFieldRow['on'] = ['create', 'update']

const salesforce: Readonly<Record<ExportTab, readonly ExportFieldRow[]>> = {
  lead: [
    dyn('Email', 'person.email', fill),
    dyn('FirstName', 'person.firstName', once),
    dyn('LastName', 'person.lastName', once),
    dyn('Company', 'company.name', follow),
    dyn('Title', 'person.title', follow),
    dyn('Phone', 'person.phone', fill),
    dyn('Website', 'company.website', fill),
    loc('City', 'city', fill),
    loc('State', 'state', fill),
    loc('Country', 'country', fill),
  ],
  contact: [
    dyn('Email', 'person.email', fill),
    dyn('FirstName', 'person.firstName', once),
    dyn('LastName', 'person.lastName', once),
    dyn('Title', 'person.title', follow),
    dyn('Phone', 'person.phone', fill),
    loc('MailingCity', 'city', fill),
    loc('MailingState', 'state', fill),
    loc('MailingCountry', 'country', fill),
  ],
  // An account is the company: its location is the company's whatever the people rows use.
  account: [
    dyn('Name', 'company.name', once),
    dyn('Website', 'company.website', once),
    loc('BillingCity', 'city', once, 'company'),
    loc('BillingState', 'state', once, 'company'),
    loc('BillingCountry', 'country', once, 'company'),
  ],
}

const hubspot: Readonly<Record<ExportTab, readonly ExportFieldRow[]>> = {
  contact: [
    dyn('email', 'person.email', fill),
    dyn('firstname', 'person.firstName', once),
    dyn('lastname', 'person.lastName', once),
    dyn('company', 'company.name', follow),
    dyn('jobtitle', 'person.title', follow),
    dyn('phone', 'person.phone', fill),
    dyn('hs_linkedin_url', 'person.linkedinUrl', fill),
    loc('city', 'city', fill),
    loc('state', 'state', fill),
    loc('country', 'country', fill),
  ],
  lead: [],
  account: [
    dyn('name', 'company.name', once),
    dyn('domain', 'company.domain', once),
    loc('city', 'city', once, 'company'),
    loc('state', 'state', once, 'company'),
    loc('country', 'country', once, 'company'),
  ],
}

/**
 * The pre-mapped rows of a tab (seed: "the vast majority of default fields will be pre-mapped
 * for you like email, company, first name, last name"). A default whose field the system
 * does not have is dropped when rows are checked against the discovered schema.
 */
export function defaultRows(kind: ExportKind, tab: ExportTab): readonly ExportFieldRow[] {
  return (kind === 'salesforce' ? salesforce : hubspot)[tab]
}
