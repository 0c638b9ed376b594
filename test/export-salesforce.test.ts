import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { ConfigError } from '../src/app/config/config-error.js'
import type { SignalOutcome } from '../src/app/export/export-report.js'
import { jobChange, sfId, startSalesforceExport } from './support/export-fixture.js'
import type { ExportFixture } from './support/export-fixture.js'
import { salesforceScenarioSeed, sfAccounts, sfUsers } from './support/export-seeds.js'
import type { SalesforceSim } from '../src/sandbox/salesforce/server.js'
import type { SfRecord } from '../src/sandbox/salesforce/state.js'

const leadRows = `
      lead:
        - { field: Status, source: { static: Open } }
        - { field: LinkedIn__c, source: { dynamic: person.linkedinUrl }, on: [create, update-if-empty] }
        - { field: UG_Past_Company__c, source: { dynamic: pastCompany.name } }
        - { field: UG_Job_Started__c, source: { dynamic: jobStartedAt } }`

const exportsYaml = `  cail:
    system: sfdc
    defaultOwner: dana@acme-org.test
    accountOwnerField: SDR_Owner__c
    fields:${leadRows}
  leads:
    system: sfdc
    recordSync: always-lead
    defaultOwner: dana@acme-org.test
    accountOwnerField: SDR_Owner__c
  cna:
    system: sfdc
    recordSync: contact-and-account
    defaultOwner: dana@acme-org.test
    accountOwner: alex@acme-org.test
    accountOwnerField: OwnerId
    fields:
      account:
        - { field: Type, source: { static: Prospect } }
  reassign:
    system: sfdc
    defaultOwner: dana@acme-org.test
    accountOwnerField: SDR_Owner__c
    reassignExisting: true
  rr:
    system: sfdc
    recordSync: always-lead
    defaultOwner: dana@acme-org.test
    leadRouting: { kind: round-robin, pool: [rita@acme-org.test, ivan@acme-org.test, rob@acme-org.test] }
  rules:
    system: sfdc
    defaultOwner: dana@acme-org.test
    leadRouting: { kind: assignment-rules }
  fill:
    system: sfdc
    defaultOwner: dana@acme-org.test
    fields:
      contact:
        - { field: Phone, source: { dynamic: person.phone }, on: [create, update-if-empty] }
        - { field: MailingCity, source: { location: city }, on: [create, update-if-empty] }
        - { field: Title, source: { dynamic: person.title }, on: [create, update] }
  by-company:
    system: sfdc
    recordSync: always-lead
    defaultOwner: dana@acme-org.test
    location: company
`

let f: ExportFixture & { sim: SalesforceSim; live(object: string): SfRecord[] }
const byEmail = (object: string, email: string): SfRecord[] => f.live(object).filter((r) => String(r.Email ?? '').toLowerCase() === email)
const only = (o: readonly SignalOutcome[]): SignalOutcome => {
  assert.equal(o.length, 1)
  return o[0]!
}
const rules = (o: SignalOutcome): string[] => o.reasons.map((r) => r.rule)

before(async () => {
  f = await startSalesforceExport(salesforceScenarioSeed(), exportsYaml)
})
after(() => f.close())

