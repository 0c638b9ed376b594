import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { RemoteUser, WriteOp } from '../../domain/records.js'
import { createSalesforceConnector } from './connector.js'
import type { SalesforceConnectorOptions } from './connector.js'
import { startSimProcess } from './sandbox-process.test-helper.js'
import type { SimProcess } from './sandbox-process.test-helper.js'

const token = '00D8c0000000001!write-test-token'
let sim: SimProcess
let users: RemoteUser[]
const connector = (options: SalesforceConnectorOptions = {}) =>
  createSalesforceConnector({ kind: 'salesforce', url: sim.url, apiVersion: '62.0', auth: { accessToken: token } }, { sleep: async () => {} }, options)
const counts = async () => (await sim.control<{ counts: Record<string, { live: number }> }>('GET', '/__sandbox/state')).body.counts
const lead = (ref: string, extra: Record<string, string | null> = {}): WriteOp => ({ kind: 'create', ref, fields: { LastName: `Lead ${ref}`, Company: 'Acme Inc.', ...extra } })

before(async () => {
  // User ids follow the simulator's numbering: 0058c0000000001AAA is the first user.
  sim = await startSimProcess({
    generate: { people: 300, contactShare: 0.5, accounts: 10, users: 4 },
    seed: {
      credentials: { accessToken: token },
      duplicateRuleOnEmail: true,
      assignmentRule: { entries: [{ field: 'State', values: ['CA'], ownerId: '0058c0000000002AAA' }] },
    },
  })
  users = await connector().users()
})
after(() => sim.close())

