import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { SignalFileError } from '../src/app/export/read-signals.js'
import { jobChange, startSalesforceExport } from './support/export-fixture.js'
import type { ExportFixture } from './support/export-fixture.js'
import { salesforceScenarioSeed, sfUsers } from './support/export-seeds.js'
import type { SalesforceSim } from '../src/sandbox/salesforce/server.js'
import type { SfRecord } from '../src/sandbox/salesforce/state.js'

let f: ExportFixture & { sim: SalesforceSim; live(object: string): SfRecord[] }

before(async () => {
  f = await startSalesforceExport(salesforceScenarioSeed(), `  bulk:\n    system: sfdc\n    recordSync: always-lead\n    defaultOwner: dana@acme-org.test\n    batchSize: 150\n`)
})
after(() => f.close())

const signal = (i: number) => JSON.stringify({ id: `sig-${i}`, ...jobChange('Bulk', `Person${i}`, `bulk${i}@bulk-co-${i % 37}.io`, { name: `Bulk Co ${i % 37}` }) })

describe('signal files', () => {
  it('reports a malformed line of a 1,000-line file and lands the other 999, then a second run changes nothing', async () => {
    const lines = Array.from({ length: 1000 }, (_, i) => (i === 499 ? '{"person": {"firstName": "Bad", "email": "bad@"}, "company": {"name": "Broken"}}' : signal(i)))
    const path = await f.file('thousand.jsonl', `${lines.join('\n')}\n`)
    const leadsBefore = f.live('Lead').length
    const first = await f.exportFile('bulk', path)
    assert.equal(first.lines, 1000)
    assert.equal(first.invalidCount, 1)
    assert.equal(first.invalid[0]?.line, 500)
    assert.deepEqual(first.invalid[0]?.errors.map((e) => e.field), ['person.email'])
    assert.match(first.invalid[0]?.errors[0]?.message ?? '', /"bad@" is not an email address/)
    assert.equal(first.counts.created, 999)
    assert.equal(f.live('Lead').length, leadsBefore + 999)
    assert.ok(f.live('Lead').filter((l) => String(l.Email).startsWith('bulk')).every((l) => l.OwnerId === sfUsers.dana))
    const items = await f.app.store.getRunItems(first.runId)
    assert.ok(items.some((i) => i.action === 'fail' && i.entityId === 'line:500' && /person\.email/.test(i.reasons[0]?.detail ?? '')))

    const usage = f.sim.state.apiUsage
    const snapshot = JSON.stringify(f.live('Lead'))
    const second = await f.exportFile('bulk', path)
    assert.equal(second.alreadyProcessed, 999)
    assert.equal(second.counts.created + second.counts.updated, 0)
    assert.equal(JSON.stringify(f.live('Lead')), snapshot)
    assert.equal(f.sim.state.apiUsage, usage, 'nothing new to do: the CRM is not even read')
  })

  it('reads CSV with quoted commas, and a signal without an id is keyed by its content across formats', async () => {
    const csv = [
      'person.firstName,person.lastName,person.email,person.title,company.name,company.domain,jobStartedAt',
      'Cora,Csv,cora@csv-co.io,"Head of Sales, EMEA","Csv Co, Inc.",csv-co.io,2025-01-15',
      '',
      'Carl,Quote,carl.q@csv-co.io,"The ""Closer""",Csv Co,csv-co.io,',
    ].join('\r\n')
    const r = await f.export('bulk', csv, { file: 'people.csv' })
    assert.equal(r.counts.created, 2)
    const cora = f.live('Lead').find((l) => l.Email === 'cora@csv-co.io')
    assert.equal(cora?.Title, 'Head of Sales, EMEA')
    assert.equal(cora?.Company, 'Csv Co, Inc.')
    assert.equal(f.live('Lead').find((l) => l.Email === 'carl.q@csv-co.io')?.Title, 'The "Closer"')
    // The same signal as JSON, with other spacing: already processed.
    const json = { person: { firstName: ' Cora', lastName: 'Csv', email: 'cora@csv-co.io', title: 'Head of Sales, EMEA' }, company: { name: 'Csv Co, Inc.', domain: 'csv-co.io' }, jobStartedAt: '2025-01-15' }
    const again = await f.export('bulk', [json])
    assert.equal(again.alreadyProcessed, 1)
  })

  it('a line repeated in one file is processed once', async () => {
    const line = signal(5000)
    const r = await f.export('bulk', `${line}\n${line}\n`)
    assert.equal(r.counts.created, 1)
    assert.equal(r.duplicates, 1)
  })

  it('two signals about one person in one file create one lead, then update it', async () => {
    const a = jobChange('Dup', 'Licate', 'dup@dup-co.io', { name: 'Dup Co' })
    const b = jobChange('Dup', 'Licate', 'DUP@dup-co.io', { name: 'Dup Co' }, { person: { title: 'CEO' } })
    const r = await f.export('bulk', [a, b])
    assert.deepEqual(r.outcomes.map((o) => o.outcome), ['created', 'updated'])
    const leads = f.live('Lead').filter((l) => String(l.Email).toLowerCase() === 'dup@dup-co.io')
    assert.equal(leads.length, 1)
    assert.equal(leads[0]?.Title, 'CEO')
  })

  it('names the line, field and fix of each problem, and keeps going', async () => {
    const text = [
      'not json',
      '{"person": {"lastName": "X", "linkedInUrl": "u"}, "company": {"name": "Y"}}',
      '{"person": {"firstName": "No"}, "company": {}}',
      '{"person": {"lastName": "Ok", "email": "ok@fine-co.io"}, "company": {"name": "Fine"}, "jobStartedAt": "March 2025"}',
      '[1, 2]',
    ].join('\n')
    const r = await f.export('bulk', text)
    const messages = r.invalid.flatMap((l) => l.errors.map((e) => `line ${l.line} ${e.field}: ${e.message}; ${e.fix}`))
    assert.match(messages[0]!, /^line 1 \(line\): is not JSON/)
    assert.match(messages[1]!, /^line 2 person\.linkedInUrl: is not a signal field; did you mean person\.linkedinUrl\?/)
    assert.ok(messages.some((m) => /^line 3 person: needs an email or a last name/.test(m)))
    assert.ok(messages.some((m) => /^line 3 company: needs a name, a domain or a website/.test(m)))
    assert.ok(messages.some((m) => /^line 4 jobStartedAt: "March 2025" is not valid here; write a date such as 2025-03-01/.test(m)))
    assert.ok(messages.some((m) => /^line 5 \(line\): is not a JSON object/.test(m)))
    assert.equal(r.counts.created + r.counts.updated + r.counts.failed + r.counts.skipped, 0)
  })

  it('suggests the field a misplaced or misspelt key most likely meant', async () => {
    const text = [
      '{"email": "top@level-co.io", "person": {"lastName": "Top"}, "company": {"name": "Level"}}',
      '{"firstname": "Flo", "person": {"lastName": "Flat", "email": "flo@flat-co.io"}, "company": {"name": "Flat"}}',
      '{"person": {"lastName": "Dee", "domain": "dee-co.io"}, "company": {"name": "Dee Co"}}',
      '{"person": {"lastName": "Lin", "linkedin": "https://www.linkedin.com/in/lin"}, "company": {"name": "Lin Co", "domain": "lin-co.io"}}',
      '{"person": {"lastName": "Zed", "shoeSize": "44"}, "company": {"name": "Zed Co", "domain": "zed-co.io"}}',
    ].join('\n')
    const r = await f.export('bulk', text)
    const messages = r.invalid.flatMap((l) => l.errors.map((e) => `line ${l.line} ${e.field}: ${e.message}; ${e.fix}`))
    assert.deepEqual(messages, [
      'line 1 email: is not a signal field; did you mean person.email? (extra data goes under meta)',
      'line 2 firstname: is not a signal field; did you mean person.firstName? (extra data goes under meta)',
      'line 3 person.domain: is not a signal field; did you mean company.domain? (extra data goes under meta)',
      'line 4 person.linkedin: is not a signal field; did you mean person.linkedinUrl? (extra data goes under meta)',
      'line 5 person.shoeSize: is not a signal field; use the fields in docs/export.md; extra data goes under meta',
    ])
    await assert.rejects(f.export('bulk', 'email,company.name\nx@y.io,Y\n', { file: 'flat-header.csv' }), /line 1, column 1: "email" is not a signal field; did you mean person\.email\?/)
  })

  it('a signal that cannot be written fails with its reason, stays failed on a rerun, and is retried with --retry-failed', async () => {
    const broken = { id: 'fix-me', person: { email: 'nolast@fix-co.io' }, company: { name: 'Fix Co' } }
    const first = await f.export('bulk', [broken])
    const o = first.outcomes[0]
    assert.equal(o?.outcome, 'failed')
    assert.match(o?.reasons.at(-1)?.detail ?? '', /Lead requires LastName and this signal has no value for it/)
    const stored = await f.app.store.findSignals('bulk', ['id:fix-me'])
    assert.equal(stored.get('id:fix-me')?.status, 'failed')
    const again = await f.export('bulk', [broken])
    assert.equal(again.alreadyProcessed, 1)
    const fixed = { ...broken, person: { ...broken.person, lastName: 'Fixed' } }
    const retried = await f.export('bulk', [fixed], { retryFailed: true })
    assert.equal(retried.outcomes[0]?.outcome, 'created')
    assert.equal((await f.app.store.findSignals('bulk', ['id:fix-me'])).get('id:fix-me')?.status, 'done')
  })

  it('a CSV column that is not a signal field stops the file before anything is written', async () => {
    await assert.rejects(f.export('bulk', 'person.email,company.nam\nx@y.io,Y\n', { file: 'bad-header.csv' }), (error: unknown) => {
      assert.ok(error instanceof SignalFileError)
      assert.match(error.message, /line 1, column 2: "company\.nam" is not a signal field; did you mean company\.name\?/)
      return true
    })
  })
})