describe('salesforce export: record sync options', () => {
  it('contact-if-account-else-lead: a contact on the account that exists, owned by its SDR_Owner__c', async () => {
    const r = await f.export('cail', [jobChange('Jane', 'Doe', 'jane@acme.com', { name: 'Acme' })])
    const o = only(r.outcomes)
    assert.equal(o.outcome, 'created')
    assert.equal(o.object, 'Contact')
    const [contact] = byEmail('Contact', 'jane@acme.com')
    assert.equal(contact?.AccountId, sfAccounts.acme)
    assert.equal(contact?.OwnerId, sfUsers.sam, 'owner from the custom account field SDR_Owner__c')
    assert.equal(contact?.Title, 'VP Sales')
    assert.deepEqual(rules(o).slice(0, 4), ['existing.none', 'account.domain', 'record-type.contact', 'owner.account-field'])
    assert.match(o.owner.reason.detail, /SDR_Owner__c of account "Acme Corp"/)
  })

  it('contact-if-account-else-lead: a lead when no account matches, with Lead Status = Open and the custom fields', async () => {
    const r = await f.export('cail', [jobChange('Lou', 'New', 'lou@zzz-unknown.io', { name: 'Zzz Unknown Labs' })])
    const o = only(r.outcomes)
    assert.equal(o.object, 'Lead')
    const [lead] = byEmail('Lead', 'lou@zzz-unknown.io')
    assert.equal(lead?.Status, 'Open', 'static Lead Status')
    assert.equal(lead?.LinkedIn__c, 'https://www.linkedin.com/in/lou-new')
    assert.equal(lead?.UG_Past_Company__c, 'Globex')
    assert.equal(lead?.UG_Job_Started__c, '2025-02-03')
    assert.equal(lead?.Company, 'Zzz Unknown Labs')
    assert.equal(lead?.OwnerId, sfUsers.dana)
    const why = o.reasons.find((x) => x.rule === 'record-type.lead')
    assert.match(why?.detail ?? '', /no account matches/)
    assert.ok(o.reasons.some((x) => x.rule === 'field.create' && x.detail.startsWith('Status: static value "Open"')))
  })

  it('always-lead: a lead even when the account exists, owned by the account SDR; and without an account, the default owner', async () => {
    const r = await f.export('leads', [jobChange('Amy', 'Always', 'amy@acme.com', { name: 'Acme Corp' }), jobChange('Bo', 'Blank', 'bo@nowhere-co.io', { name: 'Nowhere Co' })])
    const [withAccount, without] = r.outcomes
    assert.equal(withAccount?.object, 'Lead')
    assert.equal(byEmail('Lead', 'amy@acme.com')[0]?.OwnerId, sfUsers.sam)
    assert.equal(byEmail('Contact', 'amy@acme.com').length, 0)
    assert.match(withAccount?.reasons.find((x) => x.rule === 'record-type.lead')?.detail ?? '', /always-lead/)
    assert.equal(without?.object, 'Lead')
    assert.equal(byEmail('Lead', 'bo@nowhere-co.io')[0]?.OwnerId, sfUsers.dana)
  })

  it('contact-and-account: a contact on the matched account; otherwise a new account owned by accountOwner, created once for two people', async () => {
    const accountsBefore = f.live('Account').length
    const r = await f.export('cna', [
      jobChange('Cai', 'Match', 'cai@initech.com', { name: 'Initech' }),
      jobChange('Dee', 'Fresh', 'dee@freshco.io', { name: 'FreshCo', domain: 'freshco.io', city: 'Denver' }),
      jobChange('Eli', 'Fresh', 'eli@freshco.io', { name: 'FreshCo', domain: 'freshco.io' }),
    ])
    const [matched, first, second] = r.outcomes
    assert.equal(byEmail('Contact', 'cai@initech.com')[0]?.AccountId, sfAccounts.initech)
    assert.equal(matched?.account.created, false)
    assert.equal(f.live('Account').length, accountsBefore + 1, 'one new account for FreshCo')
    assert.equal(r.accountsCreated, 1)
    const account = f.live('Account').find((a) => a.Website === 'freshco.io')
    assert.equal(account?.Name, 'FreshCo')
    assert.equal(account?.OwnerId, sfUsers.alex, 'owned by accountOwner')
    assert.equal(account?.Type, 'Prospect')
    assert.equal(account?.BillingCity, 'Denver', 'an account takes the company location')
    assert.equal(first?.account.created, true)
    for (const email of ['dee@freshco.io', 'eli@freshco.io']) {
      const contact = byEmail('Contact', email)[0]
      assert.equal(contact?.AccountId, account?.Id)
      // accountOwnerField is OwnerId, so the contacts follow the new account's owner.
      assert.equal(contact?.OwnerId, sfUsers.alex)
    }
    assert.ok(rules(first!).includes('record-type.contact-and-account'))
    assert.equal(second?.account.id, account?.Id)
    const history = await f.app.store.getRecordHistory('sfdc', String(account?.Id))
    assert.equal(history[0]?.action, 'create')
    assert.ok(history[0]?.reasons.some((x) => x.rule === 'owner.account-owner'))
  })

  it('matches the parent when a parent and its child share the domain', async () => {
    const r = await f.export('cail', [jobChange('Pam', 'Parent', 'pam@hooli.com', { name: 'Hooli Europe' })])
    assert.equal(byEmail('Contact', 'pam@hooli.com')[0]?.AccountId, sfAccounts.hooli)
    assert.match(only(r.outcomes).account.reason.detail, /parent/)
  })

  it('never matches an account on a free-mail domain', async () => {
    const r = await f.export('cail', [jobChange('Gail', 'Free', 'gail.free@gmail.com', { name: 'Some Startup Nobody Knows' })])
    const o = only(r.outcomes)
    assert.equal(o.object, 'Lead')
    assert.match(o.account.reason.detail, /free-mail/)
  })
})

