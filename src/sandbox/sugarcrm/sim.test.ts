import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { generateSugarSeed } from './generate-seed.js'
import { startSugarSim } from './sim.js'
import type { SugarSim } from './sim.js'
import { sugarTestClient } from './test-client.js'
import type { Loose, SugarTestClient } from './test-client.js'

const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$/
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

describe('SugarCRM simulator', () => {
  let sim: SugarSim
  let api: SugarTestClient
  let now = Date.parse('2026-11-22T16:27:42.250Z')
  const seed = generateSugarSeed({ contacts: 60, leads: 5, accounts: 4 })
  const users = seed.users ?? []
  const inactive = users.find((u) => u.status === 'Inactive')!
  const rep = users[1]!

  before(async () => {
    sim = await startSugarSim({ seed, now: () => now })
    api = await sugarTestClient(sim)
  })
  after(() => sim.close())

  const token = (body: Record<string, string>) =>
    fetch(`${sim.url}/rest/v11/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ client_id: 'sugar', client_secret: '', platform: 'revsync', ...body }),
    }).then(async (r) => ({ status: r.status, body: (await r.json()) as Record<string, unknown> }))

  it('grants tokens, rotates refresh tokens and rejects stale ones with Sugar error bodies', async () => {
    const bad = await token({ grant_type: 'password', username: 'admin', password: 'nope' })
    assert.equal(bad.status, 401)
    assert.deepEqual(bad.body, { error: 'need_login', error_message: 'You must specify a valid username and password.' })
    const first = await token({ grant_type: 'password', username: 'admin', password: 'sandbox-password' })
    assert.equal(first.body.expires_in, 3600)
    const second = await token({ grant_type: 'refresh_token', refresh_token: String(first.body.refresh_token) })
    assert.equal(second.status, 200)
    const reused = await token({ grant_type: 'refresh_token', refresh_token: String(first.body.refresh_token) })
    assert.equal(reused.status, 400)
    assert.equal(reused.body.error, 'invalid_grant')
    const noToken = await fetch(`${sim.url}/rest/v11/Contacts`)
    assert.equal(noToken.status, 401)
    assert.equal(((await noToken.json()) as { error: string }).error, 'need_login')
  })

  it('expires access tokens by the clock and through the control route', async () => {
    const caller = await sugarTestClient(sim)
    now += 3601_000
    assert.equal((await caller.call('GET', '/rest/v11/Users')).body.error, 'invalid_grant')
    const fresh = await sugarTestClient(sim)
    const res = await fetch(`${sim.url}/rest/v11/__sandbox/expire-tokens`, { method: 'POST' })
    assert.equal(res.status, 200)
    const expired = await fresh.call('GET', '/rest/v11/Users')
    assert.equal(expired.status, 401)
    assert.equal(expired.body.error_message, 'The access token provided is invalid.')
    api = await sugarTestClient(sim)
  })

  it('filters with GET bracket arguments and POST bodies alike, case-insensitively', async () => {
    const email = seed.contacts![3]!.email1 as string
    const post = await api.call('POST', '/rest/v11/Contacts/filter', { filter: [{ email1: { $in: [email.toUpperCase()] } }] })
    assert.equal(post.body.records.length, 1)
    assert.equal(post.body.records[0].email1, email)
    const q = `filter[0][$or][0][last_name][$starts]=sm&filter[0][$or][1][first_name][$equals]=AVA&max_num=200`
    const get = await api.call('GET', `/rest/v11/Contacts/filter?${q}`)
    const expected = seed.contacts!.filter((c) => String(c.last_name).toLowerCase().startsWith('sm') || c.first_name === 'Ava')
    assert.equal(get.body.records.length, expected.length)
    const json = await api.call('GET', `/rest/v11/Contacts/filter?filter=${encodeURIComponent(JSON.stringify([{ email1: email }]))}`)
    assert.equal(json.body.records[0].id, post.body.records[0].id)
  })

  it('pages with max_num (default 20, capped at 1000) and next_offset, ordered by date_modified then id', async () => {
    const page1 = await api.call('POST', '/rest/v11/Contacts/filter', { order_by: 'date_modified:ASC,id:ASC' })
    assert.equal(page1.body.records.length, 20)
    assert.equal(page1.body.next_offset, 20)
    const all = await api.call('POST', '/rest/v11/Contacts/filter', { order_by: 'date_modified:ASC,id:ASC', max_num: 5000, fields: 'last_name' })
    assert.equal(all.body.records.length, 60)
    assert.equal(all.body.next_offset, -1)
    const keys = all.body.records.map((r: Loose) => `${r.date_modified}|${r.id}`)
    assert.deepEqual(keys, [...keys].sort())
    assert.match(all.body.records[0].date_modified, iso)
    assert.deepEqual(Object.keys(all.body.records[0]).sort(), ['_acl', '_module', 'assigned_user_id', 'created_by', 'date_modified', 'deleted', 'id', 'last_name'])
    const gte = all.body.records[10].date_modified
    const since = await api.call('POST', '/rest/v11/Contacts/filter', { filter: [{ date_modified: { $gte: gte } }], max_num: 1000 })
    assert.equal(since.body.records.length, all.body.records.filter((r: Loose) => r.date_modified >= gte).length)
  })

  it('answers 422 invalid_parameter for unknown fields and operands', async () => {
    const field = await api.call('POST', '/rest/v11/Contacts/filter', { filter: [{ nope: 'x' }] })
    assert.deepEqual([field.status, field.body], [422, { error: 'invalid_parameter', error_message: 'Unknown field nope' }])
    const op = await api.call('POST', '/rest/v11/Contacts/filter', { filter: [{ last_name: { $like: 'x' } }] })
    assert.equal(op.body.error_message, 'Did not recognize the operand: $like')
  })

  it('creates with UUID v4 ids and second-resolution timestamps, enforcing required fields and active owners', async () => {
    const a = await api.call('POST', '/rest/v11/Contacts', { last_name: 'One', email1: 'One@Example.com' })
    const b = await api.call('POST', '/rest/v11/Contacts', { last_name: 'Two' })
    assert.match(a.body.id, uuid)
    assert.equal(a.body.date_modified, b.body.date_modified, 'two saves in one second share the timestamp')
    assert.deepEqual(a.body.email, [{ email_address: 'One@Example.com', primary_address: true, opt_out: false, invalid_email: false, reply_to_address: false }])
    const missing = await api.call('POST', '/rest/v11/Leads', { first_name: 'No' })
    assert.deepEqual([missing.status, missing.body], [422, { error: 'missing_parameter', error_message: 'Missing parameter: last_name' }])
    assert.equal((await api.call('POST', '/rest/v11/Accounts', { website: 'x.com' })).body.error_message, 'Missing parameter: name')
    const toInactive = await api.call('POST', '/rest/v11/Contacts', { last_name: 'X', assigned_user_id: inactive.id })
    assert.equal(toInactive.status, 422)
    assert.match(toInactive.body.error_message, /assigned_user_id: user .* is Inactive/)
    const toUnknown = await api.call('PUT', `/rest/v11/Contacts/${a.body.id}`, { assigned_user_id: 'no-such-user' })
    assert.match(toUnknown.body.error_message, /no user with id no-such-user/)
    const blanked = await api.call('PUT', `/rest/v11/Contacts/${a.body.id}`, { last_name: '' })
    assert.equal(blanked.body.error, 'missing_parameter')
  })

  it('keeps email1 and the email array consistent both ways', async () => {
    const c = await api.call('POST', '/rest/v11/Contacts', {
      last_name: 'Mail',
      email: [{ email_address: 'second@x.com' }, { email_address: 'first@x.com', primary_address: true }],
    })
    assert.equal(c.body.email1, 'first@x.com')
    const moved = await api.call('PUT', `/rest/v11/Contacts/${c.body.id}`, { email1: 'new@x.com' })
    assert.deepEqual(moved.body.email.map((e: Loose) => [e.email_address, e.primary_address]), [['new@x.com', true], ['second@x.com', false]])
    const cleared = await api.call('PUT', `/rest/v11/Contacts/${c.body.id}`, { email1: '' })
    assert.equal(cleared.body.email1, 'second@x.com')
  })

  it('runs /bulk sub-requests with per-request results and refuses more than 100', async () => {
    const requests = [
      { url: '/v11/Contacts', method: 'POST', data: JSON.stringify({ last_name: 'Bulk', assigned_user_id: rep.id }) },
      { url: '/v11/Contacts', method: 'POST', data: JSON.stringify({ first_name: 'NoLast' }) },
      { url: '/v11/Contacts/missing-id', method: 'PUT', data: JSON.stringify({ title: 'x' }) },
    ]
    const res = await api.call('POST', '/rest/v11/bulk', { requests })
    assert.deepEqual(res.body.map((r: Loose) => r.status), [200, 422, 404])
    assert.equal(res.body[0].contents.assigned_user_name, `${rep.first_name} ${rep.last_name}`)
    assert.equal(res.body[2].contents.error, 'not_found')
    const tooMany = await api.call('POST', '/rest/v11/bulk', { requests: Array.from({ length: 101 }, () => requests[0]) })
    assert.equal(tooMany.status, 413)
    assert.equal(sim.calls.get('bulk'), 2)
  })

  it('fails chosen /bulk sub-requests with 503 without running them (partial batch failures)', async () => {
    const control = await fetch(`${sim.url}/rest/v11/__sandbox/bulk-faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ failEvery: 2, failCount: 1 }),
    })
    assert.equal(control.status, 200)
    const before = sim.state.records('Contacts').length
    const requests = ['A', 'B', 'C'].map((n) => ({ url: '/v11/Contacts', method: 'POST', data: JSON.stringify({ last_name: `Partial ${n}` }) }))
    const res = await api.call('POST', '/rest/v11/bulk', { requests })
    assert.deepEqual(res.body.map((r: Loose) => r.status), [200, 503, 200])
    assert.equal(res.body[1].contents.error, 'service_unavailable')
    assert.equal(sim.state.records('Contacts').length, before + 2)
  })

  it('converts a lead: the contact takes the lead owner and email, the lead records contact_id and account_id', async () => {
    const lead = seed.leads![0]!
    const res = await api.call('POST', `/rest/v11/Leads/${lead.id}/convert`, { modules: { Contacts: { title: 'CTO' }, Accounts: { name: 'Converted Co' } } })
    assert.equal(res.status, 200)
    const [contact, account] = res.body.modules
    assert.deepEqual([contact._module, account._module], ['Contacts', 'Accounts'])
    assert.equal(contact.assigned_user_id, lead.assigned_user_id)
    assert.equal(contact.email1, lead.email1)
    assert.equal(contact.last_name, lead.last_name)
    assert.equal(contact.account_id, account.id)
    const after = await api.call('GET', `/rest/v11/Leads/${lead.id}`)
    assert.deepEqual([after.body.converted, after.body.status, after.body.contact_id, after.body.account_id], [true, 'Converted', contact.id, account.id])
    const again = await api.call('POST', `/rest/v11/Leads/${lead.id}/convert`, { modules: { Contacts: {} } })
    assert.equal(again.status, 422)
  })

  it('soft-deletes: gone from lists and reads, back with deleted=true', async () => {
    const id = seed.contacts![0]!.id as string
    assert.equal((await api.call('DELETE', `/rest/v11/Contacts/${id}`)).status, 200)
    assert.equal((await api.call('GET', `/rest/v11/Contacts/${id}`)).status, 404)
    const plain = await api.call('POST', '/rest/v11/Contacts/filter', { filter: [{ id }] })
    assert.equal(plain.body.records.length, 0)
    const withDeleted = await api.call('POST', '/rest/v11/Contacts/filter', { filter: [{ id }], deleted: true })
    assert.equal(withDeleted.body.records[0].deleted, true)
  })

  it('serves vardefs through /metadata and labels and dropdowns through /lang', async () => {
    const meta = await api.call('GET', '/rest/v11/metadata?type_filter=modules&module_filter=Contacts')
    const fields = meta.body.modules.Contacts.fields
    assert.deepEqual(Object.keys(meta.body.modules), ['Contacts'])
    assert.equal(fields.last_name.required, true)
    assert.equal(fields.lead_source.options, 'lead_source_dom')
    assert.deepEqual([fields.account_id.module, fields.account_name.id_name], ['Accounts', 'account_id'])
    const lang = await api.call('GET', '/rest/v11/lang/en_us')
    assert.equal(lang.body.mod_strings.Contacts[fields.last_name.vname], 'Last Name')
    assert.ok(lang.body.app_list_strings.lead_source_dom['Web Site'])
  })

  it('keeps Users read-only', async () => {
    const res = await api.call('PUT', `/rest/v11/Users/${rep.id}`, { title: 'x' })
    assert.deepEqual([res.status, res.body.error], [403, 'not_authorized'])
  })
})

describe('generateSugarSeed', () => {
  it('is deterministic and realistic at benchmark size', async () => {
    const a = generateSugarSeed({ contacts: 10_000, seed: 3 })
    assert.deepEqual(generateSugarSeed({ contacts: 10_000, seed: 3 }), a)
    const emails = new Set(a.contacts!.map((c) => c.email1))
    assert.equal(emails.size, 10_000)
    assert.equal(a.users!.filter((u) => u.status === 'Inactive').length, 1)
    assert.ok(a.contacts!.every((c) => typeof c.email1 === 'string' && /^[a-z.0-9]+@[a-z0-9]+\.com$/.test(c.email1)))
    assert.ok(new Set(a.contacts!.map((c) => c.assigned_user_id)).size >= 3)
    const sim = await startSugarSim({ seed: a })
    try {
      assert.equal(sim.state.records('Contacts').length, 10_000)
    } finally {
      await sim.close()
    }
  })

  it('rejects a seed pointing at a user that does not exist', async () => {
    await assert.rejects(startSugarSim({ seed: { contacts: [{ last_name: 'X', assigned_user_id: 'ghost' }] } }), /assigned_user_id "ghost"/)
  })
})
