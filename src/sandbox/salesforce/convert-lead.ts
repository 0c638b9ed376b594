import type { SimResponse } from '../kit/http-server.js'
import { apiError } from './errors.js'
import { keyPrefixes, to18 } from './ids.js'
import { computeName } from './state.js'
import type { SalesforceState, SfRecord } from './state.js'
import { formatSfDate } from './time.js'

/** What the sandbox's convert control route takes, after Salesforce's `LeadConvert`. */
export interface ConvertLeadRequest {
  readonly leadId?: string
  readonly accountId?: string
  readonly contactId?: string
  readonly ownerId?: string
  readonly convertedStatus?: string
}

// Lead field → Contact field and Lead field → Account field, as the standard lead mapping does.
const contactMapping: Record<string, string> = {
  FirstName: 'FirstName', LastName: 'LastName', Salutation: 'Salutation', Title: 'Title', Email: 'Email', Phone: 'Phone',
  MobilePhone: 'MobilePhone', Street: 'MailingStreet', City: 'MailingCity', State: 'MailingState', PostalCode: 'MailingPostalCode',
  Country: 'MailingCountry', LeadSource: 'LeadSource', Description: 'Description',
}
const accountMapping: Record<string, string> = {
  Company: 'Name', Street: 'BillingStreet', City: 'BillingCity', State: 'BillingState', PostalCode: 'BillingPostalCode',
  Country: 'BillingCountry', Phone: 'Phone', Website: 'Website', Industry: 'Industry', AnnualRevenue: 'AnnualRevenue', NumberOfEmployees: 'NumberOfEmployees',
}

function existing(state: SalesforceState, object: string, raw: string | undefined): SfRecord | string | undefined {
  if (raw === undefined) return undefined
  const id = to18(raw)
  const record = id && id.startsWith(keyPrefixes[object]!) ? state.records.get(object)!.get(id) : undefined
  if (!record || record.IsDeleted === true) return `${object} ${raw} does not exist or is deleted`
  return record
}

/** Copies mapped lead values; on an existing record only into its blank fields, as Salesforce merges. */
function copyInto(state: SalesforceState, target: SfRecord, object: string, lead: SfRecord, mapping: Record<string, string>, onlyBlank: boolean): void {
  const pairs = Object.entries(mapping)
  // Custom fields with the same API name on both objects are mapped too (the admin's lead field mapping).
  for (const f of state.fields('Lead')) if (f.custom && state.field(object, f.name)) pairs.push([f.name, f.name])
  for (const [from, to] of pairs) {
    const value = lead[from] ?? null
    if (value === null || (onlyBlank && target[to] !== null && target[to] !== undefined)) continue
    target[to] = value
  }
}

/**
 * Converts a lead as Salesforce's convertLead does: the contact and account are created from the
 * lead (or the given ones are used and their blank fields filled), the lead is marked converted,
 * and every record involved gets a new SystemModstamp.
 */
export function convertLead(state: SalesforceState, input: ConvertLeadRequest, userId: string): SimResponse {
  const lead = existing(state, 'Lead', input.leadId ?? '')
  if (typeof lead !== 'object') return apiError(400, 'INVALID_CROSS_REFERENCE_KEY', typeof lead === 'string' ? lead : 'leadId is required')
  if (lead.IsConverted === true) return apiError(400, 'CANNOT_UPDATE_CONVERTED_LEAD', 'This lead was already converted to the contact ' + String(lead.ConvertedContactId))
  const account = existing(state, 'Account', input.accountId)
  const contact = existing(state, 'Contact', input.contactId)
  if (typeof account === 'string') return apiError(400, 'INVALID_CROSS_REFERENCE_KEY', account)
  if (typeof contact === 'string') return apiError(400, 'INVALID_CROSS_REFERENCE_KEY', contact)
  const ownerId = input.ownerId === undefined ? String(lead.OwnerId) : to18(input.ownerId)
  const owner = ownerId === undefined ? undefined : state.records.get('User')!.get(ownerId)
  if (!owner) return apiError(400, 'INVALID_CROSS_REFERENCE_KEY', `invalid owner id ${String(input.ownerId)}`)
  if (owner.IsActive !== true) return apiError(400, 'INACTIVE_OWNER_OR_USER', `operation performed with inactive user [${ownerId}] as owner of contact`)

  const accountRecord: SfRecord = account ?? { IsDeleted: false, OwnerId: ownerId! }
  copyInto(state, accountRecord, 'Account', lead, accountMapping, account !== undefined)
  const contactRecord: SfRecord = contact ?? { IsDeleted: false, OwnerId: ownerId! }
  copyInto(state, contactRecord, 'Contact', lead, contactMapping, contact !== undefined)
  for (const [object, record, created] of [['Account', accountRecord, !account], ['Contact', contactRecord, !contact]] as const) {
    if (created) record.Id = state.newId(object)
    state.touch(record, userId, created)
    state.records.get(object)!.set(String(record.Id), record)
  }
  contactRecord.AccountId ??= accountRecord.Id!
  computeName('Contact', contactRecord)
  Object.assign(lead, {
    IsConverted: true,
    ConvertedAccountId: accountRecord.Id,
    ConvertedContactId: contactRecord.Id,
    ConvertedDate: formatSfDate(state.now()),
    Status: input.convertedStatus ?? 'Closed - Converted',
  })
  state.touch(lead, userId)
  return { status: 200, body: { leadId: lead.Id, accountId: accountRecord.Id, contactId: contactRecord.Id, opportunityId: null, success: true } }
}
