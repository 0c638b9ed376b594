/** Field describes of the standard objects the simulator serves, shaped like the real describe. */

/** One entry of a describe's `fields`, as the REST API answers it. */
export interface SfFieldDescribe {
  readonly name: string
  readonly label: string
  readonly type: string
  readonly length: number
  readonly nillable: boolean
  readonly createable: boolean
  readonly updateable: boolean
  readonly defaultedOnCreate: boolean
  readonly calculated: boolean
  readonly custom: boolean
  readonly unique: boolean
  readonly externalId: boolean
  readonly idLookup: boolean
  readonly nameField: boolean
  readonly filterable: boolean
  readonly sortable: boolean
  readonly restrictedPicklist: boolean
  readonly picklistValues: readonly { active: boolean; defaultValue: boolean; label: string; value: string; validFor: null }[]
  readonly referenceTo: readonly string[]
  readonly relationshipName: string | null
  readonly soapType: string
}

const soapTypes: Readonly<Record<string, string>> = {
  id: 'tns:ID',
  reference: 'tns:ID',
  boolean: 'xsd:boolean',
  double: 'xsd:double',
  currency: 'xsd:double',
  int: 'xsd:int',
  date: 'xsd:date',
  datetime: 'xsd:dateTime',
  address: 'urn:address',
}

type FieldOptions = Partial<Omit<SfFieldDescribe, 'picklistValues'>> & { picklist?: readonly string[] }

