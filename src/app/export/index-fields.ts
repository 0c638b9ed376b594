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

/** The native field of a relationship (`ParentId`, `AccountId`, `OwnerId`), when the schema has it. */
function relationshipField(schema: ObjectSchema | undefined, name: string): string[] {
  const field = schema?.relationships.find((r) => r.name === name)?.field
  return field === undefined ? [] : [field]
}

/**
 * The one place that lists what the index reads: an account's name, its website-like fields,
 * its parent and the target's account owner field; a contact's email, names and account. A
 * read asks for these only, instead of every field the CRM describes.
 */
export function indexFields(target: ExportTarget, schemas: ReadonlyMap<string, ObjectSchema>): IndexFields {
  const f = crmFields[target.kind]
  const accountObject = objectOf(target.kind, 'account')
  const contactObject = objectOf(target.kind, 'contact')
  const accountSchema = schemas.get(accountObject)
  const ownerField = target.config.accountOwnerField
  const account = [f.accountName, ...f.accountDomains, ...relationshipField(accountSchema, 'parent'), ...(ownerField === undefined ? [] : [ownerField])]
  const contact = [f.email, f.firstName, f.lastName, ...relationshipField(schemas.get(contactObject), 'company')]
  return { accountObject, contactObject, account: [...new Set(account)], contact: [...new Set(contact)] }
}
