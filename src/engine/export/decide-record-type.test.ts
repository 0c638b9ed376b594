import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { RecordSync } from '../../domain/export/export-config.js'
import type { ExportKind } from '../../domain/export/record-sync.js'
import { decideRecordType } from './decide-record-type.js'
import type { AccountDecision, ExistingChoice } from './export-plan.js'

const r = { rule: 'x', detail: 'x' }
const matched: AccountDecision = { kind: 'matched', id: 'a1', name: 'Acme', reason: r }
const none: AccountDecision = { kind: 'none', reason: r }
const ambiguous: AccountDecision = { kind: 'ambiguous', reason: r }
const nobody: ExistingChoice = { kind: 'none', reason: r }
const lead: ExistingChoice = { kind: 'found', object: 'Lead', id: 'l1', reason: r }

describe('decideRecordType (seed "Record Sync Options")', () => {
  const cases: [ExportKind, RecordSync, ExistingChoice, AccountDecision, string][] = [
    ['salesforce', 'contact-if-account-else-lead', nobody, matched, 'create Contact matched'],
    ['salesforce', 'contact-if-account-else-lead', nobody, none, 'create Lead none'],
    ['salesforce', 'contact-if-account-else-lead', nobody, ambiguous, 'create Lead none'],
    ['salesforce', 'always-lead', nobody, matched, 'create Lead none'],
    ['salesforce', 'contact-and-account', nobody, matched, 'create Contact matched'],
    ['salesforce', 'contact-and-account', nobody, none, 'create Contact new'],
    ['salesforce', 'contact-and-account', nobody, ambiguous, 'fail Contact'],
    ['salesforce', 'contact-and-account', lead, matched, 'update Lead'],
    ['hubspot', 'always-contact', nobody, matched, 'create contacts matched'],
    ['hubspot', 'always-contact', nobody, none, 'create contacts none'],
    ['hubspot', 'contact-and-account', nobody, none, 'create contacts new'],
    ['salesforce', 'contact-if-account-else-lead', { kind: 'ambiguous', reason: r }, matched, 'fail Contact'],
  ]
  for (const [kind, recordSync, existing, account, expected] of cases) {
    it(`${kind} ${recordSync}, person ${existing.kind}, account ${account.kind}: ${expected}`, () => {
      const d = decideRecordType({ kind, recordSync, existing, account })
      const got = d.kind === 'create' ? `create ${d.object} ${d.account}` : `${d.kind} ${d.object}`
      assert.equal(got, expected)
    })
  }

  it('says why an existing lead stays a lead when its account exists', () => {
    const d = decideRecordType({ kind: 'salesforce', recordSync: 'contact-if-account-else-lead', existing: lead, account: matched })
    assert.match(d.reason.detail, /revsync never converts leads/)
  })
})
