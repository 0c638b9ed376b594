/**
 * Field definitions ("vardefs") of the simulated modules, shaped as Sugar's metadata API returns
 * them: `name`, `type`, `vname` (a label key, resolved through `/lang`), `required`, `readonly`,
 * `source: 'non-db'` for computed fields, `options` naming a dropdown list, and `module` /
 * `link` / `id_name` / `rname` for relate fields. `label` is the English text of `vname`; it is
 * served through `/lang/en_us`, never inside the vardef.
 */
export interface SugarFieldDef {
  readonly name: string
  readonly type: string
  readonly vname: string
  readonly label: string
  readonly required?: boolean
  readonly readonly?: boolean
  readonly source?: 'non-db' | 'custom_fields'
  readonly options?: string
  readonly module?: string
  readonly link?: string
  readonly id_name?: string
  readonly rname?: string
  readonly dbType?: string
  readonly len?: number
}

/** The modules the simulator serves. */
export const sugarModules = ['Leads', 'Contacts', 'Accounts', 'Users'] as const
export type SugarModule = (typeof sugarModules)[number]

/** True for a module name the simulator knows. */
export function isSugarModule(name: string): name is SugarModule {
  return (sugarModules as readonly string[]).includes(name)
}

type Extra = Omit<SugarFieldDef, 'name' | 'type' | 'vname' | 'label'>
const f = (name: string, type: string, label: string, extra: Extra = {}): SugarFieldDef => ({
  name,
  type,
  vname: `LBL_${name.toUpperCase()}`,
  label,
  ...extra,
})

const userRelate = (name: string, label: string): SugarFieldDef =>
  f(name, 'assigned_user_name', label, { module: 'Users', rname: 'user_name', id_name: name, dbType: 'id', readonly: true })

const systemFields: readonly SugarFieldDef[] = [
  f('id', 'id', 'ID', { required: true }),
  f('date_entered', 'datetime', 'Date Created', { readonly: true }),
  f('date_modified', 'datetime', 'Date Modified', { readonly: true }),
  userRelate('modified_user_id', 'Modified By Id'),
  userRelate('created_by', 'Created By Id'),
  f('deleted', 'bool', 'Deleted', { readonly: true }),
]

const ownerFields: readonly SugarFieldDef[] = [
  f('assigned_user_id', 'relate', 'Assigned User Id', { module: 'Users', rname: 'user_name', id_name: 'assigned_user_id', dbType: 'id', link: 'assigned_user_link' }),
  f('assigned_user_name', 'relate', 'Assigned to', {
    module: 'Users',
    rname: 'full_name',
    id_name: 'assigned_user_id',
    link: 'assigned_user_link',
    source: 'non-db',
  }),
]

const emailFields: readonly SugarFieldDef[] = [
  f('email', 'email', 'Any Email', { link: 'email_addresses_primary', source: 'non-db' }),
  f('email1', 'varchar', 'Email Address', { source: 'non-db' }),
]

const personFields: readonly SugarFieldDef[] = [
  f('name', 'fullname', 'Name', { source: 'non-db', readonly: true }),
  f('salutation', 'enum', 'Salutation', { options: 'salutation_dom', len: 255 }),
  f('first_name', 'varchar', 'First Name', { len: 100 }),
  f('last_name', 'varchar', 'Last Name', { len: 100, required: true }),
  f('title', 'varchar', 'Title', { len: 100 }),
  f('department', 'varchar', 'Department', { len: 100 }),
  f('phone_work', 'phone', 'Office Phone', { len: 100 }),
  f('phone_mobile', 'phone', 'Mobile', { len: 100 }),
  f('do_not_call', 'bool', 'Do Not Call'),
  f('primary_address_street', 'varchar', 'Primary Address Street', { len: 150 }),
  f('primary_address_city', 'varchar', 'Primary Address City', { len: 100 }),
  f('primary_address_state', 'varchar', 'Primary Address State', { len: 100 }),
  f('primary_address_postalcode', 'varchar', 'Primary Address Postal Code', { len: 20 }),
  f('primary_address_country', 'varchar', 'Primary Address Country', { len: 255 }),
  f('lead_source', 'enum', 'Lead Source', { options: 'lead_source_dom', len: 100 }),
  f('description', 'text', 'Description'),
  f('past_company_c', 'varchar', 'Past Company', { len: 255, source: 'custom_fields' }),
]

const leadFields: readonly SugarFieldDef[] = [
  f('status', 'enum', 'Status', { options: 'lead_status_dom', len: 100 }),
  f('account_name', 'varchar', 'Account Name', { len: 255 }),
  f('website', 'url', 'Website', { len: 255 }),
  f('converted', 'bool', 'Converted', { readonly: true }),
  f('contact_id', 'id', 'Contact ID', { readonly: true }),
  f('account_id', 'id', 'Account ID'),
]