describe('salesforce export: existing records first', () => {
  it('updates an existing lead found by email instead of creating one', async () => {
    const leadsBefore = f.live('Lead').length
    const r = await f.export('cail', [jobChange('Lena', 'Lead', 'LENA@nomatch.io', { name: 'Nomatch' })])
    const o = only(r.outcomes)
    assert.equal(o.outcome, 'updated')
    assert.equal(o.recordId, sfId('Lead', 1))
    assert.equal(f.live('Lead').length, leadsBefore)
    assert.equal(byEmail('Lead', 'lena@nomatch.io')[0]?.Title, 'VP Sales')
    assert.ok(rules(o).includes('existing.email'))
  })

  it('finds the existing lead the same way when leads are read in full (large files)', async () => {
    const r = await f.export('cail', [jobChange('Lena', 'Lead', 'lena@nomatch.io', { name: 'Nomatch' }, { person: { title: 'Director' } })], { leadIndex: 'read' })
    const o = only(r.outcomes)
    assert.equal(o.outcome, 'updated')
    assert.equal(o.recordId, sfId('Lead', 1))
    assert.match(r.notes[0] ?? '', /leads read in full/)
    assert.equal(byEmail('Lead', 'lena@nomatch.io')[0]?.Title, 'Director')
  })

  it('updates an existing contact found by name and company domain, not duplicated', async () => {
    const contactsBefore = f.live('Contact').length
    const r = await f.export('cail', [jobChange('Nia', 'Noemail', 'nia.new@acme.com', { name: 'Acme', domain: 'acme.com' })])
    const o = only(r.outcomes)
    assert.equal(o.outcome, 'updated')
    assert.equal(o.recordId, sfId('Contact', 4))
    assert.equal(f.live('Contact').length, contactsBefore)
    assert.ok(rules(o).includes('existing.name-domain'))
  })
})

