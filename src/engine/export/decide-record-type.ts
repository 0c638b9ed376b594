import type { ExportTab, RecordSync } from '../../domain/export/export-config.js'
import { objectOf, tabOf } from '../../domain/export/record-sync.js'
import type { ExportKind } from '../../domain/export/record-sync.js'
import type { Reason } from '../../domain/reason.js'
import type { AccountDecision, ExistingChoice } from './export-plan.js'

/** Which record the person becomes or stays, and on which account. */
export type RecordTypeDecision =
  | { readonly kind: 'update'; readonly object: string; readonly tab: ExportTab; readonly id: string; readonly reason: Reason }
  | {
      readonly kind: 'create'
      readonly object: string
      readonly tab: ExportTab
      /** The matched account, a new one created first, or none. */
      readonly account: 'matched' | 'new' | 'none'
      readonly reason: Reason
    }
  | { readonly kind: 'fail'; readonly object: string; readonly reason: Reason }

/** What the record type depends on. */
export interface RecordTypeInput {
  readonly kind: ExportKind
  readonly recordSync: RecordSync
  readonly existing: ExistingChoice
  readonly account: AccountDecision
}

/**
 * Decides the record type (seed "Record Sync Options"): an existing lead or contact is
 * updated whatever the option; otherwise the option and the account decide between a contact
 * on the matched account, a lead, or a new account with its contact. An ambiguous account is
 * never guessed: no contact goes on it and no further account is created beside it.
 */
export function decideRecordType(input: RecordTypeInput): RecordTypeDecision {
  const { kind, recordSync, existing, account } = input
  const contact = objectOf(kind, 'contact')
  if (existing.kind === 'ambiguous') return { kind: 'fail', object: contact, reason: { rule: 'record-type.ambiguous-person', detail: 'the person matches several existing records; nothing is written until they are merged' } }
  if (existing.kind === 'found') return updateExisting(kind, recordSync, existing, account)
  const onAccount = account.kind === 'matched' ? `"${account.name ?? account.id}" (${account.id})` : ''
  const create = (tab: ExportTab, on: 'matched' | 'new' | 'none', rule: string, detail: string): RecordTypeDecision => ({ kind: 'create', object: objectOf(kind, tab), tab, account: on, reason: { rule, detail } })
  switch (recordSync) {
    case 'always-lead':
      return create('lead', 'none', 'record-type.lead', `a new Lead because recordSync is always-lead${account.kind === 'matched' ? ` (the account ${onAccount} exists; routing and conversion are left to your tools)` : ''}`)
    case 'contact-if-account-else-lead':
      if (account.kind === 'matched') return create('contact', 'matched', 'record-type.contact', `a new Contact on account ${onAccount}: the account exists and recordSync is contact-if-account-else-lead`)
      return create('lead', 'none', 'record-type.lead', account.kind === 'ambiguous'
        ? 'a new Lead: several accounts match and none is preferred, so no contact is placed on a guess (contact-if-account-else-lead)'
        : 'a new Lead: no account matches the company and recordSync is contact-if-account-else-lead')
    case 'contact-and-account':
      if (account.kind === 'matched') return create('contact', 'matched', 'record-type.contact', `a new ${contact} on account ${onAccount}: the account exists (contact-and-account)`)
      if (account.kind === 'ambiguous') return { kind: 'fail', object: contact, reason: { rule: 'record-type.ambiguous-account', detail: 'several accounts match and none is preferred: creating another would add a duplicate, and picking one would be a guess; merge them or add the domain to one, then export again with --retry-failed' } }
      return create('contact', 'new', 'record-type.contact-and-account', `a new ${objectOf(kind, 'account')} record for the company, then a new ${contact} on it: no account matches and recordSync is contact-and-account`)
    case 'always-contact':
      if (account.kind === 'matched') return create('contact', 'matched', 'record-type.contact', `a new contact associated with company ${onAccount} (always-contact)`)
      return create('contact', 'none', 'record-type.contact', `a new contact with no company: ${account.kind === 'ambiguous' ? 'several companies match and none is preferred' : 'no company matches'}, and always-contact never creates companies`)
  }
}

function updateExisting(kind: ExportKind, recordSync: RecordSync, existing: Extract<ExistingChoice, { kind: 'found' }>, account: AccountDecision): RecordTypeDecision {
  const tab = tabOf(kind, existing.object) ?? 'contact'
  const wantsContact = recordSync !== 'always-lead' && account.kind === 'matched'
  const stays = tab === 'lead' && wantsContact ? `; it stays a Lead: revsync never converts leads (convert it in Salesforce to move it to "${account.kind === 'matched' ? (account.name ?? account.id) : ''}")` : ''
  return { kind: 'update', object: existing.object, tab, id: existing.id, reason: { rule: `record-type.existing-${tab}`, detail: `the person already exists as ${existing.object} ${existing.id}, so it is updated, not duplicated${stays}` } }
}
