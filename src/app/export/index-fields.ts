import { objectOf } from '../../domain/export/record-sync.js'
import type { ExportTarget } from '../../domain/export/resolve-target.js'
import type { ObjectSchema } from '../../domain/object-schema.js'
import { crmFields } from './crm-fields.js'

/** The native fields the account index reads, per object: what matching needs and nothing more. */
export interface IndexFields {
  readonly accountObject: string
  readonly contactObject: string
  readonly account: readonly string[]
  readonly contact: readonly string[]
}

/**
 * The one place that lists what the index reads: an account's name, its website-like fields
 * and the target's account owner field; a contact's email and names. Parents, owners and a
 * contact's account are lookups, which connectors always return in `refs`. A read asks for
 * these only, instead of every field the CRM describes.
 */
export function indexFields(target: ExportTarget, schemas: ReadonlyMap<string, ObjectSchema>): IndexFields {
  const f = crmFields[target.kind]
  const accountObject = objectOf(target.kind, 'account')
  const contactObject = objectOf(target.kind, 'contact')
  const ownerField = target.config.accountOwnerField
  // The owner lookup itself comes in refs; a plain user field (SDR_Owner__c) must be asked for, in its schema's spelling.
  const ownerName = ownerField === undefined ? [] : [schemas.get(accountObject)?.fields.find((x) => x.name.toLowerCase() === ownerField.toLowerCase())?.name ?? ownerField]
  const account = [f.accountName, ...f.accountDomains, ...ownerName]
  const contact = [f.email, f.firstName, f.lastName]
  return { accountObject, contactObject, account: [...new Set(account)], contact: [...new Set(contact)] }
}