const contactFields: readonly SugarFieldDef[] = [
  f('account_id', 'relate', 'Account ID', { module: 'Accounts', rname: 'id', id_name: 'account_id', link: 'accounts', dbType: 'id', source: 'non-db' }),
  f('account_name', 'relate', 'Account Name', { module: 'Accounts', rname: 'name', id_name: 'account_id', link: 'accounts', source: 'non-db' }),
]

const accountFields: readonly SugarFieldDef[] = [
  f('name', 'name', 'Name', { len: 150, required: true }),
  f('website', 'url', 'Website', { len: 255 }),
  f('industry', 'enum', 'Industry', { options: 'industry_dom', len: 50 }),
  f('account_type', 'enum', 'Type', { options: 'account_type_dom', len: 50 }),
  f('phone_office', 'phone', 'Office Phone', { len: 100 }),
  f('employees', 'varchar', 'Employees', { len: 10 }),
  f('annual_revenue', 'varchar', 'Annual Revenue', { len: 100 }),
  f('billing_address_street', 'varchar', 'Billing Street', { len: 150 }),
  f('billing_address_city', 'varchar', 'Billing City', { len: 100 }),
  f('billing_address_state', 'varchar', 'Billing State', { len: 100 }),
  f('billing_address_postalcode', 'varchar', 'Billing Postal Code', { len: 20 }),
  f('billing_address_country', 'varchar', 'Billing Country', { len: 255 }),
  f('description', 'text', 'Description'),
  f('parent_id', 'id', 'Parent Account ID'),
  f('parent_name', 'relate', 'Member of', { module: 'Accounts', rname: 'name', id_name: 'parent_id', link: 'member_of', source: 'non-db' }),
]

const userFields: readonly SugarFieldDef[] = [
  f('user_name', 'user_name', 'User Name', { len: 60, required: true }),
  f('first_name', 'name', 'First Name', { len: 255 }),
  f('last_name', 'name', 'Last Name', { len: 255, required: true }),
  f('full_name', 'fullname', 'Full Name', { source: 'non-db', readonly: true }),
  f('title', 'varchar', 'Title', { len: 50 }),
  f('department', 'varchar', 'Department', { len: 50 }),
  f('phone_work', 'phone', 'Work Phone', { len: 50 }),
  f('status', 'enum', 'Status', { options: 'user_status_dom', len: 100, required: true }),
  f('employee_status', 'enum', 'Employee Status', { options: 'employee_status_dom', len: 100 }),
  f('is_admin', 'bool', 'Is Administrator'),
]

const byModule: Record<SugarModule, readonly SugarFieldDef[]> = {
  Leads: [...systemFields, ...personFields, ...leadFields, ...ownerFields, ...emailFields],
  Contacts: [...systemFields, ...personFields, ...contactFields, ...ownerFields, ...emailFields],
  Accounts: [...systemFields, ...accountFields, ...ownerFields, ...emailFields],
  Users: [...systemFields, ...userFields, ...emailFields],
}

/** The vardefs of one module, keyed by field name. */
export function moduleFields(module: SugarModule): ReadonlyMap<string, SugarFieldDef> {
  return new Map(byModule[module].map((d) => [d.name, d]))
}

/** Dropdown lists (`app_list_strings`) named by the vardefs' `options`. */
export const appListStrings: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  moduleList: { Leads: 'Leads', Contacts: 'Contacts', Accounts: 'Accounts', Users: 'Users' },
  salutation_dom: { '': '', 'Mr.': 'Mr.', 'Ms.': 'Ms.', 'Mrs.': 'Mrs.', 'Dr.': 'Dr.', 'Prof.': 'Prof.' },
  lead_status_dom: { '': '', New: 'New', Assigned: 'Assigned', 'In Process': 'In Process', Converted: 'Converted', Recycled: 'Recycled', Dead: 'Dead' },
  lead_source_dom: Object.fromEntries(
    ['', 'Cold Call', 'Existing Customer', 'Self Generated', 'Employee', 'Partner', 'Public Relations', 'Direct Mail', 'Conference', 'Trade Show', 'Web Site', 'Word of mouth', 'Email', 'Campaign', 'Other'].map((v) => [v, v]),
  ),
  industry_dom: Object.fromEntries(
    ['', 'Apparel', 'Banking', 'Biotechnology', 'Chemicals', 'Communications', 'Construction', 'Consulting', 'Education', 'Electronics', 'Energy', 'Engineering', 'Entertainment', 'Finance', 'Government', 'Healthcare', 'Hospitality', 'Insurance', 'Manufacturing', 'Media', 'Retail', 'Technology', 'Telecommunications', 'Transportation', 'Other'].map((v) => [v, v]),
  ),
  account_type_dom: Object.fromEntries(['', 'Analyst', 'Competitor', 'Customer', 'Integrator', 'Investor', 'Partner', 'Press', 'Prospect', 'Reseller', 'Other'].map((v) => [v, v])),
  user_status_dom: { Active: 'Active', Inactive: 'Inactive' },
  employee_status_dom: { Active: 'Active', Terminated: 'Terminated', 'Leave of Absence': 'Leave of Absence' },
}
