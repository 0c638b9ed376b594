import type { FieldSchema, FieldType, ObjectSchema, RelationshipSchema } from '../../domain/object-schema.js'

/** The parts of a describe field the connector reads (jsforce's DescribeSObjectResult fields). */
export interface SfField {
  readonly name: string
  readonly label: string
  readonly type: string
  readonly nillable: boolean
  readonly createable: boolean
  readonly updateable: boolean
  readonly defaultedOnCreate: boolean
  readonly picklistValues?: readonly { readonly value: string; readonly active: boolean }[] | null
  readonly referenceTo?: readonly (string | null)[] | null
}

export interface SfDescribe {
  readonly name: string
  readonly label: string
  /** The first three characters of every id of the object (`00Q` for Lead); null for some system objects. */
  readonly keyPrefix?: string | null
  readonly fields: readonly SfField[]
}

const types: Readonly<Record<string, FieldType>> = {
  id: 'id',
  string: 'string',
  textarea: 'text',
  email: 'email',
  phone: 'phone',
  url: 'url',
  boolean: 'boolean',
  double: 'number',
  currency: 'number',
  percent: 'number',
  int: 'number',
  long: 'number',
  date: 'date',
  datetime: 'datetime',
  picklist: 'enum',
  multipicklist: 'enum',
  combobox: 'string',
  reference: 'reference',
  encryptedstring: 'string',
}

/** Describe types that are not scalars (compound address/location, blobs): never read or written as fields. */
export function isScalarField(field: SfField): boolean {
  return types[field.type] !== undefined
}

/** The lookups revsync treats as relationships, per object; the rest stay plain fields. */
export function relationshipsOf(object: string, fields: readonly SfField[]): RelationshipSchema[] {
  const has = (name: string): boolean => fields.some((f) => f.name === name)
  const out: RelationshipSchema[] = []
  if (object !== 'User' && has('OwnerId')) out.push({ name: 'owner', field: 'OwnerId', target: 'user' })
  if (object === 'Contact' && has('AccountId')) out.push({ name: 'company', field: 'AccountId', target: 'company' })
  if (object === 'Account' && has('ParentId')) out.push({ name: 'parent', field: 'ParentId', target: 'company' })
  return out
}

function toFieldSchema(f: SfField): FieldSchema {
  const references = (f.referenceTo ?? []).filter((r): r is string => typeof r === 'string')
  const options = (f.picklistValues ?? []).filter((p) => p.active).map((p) => p.value)
  return {
    name: f.name,
    label: f.label,
    type: types[f.type]!,
    // Salesforce requires what is not nillable and not filled in by the platform on create.
    required: f.createable && !f.nillable && !f.defaultedOnCreate,
    createable: f.createable,
    updateable: f.updateable,
    ...(options.length > 0 ? { options } : {}),
    // A polymorphic owner (User or Group) is, for revsync, a user.
    ...(references.length > 0 ? { referenceTo: references.includes('User') ? 'User' : references[0]! } : {}),
  }
}

/** Translates a describe into revsync's object schema. */
export function toObjectSchema(describe: SfDescribe): ObjectSchema {
  return {
    object: describe.name,
    label: describe.label,
    fields: describe.fields.filter(isScalarField).map(toFieldSchema),
    relationships: relationshipsOf(describe.name, describe.fields),
  }
}
