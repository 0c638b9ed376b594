import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { WriteOp } from '../../domain/records.js'
import { startFaultProxy } from '../../sandbox/kit/fault-proxy.js'
import type { FaultProxy } from '../../sandbox/kit/fault-proxy.js'
import { startSalesforceSim } from '../../sandbox/salesforce/server.js'
import type { SalesforceSim } from '../../sandbox/salesforce/server.js'
import { createSalesforceConnector } from './connector.js'

const token = '00D8c0000000001!lost-answer-token'
const lead = (email: string): WriteOp => ({ kind: 'create', ref: email, fields: { LastName: 'Lost', Company: 'Answer Inc.', Email: email }, key: { field: 'Email', value: email } })

describe('Salesforce connector: lost answers and timeouts', () => {
  let sim: SalesforceSim
  let proxy: FaultProxy
  const connect = () => createSalesforceConnector({ kind: 'salesforce', url: proxy.url, apiVersion: '62.0', timeoutSeconds: 0.3, auth: { accessToken: token } }, { sleep: async () => {} })
  const leadsWith = (email: string) => sim.state.live('Lead').filter((r) => r.Email === email)

  before(async () => {
    sim = await startSalesforceSim({ seed: { credentials: { accessToken: token }, users: [{ Username: 'jane@acme.example', Email: 'jane@acme.example', LastName: 'Doe' }] } })
    proxy = await startFaultProxy(sim.url)
  })
  after(async () => {
    await proxy.close()
    await sim.close()
  })

  it('a call accepted and never answered times out and is sent again', async () => {
    const connector = connect()
    proxy.inject({ method: 'GET', path: /\/query/, mode: 'hang', times: 1 })
    const hitsBefore = proxy.hits()
    const users = await connector.users()
    assert.equal(proxy.hits(), hitsBefore + 1, 'the first call went unanswered')
    assert.ok(users.some((u) => u.email === 'jane@acme.example'))
  })

  it('a collection create applied but unanswered is looked up by its key, not sent twice', async () => {
    const connector = connect()
    const ops = ['s1@answer.example', 's2@answer.example'].map(lead)
    proxy.inject({ method: 'POST', path: /\/composite\/sobjects/, mode: 'reset', times: 1 })
    const results = await connector.write('Lead', ops)
    assert.deepEqual(results.map((r) => r.ok && r.recovered), [true, true])
    for (const [i, op] of ops.entries()) {
      const made = leadsWith(String(op.fields['Email']))
      assert.equal(made.length, 1)
      assert.equal(results[i]?.ok && results[i].id, made[0]?.Id)
    }
  })
})
