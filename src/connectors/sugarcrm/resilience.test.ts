import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, it } from 'node:test'
import { ConnectorError } from '../../domain/connector.js'
import type { WriteOp } from '../../domain/records.js'
import { generateSugarSeed } from '../../sandbox/sugarcrm/generate-seed.js'
import { startSugarSim } from '../../sandbox/sugarcrm/sim.js'
import type { SugarSim } from '../../sandbox/sugarcrm/sim.js'
import { createSugarCrmConnector } from './connector.js'

const password = 'correct-horse-battery'
const noWait = { sleep: async () => {} }

describe('SugarCRM connector under faults, expiry and rate limits', () => {
  let sim: SugarSim
  const seed = generateSugarSeed({ contacts: 10, password })
  const connect = (pw = password) => createSugarCrmConnector({ kind: 'sugarcrm', url: `${sim.url}/rest/v11`, auth: { username: 'admin', password: pw } }, noWait)
  const faults = (settings: Record<string, unknown>) =>
    fetch(`${sim.url}/__sandbox/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(settings) })
  const creates = (tag: string, n: number): WriteOp[] =>
    Array.from({ length: n }, (_, i) => ({ kind: 'create', ref: `${tag}${i}`, fields: { last_name: `${tag} ${i}`, email1: `${tag}${i}@storm.test` } }))
  const countByEmail = (tag: string): Map<string, number> => {
    const counts = new Map<string, number>()
    for (const r of sim.state.records('Contacts')) {
      const email = r.email[0]?.email_address ?? ''
      if (email.startsWith(tag)) counts.set(email, (counts.get(email) ?? 0) + 1)
    }
    return counts
  }

  before(async () => {
    sim = await startSugarSim({ seed })
  })
  beforeEach(() => faults({ rateLimitEvery: 0, serverErrorBurst: 0, serverErrorRate: 0, retryAfterSeconds: 0 }))
  after(() => sim.close())

  it('writes 1,200 records exactly once through a 429 storm (every 3rd call, Retry-After 0)', async () => {
    await faults({ rateLimitEvery: 3, retryAfterSeconds: 0 })
    const results = await connect().write('Contacts', creates('storm', 1200))
    assert.equal(results.filter((r) => r.ok).length, 1200)
    const counts = countByEmail('storm')
    assert.equal(counts.size, 1200)
    assert.ok([...counts.values()].every((n) => n === 1))
    assert.ok((sim.calls.get('bulk') ?? 0) >= 12)
  })

  it('writes 1,200 records exactly once through a burst of five 503s', async () => {
    await faults({ serverErrorBurst: 5 })
    const connector = connect()
    const results = await connector.write('Contacts', creates('burst', 1200))
    assert.equal(results.filter((r) => r.ok).length, 1200)
    const counts = countByEmail('burst')
    assert.equal(counts.size, 1200)
    assert.ok([...counts.values()].every((n) => n === 1))
    assert.equal(connector.callCount(), 1 + 12 + 5, 'login, 12 bulk calls, 5 retried failures')
  })

  it('resends only the sub-requests a bulk answered 503 (partial batch failures), each record once', async () => {
    const bulkFaults = (body: unknown) =>
      fetch(`${sim.url}/rest/v11/__sandbox/bulk-faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
    await bulkFaults({ failEvery: 9, failCount: 25 })
    const connector = connect()
    const results = await connector.write('Contacts', creates('partial', 1000))
    assert.deepEqual(results.map((r) => r.ref), creates('partial', 1000).map((o) => o.ref))
    assert.equal(results.filter((r) => r.ok).length, 1000)
    const counts = countByEmail('partial')
    assert.equal(counts.size, 1000)
    assert.ok([...counts.values()].every((n) => n === 1))
    assert.ok(connector.callCount() > 11, 'the failed sub-requests went out again')
    await bulkFaults({ failEvery: 1, status: 429 })
    const stuck = await connector.write('Contacts', creates('stuck', 2))
    assert.deepEqual(stuck.map((r) => (r.ok ? 'ok' : `${r.code}/${r.vendorCode}`)), ['rate_limited/too_many_requests', 'rate_limited/too_many_requests'])
    assert.equal(countByEmail('stuck').size, 0)
    await bulkFaults({ failEvery: 0 })
  })

  it('deletes through partial bulk 503s and a 429 storm, resending only what Sugar did not run', async () => {
    const bulkFaults = (body: unknown) =>
      fetch(`${sim.url}/rest/v11/__sandbox/bulk-faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
    const connector = connect()
    const made = await connector.write('Contacts', creates('doomed', 250))
    const ids = made.map((r) => (r.ok ? r.id : ''))
    await bulkFaults({ failEvery: 7, failCount: 20 })
    await faults({ rateLimitEvery: 3, retryAfterSeconds: 0 })
    const results = await connector.remove('Contacts', ids)
    await bulkFaults({ failEvery: 0 })
    assert.deepEqual(results, ids.map((id) => ({ ok: true, ref: id, id })))
    assert.equal(countByEmail('doomed').size, 0)
  })

  it('gives up with an unavailable error when 503s outlast the retries', async () => {
    await faults({ serverErrorBurst: 50 })
    await assert.rejects(connect().users(), (e: unknown) => e instanceof ConnectorError && e.code === 'unavailable' && e.status === 503)
  })

  it('refreshes an expired token once, and logs in again when the refresh token is gone too', async () => {
    const connector = connect()
    const grants = sim.state.oauth.grants
    const start = { ...grants }
    assert.equal((await connector.users()).length, seed.users!.length)
    await fetch(`${sim.url}/rest/v11/__sandbox/expire-tokens`, { method: 'POST' })
    assert.equal((await connector.users()).length, seed.users!.length)
    assert.deepEqual([grants.password - start.password, grants.refresh_token - start.refresh_token], [1, 1])
    await fetch(`${sim.url}/rest/v11/__sandbox/expire-tokens`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"refresh":true}' })
    await connector.users()
    assert.deepEqual([grants.password - start.password, grants.refresh_token - start.refresh_token], [2, 1])
  })

  it('shares one renewal between concurrent calls that hit an expired token', async () => {
    const connector = connect()
    await connector.users()
    const start = { ...sim.state.oauth.grants }
    await fetch(`${sim.url}/rest/v11/__sandbox/expire-tokens`, { method: 'POST' })
    await Promise.all([connector.users(), connector.users(), connector.describe('Accounts')])
    assert.equal(sim.state.oauth.grants.refresh_token - start.refresh_token, 1)
    assert.equal(sim.state.oauth.grants.password, start.password)
  })

  it('never puts the password or a token in an error message', async () => {
    const refused = await connect('wrong-password-123').users().catch((e: unknown) => e)
    assert.ok(refused instanceof ConnectorError && refused.code === 'auth')
    assert.match(refused.message, /login as "admin".*need_login/)
    assert.ok(!refused.message.includes('wrong-password-123'))
    // Sugar echoes a bad filter value in its error: the connector must redact it.
    const connector = connect()
    const echoed = await connector.lookup('Contacts', { field: 'date_modified', values: [password] }).catch((e: unknown) => e)
    assert.ok(echoed instanceof ConnectorError && echoed.code === 'bad_request')
    assert.match(echoed.message, /invalid_parameter/)
    assert.ok(!echoed.message.includes(password), echoed.message)
    for (const token of sim.state.oauth.tokens()) assert.ok(!echoed.message.includes(token))
  })

  it('spaces calls to the configured requests per second', async () => {
    let clock = 0
    const waits: number[] = []
    const connector = createSugarCrmConnector(
      { kind: 'sugarcrm', url: sim.url, requestsPerSecond: 5, auth: { username: 'admin', password } },
      { now: () => clock, sleep: async (ms) => void (waits.push(ms), (clock += ms)) },
    )
    await connector.users()
    await connector.users()
    assert.deepEqual(waits, [200, 200], 'login, then two calls 200 ms apart')
  })
})

describe('SugarCRM connector API calls per 1,000 records', () => {
  it('reads 10,000 contacts in 1,000-record pages and writes in bulks of 100', async (t) => {
    const sim = await startSugarSim({ seed: generateSugarSeed({ contacts: 10_000, password }) })
    try {
      const connector = createSugarCrmConnector({ kind: 'sugarcrm', url: sim.url, auth: { username: 'admin', password } }, noWait)
      await connector.users()
      let before = connector.callCount()
      let read = 0
      for await (const page of connector.read('Contacts')) read += page.records.length
      const readCalls = connector.callCount() - before
      assert.equal(read, 10_000)
      assert.equal(readCalls, 10, 'floor: 10,000 / 1,000')
      before = connector.callCount()
      const ops: WriteOp[] = Array.from({ length: 1000 }, (_, i) => ({ kind: 'create', ref: String(i), fields: { last_name: `W${i}` } }))
      await connector.write('Contacts', ops)
      const writeCalls = connector.callCount() - before
      assert.equal(writeCalls, 10, 'floor: 1,000 / 100')
      t.diagnostic(`calls per 1,000 read: ${readCalls / 10}; per 1,000 written: ${writeCalls}`)
    } finally {
      await sim.close()
    }
  })
})