/** Builds a field describe with the defaults of an ordinary writable, nillable field. */
export function field(name: string, type: string, options: FieldOptions = {}): SfFieldDescribe {
  const { picklist, ...rest } = options
  const label = name.replace(/__c$/, '').replace(/Id$/, '').replace(/_/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2')
  return {
    name,
    label,
    type,
    length: type === 'string' || type === 'email' || type === 'phone' || type === 'url' || type === 'picklist' ? 255 : type === 'textarea' ? 32000 : type === 'id' || type === 'reference' ? 18 : 0,
    nillable: true,
    createable: true,
    updateable: true,
    defaultedOnCreate: false,
    calculated: false,
    custom: name.endsWith('__c'),
    unique: false,
    externalId: false,
    idLookup: type === 'id' || type === 'email',
    nameField: false,
    filterable: type !== 'textarea',
    sortable: type !== 'textarea',
    restrictedPicklist: false,
    picklistValues: (picklist ?? []).map((value, i) => ({ active: true, defaultValue: i === 0 && rest.defaultedOnCreate === true, label: value, value, validFor: null })),
    referenceTo: [],
    relationshipName: null,
    soapType: soapTypes[type] ?? 'xsd:string',
    ...rest,
  }
}

const readOnly = { createable: false, updateable: false } as const
const system = { ...readOnly, nillable: false, defaultedOnCreate: true } as const

/** The fields every object has: id, audit stamps and the soft-delete flag. */
function auditFields(object: string): SfFieldDescribe[] {
  return [
    field('Id', 'id', { ...system, label: 'Record ID' }),
    // Users are deactivated, never deleted: the User object has no IsDeleted.
    ...(object === 'User' ? [] : [field('IsDeleted', 'boolean', { ...system, label: 'Deleted' })]),
    field('CreatedDate', 'datetime', { ...system, label: 'Created Date' }),
    field('CreatedById', 'reference', { ...system, label: 'Created By ID', referenceTo: ['User'], relationshipName: 'CreatedBy' }),
    field('LastModifiedDate', 'datetime', { ...system, label: 'Last Modified Date' }),
    field('LastModifiedById', 'reference', { ...system, label: 'Last Modified By ID', referenceTo: ['User'], relationshipName: 'LastModifiedBy' }),
    field('SystemModstamp', 'datetime', { ...system, label: 'System Modstamp' }),
  ]
}

const owner = (referenceTo: string[]): SfFieldDescribe =>
  field('OwnerId', 'reference', { nillable: false, defaultedOnCreate: true, label: 'Owner ID', referenceTo, relationshipName: 'Owner' })

const salutations = ['Mr.', 'Ms.', 'Mrs.', 'Dr.', 'Prof.']
const leadSources = ['Web', 'Phone Inquiry', 'Partner Referral', 'Purchased List', 'Other']
const industries = ['Agriculture', 'Banking', 'Consulting', 'Education', 'Finance', 'Healthcare', 'Manufacturing', 'Retail', 'Technology', 'Other']

function personName(): SfFieldDescribe[] {
  return [
    field('LastName', 'string', { nillable: false, length: 80, label: 'Last Name' }),
    field('FirstName', 'string', { length: 40, label: 'First Name' }),
    field('Salutation', 'picklist', { picklist: salutations }),
    field('Name', 'string', { ...readOnly, nillable: false, length: 121, label: 'Full Name', nameField: true, calculated: true }),
  ]
}

function address(prefix: string): SfFieldDescribe[] {
  return [
    field(`${prefix}Street`, 'textarea', { length: 255 }),
    field(`${prefix}City`, 'string', { length: 40 }),
    field(`${prefix}State`, 'string', { length: 80 }),
    field(`${prefix}PostalCode`, 'string', { length: 20 }),
    field(`${prefix}Country`, 'string', { length: 80 }),
    field(`${prefix}Address`, 'address', { ...readOnly, filterable: false, sortable: false }),
  ]
}

/** Standard fields per object, before the seed's custom fields are added. */
export function standardFields(object: string): SfFieldDescribe[] {
  switch (object) {
    case 'Lead':
      return [
        ...auditFields(object),
        ...personName(),
        field('Title', 'string', { length: 128 }),
        field('Company', 'string', { nillable: false, length: 255 }),
        ...address(''),
        field('Phone', 'phone', { length: 40 }),
        field('MobilePhone', 'phone', { length: 40, label: 'Mobile Phone' }),
        field('Email', 'email', { length: 80 }),
        field('Website', 'url', { length: 255 }),
        field('Description', 'textarea'),
        field('LeadSource', 'picklist', { picklist: leadSources, label: 'Lead Source' }),
        field('Status', 'picklist', { nillable: false, defaultedOnCreate: true, picklist: ['Open - Not Contacted', 'Working - Contacted', 'Closed - Converted', 'Closed - Not Converted'] }),
        field('Industry', 'picklist', { picklist: industries }),
        field('AnnualRevenue', 'currency', { label: 'Annual Revenue' }),
        field('NumberOfEmployees', 'int', { label: 'Employees' }),
        owner(['Group', 'User']),
        field('IsConverted', 'boolean', { ...system, label: 'Converted' }),
        field('ConvertedDate', 'date', { ...readOnly, label: 'Converted Date' }),
        field('ConvertedAccountId', 'reference', { ...readOnly, label: 'Converted Account ID', referenceTo: ['Account'], relationshipName: 'ConvertedAccount' }),
        field('ConvertedContactId', 'reference', { ...readOnly, label: 'Converted Contact ID', referenceTo: ['Contact'], relationshipName: 'ConvertedContact' }),
      ]
    case 'Contact':
      return [
        ...auditFields(object),
        field('AccountId', 'reference', { label: 'Account ID', referenceTo: ['Account'], relationshipName: 'Account' }),
        ...personName(),
        ...address('Mailing'),
        field('Phone', 'phone', { length: 40, label: 'Business Phone' }),
        field('MobilePhone', 'phone', { length: 40, label: 'Mobile Phone' }),
        field('Email', 'email', { length: 80 }),
        field('Title', 'string', { length: 128 }),
        field('Department', 'string', { length: 80 }),
        field('LeadSource', 'picklist', { picklist: leadSources, label: 'Lead Source' }),
        field('Description', 'textarea'),
        owner(['User']),
      ]
    case 'Account':
      return [
        ...auditFields(object),
        field('Name', 'string', { nillable: false, length: 255, label: 'Account Name', nameField: true }),
        field('Type', 'picklist', { picklist: ['Prospect', 'Customer - Direct', 'Customer - Channel', 'Partner', 'Other'], label: 'Account Type' }),
        field('ParentId', 'reference', { label: 'Parent Account ID', referenceTo: ['Account'], relationshipName: 'Parent' }),
        ...address('Billing'),
        field('Phone', 'phone', { length: 40, label: 'Account Phone' }),
        field('Website', 'url', { length: 255 }),
        field('Industry', 'picklist', { picklist: industries }),
        field('AnnualRevenue', 'currency', { label: 'Annual Revenue' }),
        field('NumberOfEmployees', 'int', { label: 'Employees' }),
        field('Description', 'textarea', { label: 'Account Description' }),
        owner(['User']),
      ]
    case 'User':
      return [
        ...auditFields(object),
        field('Username', 'string', { nillable: false, length: 80, unique: true, idLookup: true }),
        ...personName().filter((f) => f.name !== 'Salutation'),
        field('Email', 'email', { nillable: false, length: 128 }),
        field('Title', 'string', { length: 80 }),
        field('IsActive', 'boolean', { nillable: false, defaultedOnCreate: true, label: 'Active' }),
      ]
    default:
      return []
  }
}

/** Labels of the objects the simulator serves. */
export const objectLabels: Readonly<Record<string, readonly [string, string]>> = {
  Lead: ['Lead', 'Leads'],
  Contact: ['Contact', 'Contacts'],
  Account: ['Account', 'Accounts'],
  User: ['User', 'Users'],
}