describe('salesforce export: ownership', () => {
  it('falls back to the default owner when the account owner field holds an inactive user', async () => {
    const r = await f.export('cail', [jobChange('Ian', 'Initech', 'ian@initech.com', { name: 'Initech' })])
    const o = only(r.outcomes)
    assert.equal(byEmail('Contact', 'ian@initech.com')[0]?.OwnerId, sfUsers.dana)
    assert.equal(o.owner.reason.rule, 'owner.default')
    assert.match(o.owner.reason.detail, /inactive/)
  })

  it('falls back to the default owner when the account owner field is empty', async () => {
    const r = await f.export('cail', [jobChange('Uma', 'Umbrella', 'uma@umbrella.com', { name: 'Umbrella' })])
    assert.equal(byEmail('Contact', 'uma@umbrella.com')[0]?.OwnerId, sfUsers.dana)
    assert.match(only(r.outcomes).owner.reason.detail, /SDR_Owner__c of account "Umbrella Holdings" .* is empty/)
  })

  it('reassignExisting on: an existing contact gets the account SDR as owner', async () => {
    const r = await f.export('reassign', [jobChange('Rhea', 'Reassign', 'rhea@acme.com', { name: 'Acme' })])
    const o = only(r.outcomes)
    assert.equal(o.outcome, 'updated')
    assert.equal(byEmail('Contact', 'rhea@acme.com')[0]?.OwnerId, sfUsers.sam)
    assert.equal(o.before.OwnerId, sfUsers.rob)
    assert.match(o.owner.reason.detail, /reassignExisting is on/)
  })

  it('reassignExisting off: an existing contact keeps its owner', async () => {
    const r = await f.export('cail', [jobChange('Kim', 'Kept', 'kim@acme.com', { name: 'Acme' })])
    const o = only(r.outcomes)
    assert.equal(byEmail('Contact', 'kim@acme.com')[0]?.OwnerId, sfUsers.rob)
    assert.equal(o.owner.reason.rule, 'owner.kept')
    assert.equal('OwnerId' in o.fields, false)
  })

  it('round robin skips the inactive user and keeps its turn across runs', async () => {
    const run = async (n: number): Promise<SignalOutcome> => only((await f.export('rr', [jobChange('Robin', `Turn${n}`, `turn${n}@rr-nowhere.io`, { name: `Nowhere ${n}` })])).outcomes)
    const first = await run(1)
    const second = await run(2)
    const third = await run(3)
    assert.deepEqual([1, 2, 3].map((n) => byEmail('Lead', `turn${n}@rr-nowhere.io`)[0]?.OwnerId), [sfUsers.rita, sfUsers.rob, sfUsers.rita])
    assert.match(first.owner.reason.detail, /turn 1 of 3 went to Rita/)
    assert.match(second.owner.reason.detail, /skipped Ivan Inactive .* \(inactive\)/)
    assert.match(third.owner.reason.detail, /turn 1 of 3/)
  })

  it('assignment rules: a lead without an account is created with Sforce-Auto-Assign and the rule picks its owner', async () => {
    const r = await f.export('rules', [jobChange('Cal', 'Ifornia', 'cal@sunny-nowhere.io', { name: 'Sunny Nowhere' }, { person: { state: 'CA' } })])
    assert.equal(byEmail('Lead', 'cal@sunny-nowhere.io')[0]?.OwnerId, sfUsers.ada)
    assert.equal(only(r.outcomes).owner.reason.rule, 'owner.assignment-rules')
  })
})

describe('salesforce export: field rows', () => {
  it('update-if-empty fills an empty field and leaves a filled one alone', async () => {
    const r = await f.export('fill', [jobChange('Carl', 'Contact', 'carl@acme.com', { name: 'Acme' }, { person: { phone: '+1 555 9999', city: 'Austin', title: 'CRO' } })])
    const o = only(r.outcomes)
    const [carl] = byEmail('Contact', 'carl@acme.com')
    assert.equal(carl?.Phone, '+1 555 0100', 'a filled field is left alone')
    assert.equal(carl?.MailingCity, 'Austin', 'an empty field is filled')
    assert.equal(carl?.Title, 'CRO', 'update overwrites')
    assert.ok(o.reasons.some((x) => x.rule === 'field.kept' && x.detail.startsWith('Phone:')))
  })

  it('location rows take the person city by default and the company city when the target says so', async () => {
    const signal = (last: string, email: string) => jobChange('Lo', last, email, { name: 'Placeless Co', city: 'Seattle' }, { person: { city: 'Portland' } })
    await f.export('leads', [signal('Person', 'lo.person@placeless.io')])
    await f.export('by-company', [signal('Company', 'lo.company@placeless.io')])
    assert.equal(byEmail('Lead', 'lo.person@placeless.io')[0]?.City, 'Portland')
    assert.equal(byEmail('Lead', 'lo.company@placeless.io')[0]?.City, 'Seattle')
  })
})

