/** The object types the simulator serves. */
export type SimObjectType = 'contacts' | 'companies'

/** Every object type the simulator serves. */
export const simObjectTypes: readonly SimObjectType[] = ['contacts', 'companies']

/** One property definition, shaped like the properties API answers it. */
export interface SimProperty {
  readonly name: string
  readonly label: string
  readonly type: 'string' | 'number' | 'date' | 'datetime' | 'enumeration' | 'bool' | 'phone_number'
  readonly fieldType: string
  readonly groupName: string
  readonly description: string
  readonly options: readonly { label: string; value: string; displayOrder?: number; hidden?: boolean }[]
  readonly hubspotDefined: boolean
  readonly hasUniqueValue: boolean
  readonly readOnlyValue: boolean
  readonly calculated: boolean
  readonly externalOptions: boolean
  readonly hidden: boolean
  readonly referencedObjectType?: string
  readonly createdAt: number
  readonly updatedAt: number
}

type Def = Partial<SimProperty> & Pick<SimProperty, 'name' | 'label'>

const lifecycleStages = ['subscriber', 'lead', 'marketingqualifiedlead', 'salesqualifiedlead', 'opportunity', 'customer', 'evangelist', 'other']
const leadStatuses = ['NEW', 'OPEN', 'IN_PROGRESS', 'OPEN_DEAL', 'UNQUALIFIED', 'ATTEMPTED_TO_CONTACT', 'CONNECTED', 'BAD_TIMING']
const industries = ['COMPUTER_SOFTWARE', 'INFORMATION_TECHNOLOGY_AND_SERVICES', 'FINANCIAL_SERVICES', 'HOSPITAL_HEALTH_CARE', 'MARKETING_AND_ADVERTISING', 'RETAIL']

function options(values: readonly string[]): SimProperty['options'] {
  return values.map((value, i) => ({ label: value.replace(/_/g, ' ').toLowerCase(), value, displayOrder: i, hidden: false }))
}

const text = (name: string, label: string, groupName: string): Def => ({ name, label, groupName })
const readOnly = (def: Def): Def => ({ ...def, readOnlyValue: true, calculated: true })

/** Properties both objects share: owner, record id and create date. */
function shared(group: string): Def[] {
  return [
    {
      name: 'hubspot_owner_id',
      label: 'Owner',
      type: 'enumeration',
      fieldType: 'select',
      groupName: group,
      externalOptions: true,
      referencedObjectType: 'OWNER',
    },
    readOnly({ name: 'hs_object_id', label: 'Record ID', type: 'number', fieldType: 'number', groupName: group }),
    readOnly({ name: 'createdate', label: 'Create Date', type: 'datetime', fieldType: 'date', groupName: group }),
    { name: 'city', label: 'City', groupName: group },
    { name: 'state', label: 'State/Region', groupName: group },
    { name: 'country', label: 'Country/Region', groupName: group },
    { name: 'phone', label: 'Phone Number', type: 'string', fieldType: 'phonenumber', groupName: group },
    { name: 'website', label: 'Website URL', groupName: group },
    { name: 'lifecyclestage', label: 'Lifecycle Stage', type: 'enumeration', fieldType: 'radio', groupName: group, options: options(lifecycleStages) },
  ]
}

const contactDefs: Def[] = [
  text('email', 'Email', 'contactinformation'),
  text('firstname', 'First Name', 'contactinformation'),
  text('lastname', 'Last Name', 'contactinformation'),
  text('jobtitle', 'Job Title', 'contactinformation'),
  text('company', 'Company Name', 'contactinformation'),
  text('mobilephone', 'Mobile Phone Number', 'contactinformation'),
  text('zip', 'Postal Code', 'contactinformation'),
  text('hs_linkedin_url', 'LinkedIn URL', 'contactinformation'),
  { name: 'hs_lead_status', label: 'Lead Status', type: 'enumeration', fieldType: 'radio', groupName: 'sales_properties', options: options(leadStatuses) },
  readOnly({ name: 'lastmodifieddate', label: 'Last Modified Date', type: 'datetime', fieldType: 'date', groupName: 'contactinformation' }),
  readOnly({ name: 'associatedcompanyid', label: 'Primary Associated Company ID', type: 'number', fieldType: 'number', groupName: 'contactinformation' }),
  ...shared('contactinformation'),
]

const companyDefs: Def[] = [
  text('name', 'Company name', 'companyinformation'),
  text('domain', 'Company Domain Name', 'companyinformation'),
  { name: 'industry', label: 'Industry', type: 'enumeration', fieldType: 'select', groupName: 'companyinformation', options: options(industries) },
  { name: 'numberofemployees', label: 'Number of Employees', type: 'number', fieldType: 'number', groupName: 'companyinformation' },
  { name: 'annualrevenue', label: 'Annual Revenue', type: 'number', fieldType: 'number', groupName: 'companyinformation' },
  { name: 'description', label: 'Description', fieldType: 'textarea', groupName: 'companyinformation' },
  readOnly({ name: 'hs_lastmodifieddate', label: 'Last Modified Date', type: 'datetime', fieldType: 'date', groupName: 'companyinformation' }),
  readOnly({ name: 'hs_parent_company_id', label: 'Parent Company', type: 'number', fieldType: 'number', groupName: 'companyinformation' }),
  ...shared('companyinformation'),
]

function complete(def: Def, at: number): SimProperty {
  return {
    type: 'string',
    fieldType: 'text',
    groupName: 'contactinformation',
    description: '',
    options: [],
    hubspotDefined: true,
    hasUniqueValue: false,
    readOnlyValue: false,
    calculated: false,
    externalOptions: false,
    hidden: false,
    ...def,
    createdAt: at,
    updatedAt: at,
  }
}

/** HubSpot's default properties of an object, a realistic subset of a real portal's. */
export function defaultProperties(object: SimObjectType, at: number): SimProperty[] {
  return (object === 'contacts' ? contactDefs : companyDefs).map((d) => complete(d, at))
}

/** The property holding an object's last modification time. */
export function modifiedProperty(object: SimObjectType): string {
  return object === 'contacts' ? 'lastmodifieddate' : 'hs_lastmodifieddate'
}

/** Properties a read returns when the caller asks for none. */
export function defaultReturnedProperties(object: SimObjectType): readonly string[] {
  return object === 'contacts'
    ? ['createdate', 'email', 'firstname', 'hs_object_id', 'lastmodifieddate', 'lastname']
    : ['createdate', 'domain', 'hs_lastmodifieddate', 'hs_object_id', 'name']
}

/**
 * Whether a property identifies records: custom properties with unique values, and a contact's
 * email, which HubSpot keeps unique although its definition does not say `hasUniqueValue`.
 */
export function isUniqueProperty(object: SimObjectType, def: SimProperty | undefined): boolean {
  return def !== undefined && (def.hasUniqueValue || (object === 'contacts' && def.name === 'email'))
}