describe('salesforce connector: writes', () => {
  it('writes the good records of a batch and reports each bad one with its vendor code', async () => {
    const c = connector()
    const inactive = users.find((u) => !u.active)!
    const existing = (await c.lookup('Lead', { field: 'LastName', values: [] })).size
    assert.equal(existing, 0)
    const before = await counts()
    const ops: WriteOp[] = [
      lead('good-1', { Email: 'new.one@acme.example' }),
      { kind: 'create', ref: 'no-company', fields: { LastName: 'Nocompany' } },
      { ...lead('inactive'), refs: { owner: inactive.id } },
      lead('unknown-field', { Bogus__c: 'x' }),
      lead('dupe', { Email: 'new.one@acme.example' }),
      lead('bad-email', { Email: 'not-an-email' }),
      { ...lead('company-ref'), refs: { company: '0018c0000000001AAA' } },
      lead('good-2'),
    ]
    const results = await c.write('Lead', ops)
    assert.deepEqual(results.map((r) => r.ref), ops.map((o) => o.ref))
    const byRef = Object.fromEntries(results.map((r) => [r.ref, r]))
    assert.equal(byRef['good-1']?.ok, true)
    assert.equal(byRef['good-2']?.ok, true)
    const expect = { 'no-company': ['required_missing', 'REQUIRED_FIELD_MISSING'], inactive: ['inactive_owner', 'INACTIVE_OWNER_OR_USER'], 'unknown-field': ['invalid', 'INVALID_FIELD'], dupe: ['duplicate', 'DUPLICATES_DETECTED'], 'bad-email': ['invalid', 'INVALID_EMAIL_ADDRESS'], 'company-ref': ['invalid', 'INVALID_FIELD'] }
    for (const [ref, [code, vendorCode]] of Object.entries(expect)) {
      const r = byRef[ref]!
      assert.equal(r.ok, false, ref)
      if (!r.ok) assert.deepEqual([r.code, r.vendorCode], [code, vendorCode], `${ref}: ${r.message}`)
    }
    assert.match((byRef['no-company'] as { message: string }).message, /Company/)
    assert.equal((await counts()).Lead!.live, before.Lead!.live + 2)
  })

  it('updates with a partial failure and keeps owner refs', async () => {
    const c = connector()
    const [created] = await c.write('Contact', [{ kind: 'create', ref: 'c1', fields: { LastName: 'Ndiaye', Email: 'awa@initech.example' }, refs: { owner: users[2]!.id, company: null } }])
    assert.ok(created?.ok)
    const id = (created as { id: string }).id
    const results = await c.write('Contact', [
      { kind: 'update', ref: 'u1', id, fields: { Title: 'CFO' }, refs: { owner: users[1]!.id } },
      { kind: 'update', ref: 'u2', id: '0038c00000000zzAAA', fields: { Title: 'x' } },
      { kind: 'update', ref: 'u3', id: 'nope', fields: { Title: 'x' } },
      { kind: 'update', ref: 'u4', id, fields: { LastName: null } },
    ])
    assert.deepEqual(results.map((r) => (r.ok ? 'ok' : r.vendorCode)), ['ok', 'ENTITY_IS_DELETED', 'MALFORMED_ID', 'REQUIRED_FIELD_MISSING'])
    assert.deepEqual(results.map((r) => (r.ok ? 'ok' : r.code)), ['ok', 'not_found', 'invalid', 'required_missing'])
    const found = (await c.lookup('Contact', { field: 'Email', values: ['awa@initech.example'] })).get('awa@initech.example')!
    assert.equal(found[0]?.fields.Title, 'CFO')
    assert.equal(found[0]?.refs?.owner, users[1]!.id)
  })

  it('lets assignment rules pick the owner only when asked (Sforce-Auto-Assign)', async () => {
    const [plain] = await connector().write('Lead', [lead('ca-plain', { State: 'CA' })])
    const [assigned] = await connector({ autoAssignLeadsOnCreate: true }).write('Lead', [lead('ca-auto', { State: 'CA' })])
    const found = await connector().lookup('Lead', { field: 'Id', values: [(plain as { id: string }).id, (assigned as { id: string }).id] })
    assert.equal(found.get((assigned as { id: string }).id.toLowerCase())?.[0]?.refs?.owner, '0058c0000000002AAA')
    assert.equal(found.get((plain as { id: string }).id.toLowerCase())?.[0]?.refs?.owner, '0058c0000000001AAA', 'the API user owns it')
  })

  it('looks up hundreds of emails in URL-sized IN chunks, grouped case-insensitively', async () => {
    const c = connector()
    const contacts = (await sim.control<{ Email: string }[]>('GET', '/__sandbox/records/Contact')).body.map((r) => r.Email).filter(Boolean)
    const values = [...contacts.map((e) => ` ${e.toUpperCase()}`), ...Array.from({ length: 250 }, (_, i) => `missing${i}@nowhere.example`)]
    const start = c.callCount()
    const found = await c.lookup('Contact', { field: 'email', values })
    assert.equal(c.callCount() - start, 1 + Math.ceil(values.length / 150), 'describe plus one query per chunk')
    assert.equal([...found.values()].filter((v) => v.length > 0).length, contacts.length)
    assert.deepEqual(found.get('missing0@nowhere.example'), [])
  })

  for (const [name, faults] of [
    ['a storm of REQUEST_LIMIT_EXCEEDED (every third call)', { rateLimitEvery: 3, retryAfterSeconds: 0 }],
    ['a burst of 503s', { serverErrorBurst: 4 }],
  ] as const) {
    it(`writes 5,000 records exactly once through ${name}`, async () => {
      const c = connector()
      await c.describe('Lead')
      const before = (await counts()).Lead!.live
      await sim.control('POST', '/__sandbox/faults', faults)
      const ops = Array.from({ length: 5000 }, (_, i) => lead(`bulk-${name.length}-${i}`))
      const results = await c.write('Lead', ops).finally(() => sim.control('POST', '/__sandbox/faults', { rateLimitEvery: 0, serverErrorBurst: 0 }))
      assert.equal(results.filter((r) => r.ok).length, 5000)
      assert.equal((await counts()).Lead!.live, before + 5000)
      assert.ok(c.callCount() > 1 + 25, 'faults were retried')
    })
  }
})