describe('salesforce export: plan, explain and idempotency', () => {
  it('plan shows the record, account, owner and fields of every signal and writes nothing', async () => {
    const leads = f.live('Lead').length
    const runs = (await f.app.store.listRuns(100)).length
    const r = await f.export('cail', [jobChange('Pia', 'Plan', 'pia@acme.com', { name: 'Acme' }), jobChange('Pete', 'Plan', 'pete@plan-nowhere.io', { name: 'Plan Nowhere' })], { dryRun: true })
    assert.deepEqual(r.outcomes.map((o) => [o.outcome, o.object]), [['created', 'Contact'], ['created', 'Lead']])
    assert.equal(r.outcomes[0]?.owner.id, sfUsers.sam)
    assert.equal(r.outcomes[1]?.fields.Status, 'Open')
    assert.equal(f.live('Lead').length, leads)
    assert.equal(byEmail('Contact', 'pia@acme.com').length, 0)
    assert.equal((await f.app.store.listRuns(100)).length, runs, 'no run recorded')
    assert.equal((await f.app.store.findSignals('cail', r.outcomes.map((o) => o.key))).size, 0)
  })

  it('explain: the run items say why a record is a lead and why it has its owner', async () => {
    const r = await f.export('cail', [jobChange('Ezra', 'Explain', 'ezra@explain-nowhere.io', { name: 'Explain Nowhere' })])
    const history = await f.app.store.getRecordHistory('sfdc', String(only(r.outcomes).recordId))
    const item = history.at(-1)!
    assert.equal(item.action, 'create')
    assert.equal(item.object, 'Lead')
    assert.match(item.reasons.find((x) => x.rule === 'record-type.lead')?.detail ?? '', /no account matches/)
    assert.ok(item.reasons.some((x) => x.rule === 'owner.default'))
    assert.equal(item.after.OwnerId, sfUsers.dana)
  })

  it('a signal file processed twice changes nothing the second time', async () => {
    const signals = [jobChange('Twi', 'Ce', 'twice@acme.com', { name: 'Acme' }), jobChange('Two', 'Times', 'two@twice-nowhere.io', { name: 'Twice Nowhere' })]
    const path = await f.file('twice.jsonl', signals.map((s) => JSON.stringify(s)).join('\n'))
    const first = await f.exportFile('cail', path)
    assert.equal(first.counts.created, 2)
    const snapshot = JSON.stringify([f.live('Lead'), f.live('Contact'), f.live('Account')])
    const second = await f.exportFile('cail', path)
    assert.equal(second.alreadyProcessed, 2)
    assert.deepEqual(second.counts, { created: 0, updated: 0, skipped: 0, failed: 0 })
    assert.equal(JSON.stringify([f.live('Lead'), f.live('Contact'), f.live('Account')]), snapshot)
  })
})

describe('salesforce export: config checked against the org before any write', () => {
  it('a required field no row fills is a config error naming the field and the fix', async () => {
    const base = salesforceScenarioSeed()
    const seed = { ...base, customFields: { ...base.customFields, Lead: [...(base.customFields?.Lead ?? []), { name: 'UG_Source__c', type: 'string', nillable: false, label: 'UG Source' }] } }
    const g = await startSalesforceExport(seed, `  strict:\n    system: sfdc\n    recordSync: always-lead\n    defaultOwner: dana@acme-org.test\n`)
    try {
      const leads = g.live('Lead').length
      await assert.rejects(g.export('strict', [jobChange('Req', 'Uired', 'req@nowhere-req.io', { name: 'Req Co' })]), (error: unknown) => {
        assert.ok(error instanceof ConfigError)
        assert.match(error.message, /revsync\.yaml:\d+ exports\.strict\.fields\.lead: sfdc Lead requires "UG_Source__c" \(UG Source\) on create and no row fills it; add \{ field: UG_Source__c/)
        return true
      })
      assert.equal(g.live('Lead').length, leads)
      const [run] = await g.app.store.listRuns(1)
      assert.equal(run?.status, 'failed')
    } finally {
      await g.close()
    }
  })

  it('an unknown default owner and an unknown field are reported together', async () => {
    const g = await startSalesforceExport(salesforceScenarioSeed(), `  typo:\n    system: sfdc\n    defaultOwner: nobody@acme-org.test\n    fields:\n      lead:\n        - { field: LinkedIn_c, source: { dynamic: person.linkedinUrl } }\n`)
    try {
      await assert.rejects(g.export('typo', [jobChange('Ty', 'Po', 'ty@typo.io', { name: 'Typo' })]), /Lead has no field "LinkedIn_c"; did you mean "LinkedIn__c"/)
    } finally {
      await g.close()
    }
  })
})
