import type { ExportTab, RecordSync } from './export-config.js'

/** The system kinds revsync exports into. */
export type ExportKind = 'salesforce' | 'hubspot'

/** The record sync options each system offers (seed "Record Sync Options"). */
export const recordSyncOptions: Readonly<Record<ExportKind, readonly RecordSync[]>> = {
  salesforce: ['contact-if-account-else-lead', 'always-lead', 'contact-and-account'],
  hubspot: ['always-contact', 'contact-and-account'],
}

/** The default option: the seed's recommendation on Salesforce, the simpler one on HubSpot. */
export const defaultRecordSync: Readonly<Record<ExportKind, RecordSync>> = {
  salesforce: 'contact-if-account-else-lead',
  hubspot: 'always-contact',
}

/** The native object of each record-type tab; HubSpot has no leads. */
export const tabObjects: Readonly<Record<ExportKind, Readonly<Partial<Record<ExportTab, string>>>>> = {
  salesforce: { contact: 'Contact', lead: 'Lead', account: 'Account' },
  hubspot: { contact: 'contacts', account: 'companies' },
}

/** The tab whose rows an object takes. */
export function tabOf(kind: ExportKind, object: string): ExportTab | undefined {
  const entry = Object.entries(tabObjects[kind]).find(([, o]) => o === object)
  return entry?.[0] as ExportTab | undefined
}

/** The native object of a tab, throwing for a tab the system lacks (config checks rule that out first). */
export function objectOf(kind: ExportKind, tab: ExportTab): string {
  const object = tabObjects[kind][tab]
  if (object === undefined) throw new Error(`${kind} has no ${tab} records`)
  return object
}

/** Tabs whose records an option may create: their required fields must all be filled. */
export function createdTabs(recordSync: RecordSync): ExportTab[] {
  switch (recordSync) {
    case 'contact-if-account-else-lead':
      return ['contact', 'lead']
    case 'always-lead':
      return ['lead']
    case 'contact-and-account':
      return ['contact', 'account']
    case 'always-contact':
      return ['contact']
  }
}

/** Tabs whose records an option may update: an existing lead or contact is updated whatever the option. */
export function updatedTabs(kind: ExportKind): ExportTab[] {
  return kind === 'salesforce' ? ['contact', 'lead'] : ['contact']
}

/** Whether a system kind can be an export target. */
export function isExportKind(kind: string): kind is ExportKind {
  return kind === 'salesforce' || kind === 'hubspot'
}
