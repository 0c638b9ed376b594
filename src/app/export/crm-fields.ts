import type { ExportKind } from '../../domain/export/record-sync.js'

/** The fields the export reads to index accounts and people, per system. */
export interface CrmFields {
  readonly accountName: string
  /** Website-like fields of an account, best first. */
  readonly accountDomains: readonly string[]
  readonly email: string
  readonly firstName: string
  readonly lastName: string
  /** On a lead: its company's website, for name + domain matching. */
  readonly leadWebsite?: string
  /**
   * Whether a read of changes reports deleted records. Salesforce's does (the recycle bin, through
   * queryAll); HubSpot's search never returns archived records, so an account the stored index
   * holds is confirmed by id before a contact is placed on it.
   */
  readonly readsReportDeletes: boolean
}

/** Native names of the fields the indexes read. */
export const crmFields: Readonly<Record<ExportKind, CrmFields>> = {
  salesforce: { accountName: 'Name', accountDomains: ['Website'], email: 'Email', firstName: 'FirstName', lastName: 'LastName', leadWebsite: 'Website', readsReportDeletes: true },
  hubspot: { accountName: 'name', accountDomains: ['domain', 'website'], email: 'email', firstName: 'firstname', lastName: 'lastname', readsReportDeletes: false },
}
