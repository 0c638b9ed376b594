import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { ConnectorError } from '../../domain/connector.js'
import type { Page, RemoteRecord, WriteOp } from '../../domain/records.js'
import { generateSugarSeed } from '../../sandbox/sugarcrm/generate-seed.js'
import { startSugarSim } from '../../sandbox/sugarcrm/sim.js'
import type { SugarSim } from '../../sandbox/sugarcrm/sim.js'
import { sugarTestClient } from '../../sandbox/sugarcrm/test-client.js'
import { createSugarCrmConnector } from './connector.js'

async function collect(pages: AsyncIterable<Page>): Promise<Page[]> {
  const out: Page[] = []
  for await (const page of pages) out.push(page)
  return out
}
const ids = (pages: Page[]): string[] => pages.flatMap((p) => p.records.map((r) => r.id))

describe('SugarCRM connector', () => {
  let sim: SugarSim
  let now = Date.parse('2026-11-22T16:27:42.250Z')
  const seed = generateSugarSeed({ contacts: 60, leads: 4, accounts: 5 })
  const [, rep, rep2] = seed.users!
  const inactive = seed.users!.find((u) => u.status === 'Inactive')!
  const connect = () =>
    createSugarCrmConnector({ kind: 'sugarcrm', url: sim.url, auth: { username: 'admin', password: 'sandbox-password' } }, { sleep: async () => {} })

  // A page cap of 25 (an instance with a low max_num) makes 60 records span several pages.
  before(async () => {
    sim = await startSugarSim({ seed, now: () => now, maxNum: 25 })
  })
  after(() => sim.close())

  it('describes a module from /metadata and /lang', async () => {
    const schema = await connect().describe('Contacts')
    assert.equal(schema.label, 'Contacts')
    const field = (name: string) => schema.fields.find((f) => f.name === name)
    assert.deepEqual(field('last_name'), { name: 'last_name', label: 'Last Name', type: 'string', required: true, createable: true, updateable: true })
    assert.equal(field('email1')?.type, 'email')
    assert.ok(field('lead_source')?.options?.includes('Web Site'))
    assert.deepEqual([field('assigned_user_id')?.type, field('assigned_user_id')?.referenceTo], ['reference', 'Users'])
    assert.deepEqual([field('account_id')?.createable, field('account_id')?.referenceTo], [true, 'Accounts'])
    assert.deepEqual([field('account_name')?.updateable, field('assigned_user_name')?.createable, field('name')?.updateable], [false, false, false])
    assert.equal(field('past_company_c')?.label, 'Past Company')
    assert.equal(field('email'), undefined)
    assert.deepEqual(schema.relationships, [
      { name: 'owner', field: 'assigned_user_id', target: 'user' },
      { name: 'company', field: 'account_id', target: 'company' },
    ])
    const leads = await connect().describe('Leads')
    assert.equal(leads.fields.find((f) => f.name === 'account_name')?.createable, true)
    assert.equal(leads.fields.some((f) => f.name === 'converted' || f.name === 'contact_id'), false)
    const accounts = await connect().describe('Accounts')
    assert.deepEqual(accounts.relationships.map((r) => r.name), ['owner', 'parent'])
    await assert.rejects(connect().describe('Contact'), (e: unknown) => e instanceof ConnectorError && e.code === 'bad_request')
  })

  it('reads everything oldest first across pages, then only what changed since the cursor', async () => {
    const connector = connect()
    const pages = await collect(connector.read('Contacts'))
    assert.ok(pages.length >= 3, `expected several pages, got ${pages.length}`)
    assert.equal(new Set(ids(pages)).size, 60)
    const stamps = pages.flatMap((p) => p.records.map((r) => r.modifiedAt))
    assert.deepEqual(stamps, [...stamps].sort())
    const cursor = pages.at(-1)!.cursor
    assert.equal(cursor.value, stamps.at(-1))
    now += 5000
    const api = await sugarTestClient(sim)
    const edited = seed.contacts![7]!.id as string
    await api.call('PUT', `/rest/v11/Contacts/${edited}`, { title: 'Edited in Sugar' })
    const next = await collect(connector.read('Contacts', cursor))
    const records = next.flatMap((p) => p.records)
    assert.ok(records.some((r) => r.id === edited && r.fields.title === 'Edited in Sugar'))
    // GTE on the cursor's second brings back the boundary records, and nothing older.
    assert.ok(records.every((r) => r.id === edited || r.modifiedAt === cursor.value))
  })

  it('walks through a second shared by more records than a page, and survives edits during the read', async () => {
    const connector = connect()
    now += 60_000
    const start = new Date(now).toISOString()
    const ops: WriteOp[] = Array.from({ length: 70 }, (_, i) => ({ kind: 'create', ref: `c${i}`, fields: { last_name: `Crowd ${i}` } }))
    const created = await connector.write('Contacts', ops)
    assert.ok(created.every((r) => r.ok))
    const seen: string[] = []
    const api = await sugarTestClient(sim)
    let edits = 0
    for await (const page of connector.read('Contacts', { value: start })) {
      seen.push(...page.records.map((r) => r.id))
      if (edits++ === 0) {
        // Moving an unread record and a read one to the end shifts offsets: keyset paging must not skip.
        now += 1000
        const unread = created.at(-1)!
        const read = created[0]!
        for (const r of [unread, read]) if (r.ok) await api.call('PUT', `/rest/v11/Contacts/${r.id}`, { title: 'moved' })
      }
    }
    const want = created.map((r) => (r.ok ? r.id : ''))
    assert.deepEqual(want.filter((id) => !seen.includes(id)), [])
    assert.ok(seen.length <= 72, `no endless loop over the crowded second (${seen.length})`)
  })

  it('reports owner, company and parent as refs, with read-only relate names as plain fields', async () => {
    const pages = await collect(connect().read('Contacts'))
    const sample = seed.contacts![2]!
    const rec = pages.flatMap((p) => p.records).find((r) => r.id === sample.id)!
    assert.deepEqual(rec.refs, { owner: sample.assigned_user_id, company: sample.account_id })
    assert.equal('assigned_user_id' in rec.fields || 'account_id' in rec.fields, false)
    assert.equal(rec.fields.email1, sample.email1)
    assert.equal(typeof rec.fields.assigned_user_name, 'string')
    assert.match(rec.modifiedAt, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/)
    const accountId = seed.accounts![0]!.id!
    const [child] = await connect().write('Accounts', [{ kind: 'create', ref: 'a', fields: { name: 'Child Co' }, refs: { parent: accountId, owner: rep2!.id } }])
    assert.ok(child?.ok)
    const stored = sim.state.store.modules.Accounts.get(child.id)!
    assert.deepEqual([stored.values.parent_id, stored.values.assigned_user_id], [accountId, rep2!.id])
  })

  it('looks up by email in $in chunks of 1,000, grouped by the normalized value', async () => {
    const connector = connect()
    const emails = seed.contacts!.slice(0, 20).map((c) => String(c.email1))
    const values = [...emails.map((e) => ` ${e.toUpperCase()} `), ...Array.from({ length: 1000 }, (_, i) => `nobody${i}@nowhere.test`)]
    await connector.users()
    const before = connector.callCount()
    const found = await connector.lookup('Contacts', { field: 'email1', values })
    assert.equal(connector.callCount() - before, 2, '1,020 values: two chunks, each one page')
    assert.equal(found.size, 20)
    const first = found.get(emails[0]!)
    assert.equal(first?.length, 1)
    assert.equal(first?.[0]?.id, seed.contacts![0]!.id)
    const byId = await connector.lookup('Accounts', { field: 'id', values: [seed.accounts![1]!.id!, 'missing'] })
    assert.deepEqual([...byId.keys()], [seed.accounts![1]!.id])
    assert.equal(byId.get(seed.accounts![1]!.id!)?.[0]?.fields.name, seed.accounts![1]!.name)
  })

  it('creates and updates in one bulk call, reporting bad records as data', async () => {
    const connector = connect()
    const existing = seed.contacts![5]!.id as string
    const ops: WriteOp[] = [
      { kind: 'create', ref: 'good', fields: { first_name: 'Gina', last_name: 'Good', email1: 'gina@good.test' }, refs: { owner: rep!.id } },
      { kind: 'create', ref: 'no-last-name', fields: { first_name: 'Nameless' } },
      { kind: 'create', ref: 'inactive-owner', fields: { last_name: 'Orphan' }, refs: { owner: inactive.id } },
      { kind: 'update', ref: 'upd', id: existing, fields: { title: 'Updated', phone_mobile: null } },
      { kind: 'update', ref: 'gone', id: '00000000-0000-4000-8000-000000000000', fields: { title: 'x' } },
      { kind: 'create', ref: 'bad-ref', fields: { last_name: 'X' }, refs: { parent: 'y' } },
    ]
    const before = connector.callCount()
    const results = await connector.write('Contacts', ops)
    assert.equal(connector.callCount() - before, 2, 'login + one bulk call')
    assert.deepEqual(results.map((r) => r.ref), ops.map((o) => o.ref))
    assert.deepEqual(results.map((r) => (r.ok ? 'ok' : r.code)), ['ok', 'required_missing', 'inactive_owner', 'ok', 'not_found', 'invalid'])
    const failed = results[1]!
    assert.ok(!failed.ok && failed.vendorCode === 'missing_parameter' && failed.message === 'Missing parameter: last_name')
    const good = results[0]!
    assert.ok(good.ok && good.modifiedAt)
    const stored = sim.state.store.modules.Contacts.get(good.id)!
    assert.deepEqual([stored.values.assigned_user_id, stored.email[0]?.email_address], [rep!.id, 'gina@good.test'])
    assert.equal(sim.state.store.modules.Contacts.get(existing)?.values.title, 'Updated')
    assert.equal(sim.state.records('Contacts').filter((r) => r.values.last_name === 'Orphan').length, 0)
  })

  it('removes through /bulk DELETEs, a missing id counting as already gone', async () => {
    const connector = connect()
    const [a, b] = [seed.contacts![11]!.id as string, seed.contacts![12]!.id as string]
    const missing = '00000000-0000-4000-8000-00000000dead'
    const before = connector.callCount()
    const results = await connector.remove('Contacts', [a, missing, b])
    assert.equal(connector.callCount() - before, 2, 'login + one bulk call')
    assert.deepEqual(results, [
      { ok: true, ref: a, id: a },
      { ok: true, ref: missing, id: missing },
      { ok: true, ref: b, id: b },
    ])
    for (const id of [a, b]) assert.equal(sim.state.store.modules.Contacts.get(id)?.values.deleted, true)
    assert.equal(sim.state.records('Contacts').some((r) => r.id === a || r.id === b), false)
    // Removing again is idempotent; 150 ids take two bulk calls of at most 100.
    const again = await connector.remove('Contacts', [a, ...Array.from({ length: 149 }, (_, i) => `gone-${i}`)])
    assert.equal(connector.callCount() - before, 4)
    assert.equal(again.length, 150)
    assert.ok(again.every((r, i) => r.ok && r.ref === (i === 0 ? a : `gone-${i - 1}`)))
    const [unknown] = await connector.remove('Contact', [b])
    assert.ok(unknown && !unknown.ok && unknown.code === 'not_found' && unknown.vendorCode === 'no_method')
  })

  it('lists users with their active flag', async () => {
    const users = await connect().users()
    assert.equal(users.length, seed.users!.length)
    const gone = users.find((u) => u.id === inactive.id)
    assert.deepEqual(gone, { id: inactive.id, email: inactive.email1, firstName: inactive.first_name, lastName: inactive.last_name, active: false })
    assert.equal(users.filter((u) => u.active).length, seed.users!.length - 1)
  })

  it('shows a lead conversion in reads: convertedTo on the lead, the lead owner on the contact', async () => {
    const connector = connect()
    now += 60_000
    const since = { value: new Date(now).toISOString() }
    const lead = seed.leads![1]!
    const api = await sugarTestClient(sim)
    const res = await api.call('POST', `/rest/v11/Leads/${lead.id}/convert`, { modules: { Contacts: {}, Accounts: { name: 'Lead Co' } } })
    const [contact, account] = res.body.modules as { id: string }[]
    const leads = (await collect(connector.read('Leads', since))).flatMap((p) => p.records)
    const converted = leads.find((r) => r.id === lead.id)
    assert.deepEqual(converted?.convertedTo, { object: 'Contacts', id: contact!.id })
    assert.deepEqual(converted?.refs, { owner: lead.assigned_user_id, company: account!.id })
    assert.equal(converted?.fields.status, 'Converted')
    const contacts = (await collect(connector.read('Contacts', since))).flatMap((p) => p.records)
    const person = contacts.find((r) => r.id === contact!.id) as RemoteRecord
    assert.deepEqual(person.refs, { owner: lead.assigned_user_id, company: account!.id })
    assert.equal(person.fields.email1, lead.email1)
  })

  it('reports deleted records with deleted: true', async () => {
    const api = await sugarTestClient(sim)
    now += 60_000
    const since = { value: new Date(now).toISOString() }
    const id = seed.contacts![9]!.id as string
    await api.call('DELETE', `/rest/v11/Contacts/${id}`)
    const records = (await collect(connect().read('Contacts', since))).flatMap((p) => p.records)
    assert.deepEqual(records.map((r) => [r.id, r.deleted]), [[id, true]])
  })
})
