import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { ConnectorError } from '../../domain/connector.js'
import type { SalesforceSystemConfig } from '../../domain/config/system-config.js'
import { createSalesforceConnector } from './connector.js'
import type { SalesforceConnectorConfig } from './connector.js'
import { startSimProcess } from './sandbox-process.test-helper.js'
import type { SimProcess } from './sandbox-process.test-helper.js'

const secret = 'client-secret-4f9a2c81'
const password = 'hunter2-correct-horse'
const token = '00D8c0000000001!static-token-77aa'
let sim: SimProcess
const config = (auth: SalesforceSystemConfig['auth']): SalesforceConnectorConfig => ({ kind: 'salesforce', url: sim.url, apiVersion: '62.0', auth })
const noSleep = { sleep: async () => {} }

async function rejectsWith(promise: Promise<unknown>, code: string, secrets: string[]): Promise<ConnectorError> {
  const error = await promise.then(
    () => assert.fail('expected a failure'),
    (e: unknown) => e,
  )
  assert.ok(error instanceof ConnectorError, String(error))
  assert.equal(error.code, code, error.message)
  for (const s of secrets) assert.ok(!error.message.includes(s), `"${s}" leaked into: ${error.message}`)
  return error
}

before(async () => {
  sim = await startSimProcess({
    generate: { people: 10, users: 3 },
    seed: { credentials: { clientId: 'revsync-app', clientSecret: secret, password, accessToken: token, username: 'user1@revsync-sandbox.example.com' } },
  })
})
after(() => sim.close())

describe('salesforce connector: authentication and limits', () => {
  it('logs in with the OAuth2 client-credentials flow', async () => {
    const c = createSalesforceConnector(config({ clientId: 'revsync-app', clientSecret: secret }), noSleep)
    assert.equal((await c.users()).length, 3)
    assert.equal(c.callCount(), 2, 'one token call and one query')
  })

  it('logs in with the username-password flow, over OAuth2 or, without a client, over SOAP', async () => {
    const oauth = createSalesforceConnector(config({ username: 'user2@revsync-sandbox.example.com', password, clientId: 'revsync-app', clientSecret: secret }), noSleep)
    assert.equal((await oauth.users()).length, 3)
    const soap = createSalesforceConnector(config({ username: 'user2@revsync-sandbox.example.com', password }), noSleep)
    assert.equal((await soap.users()).length, 3)
    const calls = await sim.control<Record<string, number>>('GET', '/__sandbox/calls')
    assert.ok((calls.body['soap.login'] ?? 0) >= 1)
  })

  it('logs in again once when the session expires', async () => {
    const c = createSalesforceConnector(config({ clientId: 'revsync-app', clientSecret: secret }), noSleep)
    await c.users()
    await sim.control('POST', '/__sandbox/expireSessions')
    assert.equal((await c.users()).length, 3)
    assert.equal(c.callCount(), 2 + 3, 'a rejected query, a new token, the query again')
  })

  it('fails with an auth error, free of secrets, when credentials are wrong or the token expired', async () => {
    await rejectsWith(createSalesforceConnector(config({ clientId: 'revsync-app', clientSecret: 'wrong-secret-123' }), noSleep).users(), 'auth', ['wrong-secret-123'])
    await rejectsWith(createSalesforceConnector(config({ username: 'user1@revsync-sandbox.example.com', password: 'bad-password-9' }), noSleep).users(), 'auth', ['bad-password-9'])
    await sim.control('POST', '/__sandbox/expireSessions')
    const error = await rejectsWith(createSalesforceConnector(config({ accessToken: token }), noSleep).describe('Lead'), 'auth', [token, token.split('!')[1]!])
    assert.match(error.message, /INVALID_SESSION_ID/)
  })

  it('stops on the daily API limit and reports usage from Sforce-Limit-Info', async () => {
    const limited = await startSimProcess({ generate: { people: 5 }, seed: { credentials: { accessToken: token }, dailyApiLimit: 1000, apiUsage: 998 } })
    try {
      const c = createSalesforceConnector({ kind: 'salesforce', url: limited.url, apiVersion: '62.0', auth: { accessToken: token } }, noSleep)
      await c.describe('Lead')
      assert.deepEqual(c.apiUsage(), { used: 999, limit: 1000 })
      await c.users()
      const error = await rejectsWith(c.describe('Contact'), 'daily_limit', [token])
      assert.match(error.message, /TotalRequests Limit exceeded/)
      assert.equal(c.callCount(), 3, 'the daily limit is not retried')
    } finally {
      await limited.close()
    }
  })

  it('gives up on a server that keeps failing, with unavailable', async () => {
    const c = createSalesforceConnector(config({ accessToken: token.replace('77aa', 'zz') }), noSleep)
    await sim.control('POST', '/__sandbox/faults', { serverErrorRate: 1 })
    try {
      await rejectsWith(c.users(), 'unavailable', [token])
      assert.equal(c.callCount(), 6, 'the retry policy allows six attempts')
    } finally {
      await sim.control('POST', '/__sandbox/faults', { serverErrorRate: 0 })
    }
  })

  it('retries a refused connection and then reports the system unavailable', async () => {
    const c = createSalesforceConnector({ kind: 'salesforce', url: 'http://127.0.0.1:9', apiVersion: '62.0', auth: { accessToken: token } }, noSleep)
    await rejectsWith(c.users(), 'unavailable', [token])
    assert.equal(c.callCount(), 6)
  })

  it('spaces calls to the configured requests per second', async () => {
    let now = 1_000_000
    const slept: number[] = []
    const deps = {
      now: () => now,
      sleep: async (ms: number) => {
        slept.push(ms)
        now += ms
      },
    }
    const paced = createSalesforceConnector({ ...config({ clientId: 'revsync-app', clientSecret: secret }), requestsPerSecond: 2 }, deps)
    await paced.users()
    await paced.users()
    assert.deepEqual(slept, [500, 500], 'token, query, query: two waits of half a second')
  })
})
