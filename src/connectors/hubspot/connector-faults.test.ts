import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, it } from 'node:test'
import { ConnectorError } from '../../domain/connector.js'
import type { WriteOp } from '../../domain/records.js'
import { startHubSpotSim } from '../../sandbox/hubspot/server.js'
import type { HubSpotSim } from '../../sandbox/hubspot/server.js'
import { createHubSpotConnector } from './connector.js'
import type { HubSpotConnectorDeps } from './connector.js'

const token = 'pat-na1-faults-secret-9e8d7c'
let sim: HubSpotSim

before(async () => {
  sim = await startHubSpotSim({ seed: { token, owners: [{ id: '41600001', email: 'ann@corp.com', firstName: 'Ann', lastName: 'A' }] } })
})
after(() => sim.close())
beforeEach(async () => {
  await faults({ rateLimitEvery: 0, retryAfterSeconds: 0, serverErrorRate: 0, serverErrorBurst: 0 })
  await fetch(`${sim.url}/__sandbox/calls`, { method: 'DELETE' })
})

async function faults(settings: Record<string, number>): Promise<void> {
  const res = await fetch(`${sim.url}/__sandbox/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(settings) })
  assert.equal(res.status, 200)
}

function connector(url = sim.url, secret = token, deps: HubSpotConnectorDeps = {}) {
  return createHubSpotConnector({ kind: 'hubspot', url, auth: { token: secret } }, { sleep: async () => {}, ...deps })
}

function creates(tag: string, n: number): WriteOp[] {
  return Array.from({ length: n }, (_, i) => ({ kind: 'create', ref: `${tag}${i}`, fields: { email: `${tag}${i}@storm.com`, firstname: tag }, refs: { owner: '41600001' } }))
}

function written(tag: string): number {
  return [...sim.state.records.contacts.values()].filter((r) => r.properties.firstname === tag).length
}

const simCalls = () => [...sim.calls.values()].reduce((a, b) => a + b, 0)

describe('hubspot connector: faults', () => {
  it('writes 1,200 records exactly once through a 429 storm (every 3rd call)', async () => {
    await faults({ rateLimitEvery: 3, retryAfterSeconds: 0 })
    const hubspot = connector()
    const results = await hubspot.write('contacts', creates('storm', 1200))
    assert.ok(results.every((r) => r.ok))
    assert.equal(new Set(results.map((r) => (r.ok ? r.id : ''))).size, 1200)
    assert.equal(written('storm'), 1200)
    // Every HTTP request was one of ours: the official client retried nothing on its own.
    assert.equal(simCalls(), hubspot.callCount())
    assert.ok(hubspot.callCount() > 12)
  })

  it('writes 1,200 records exactly once through a 5xx burst and scattered 503s', async () => {
    await faults({ serverErrorBurst: 4, serverErrorRate: 0.15 })
    const hubspot = connector()
    const results = await hubspot.write('contacts', creates('burst', 1200))
    assert.ok(results.every((r) => r.ok))
    assert.equal(written('burst'), 1200)
    assert.equal(simCalls(), hubspot.callCount())
  })

  it('waits as long as Retry-After asks', async () => {
    await faults({ rateLimitEvery: 2, retryAfterSeconds: 3 })
    const sleeps: number[] = []
    const hubspot = connector(sim.url, token, { sleep: async (ms) => void sleeps.push(ms) })
    await hubspot.users()
    assert.deepEqual(sleeps, [3000])
  })

  it('gives up with "unavailable" when 5xx outlast the retries, without the token in the message', async () => {
    await faults({ serverErrorBurst: 50 })
    const hubspot = connector()
    const error = await hubspot.users().catch((e: unknown) => e)
    assert.ok(error instanceof ConnectorError)
    assert.equal(error.code, 'unavailable')
    assert.equal(hubspot.callCount(), 6)
    assert.ok(!error.message.includes(token))
  })
})

describe('hubspot connector: auth, daily limit, secrets', () => {
  it('reports a rejected token as "auth", naming neither token', async () => {
    const wrong = 'pat-na1-wrong-token-5555'
    const error = await connector(sim.url, wrong).describe('contacts').catch((e: unknown) => e)
    assert.ok(error instanceof ConnectorError)
    assert.equal(error.code, 'auth')
    assert.equal(error.status, 401)
    assert.ok(!error.message.includes(wrong))
  })

  it('stops with "daily_limit" on a DAILY 429, without retrying', async () => {
    const limited = await startHubSpotSim({ seed: { token, limits: { daily: 2 } } })
    try {
      const hubspot = connector(limited.url)
      await hubspot.users()
      assert.equal(hubspot.callCount(), 2)
      const error = await hubspot.write('contacts', creates('daily', 3)).catch((e: unknown) => e)
      assert.ok(error instanceof ConnectorError)
      assert.equal(error.code, 'daily_limit')
      assert.equal(hubspot.callCount(), 3)
    } finally {
      await limited.close()
    }
  })

  it('keeps the token out of per-record failure messages even when HubSpot echoes it', async () => {
    const [result] = await connector().write('contacts', [{ kind: 'create', ref: 'echo', fields: { email: token } }])
    assert.ok(result && !result.ok)
    assert.equal(result.vendorCode, 'INVALID_EMAIL')
    assert.ok(!result.message.includes(token))
    assert.match(result.message, /\[redacted\]/)
  })

  it('spaces calls to the configured requests per second', async () => {
    const sleeps: number[] = []
    const hubspot = createHubSpotConnector(
      { kind: 'hubspot', url: sim.url, auth: { token }, requestsPerSecond: 4 },
      { now: () => 1_000_000, sleep: async (ms) => void sleeps.push(ms) },
    )
    await hubspot.users()
    await hubspot.users()
    assert.deepEqual(sleeps, [250, 500, 750])
  })
})
