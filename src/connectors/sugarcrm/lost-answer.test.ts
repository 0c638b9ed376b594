import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { WriteOp } from '../../domain/records.js'
import { startFaultProxy } from '../../sandbox/kit/fault-proxy.js'
import type { FaultProxy } from '../../sandbox/kit/fault-proxy.js'
import { startSugarSim } from '../../sandbox/sugarcrm/sim.js'
import type { SugarSim } from '../../sandbox/sugarcrm/sim.js'
import { createSugarCrmConnector } from './connector.js'

const lead = (i: number, keyed = true): WriteOp => {
  const email = `lost${i}@answer.example`
  return { kind: 'create', ref: `r${i}`, fields: { last_name: `Lost ${i}`, email1: email }, ...(keyed ? { key: { field: 'email1', value: email } } : {}) }
}

describe('SugarCRM connector: lost answers and timeouts', () => {
  let sim: SugarSim
  let proxy: FaultProxy
  const connect = () =>
    createSugarCrmConnector({ kind: 'sugarcrm', url: proxy.url, timeoutSeconds: 0.3, auth: { username: 'admin', password: 'sandbox-password' } }, { sleep: async () => {} })
  const leadsWith = (email: string) => sim.state.records('Leads').filter((r) => r.email.some((e) => e.email_address === email))

  before(async () => {
    sim = await startSugarSim({ seed: { users: [{ user_name: 'admin', last_name: 'Admin', password: 'sandbox-password', status: 'Active', is_admin: true, email1: 'admin@example.com' }] } })
    proxy = await startFaultProxy(sim.url)
  })
  after(async () => {
    await proxy.close()
    await sim.close()
  })

  it('a call accepted and never answered times out and is sent again', async () => {
    const connector = connect()
    proxy.inject({ method: 'POST', path: /^\/rest\/v11\/Users\/filter/, mode: 'hang', times: 1 })
    const hitsBefore = proxy.hits()
    const users = await connector.users()
    assert.equal(proxy.hits(), hitsBefore + 1, 'the first call went unanswered')
    assert.ok(users.some((u) => u.email === 'admin@example.com'))
  })

  it('a bulk create applied but unanswered is looked up by its key, not sent twice', async () => {
    const connector = connect()
    const ops = [lead(1), lead(2), lead(3)]
    proxy.inject({ method: 'POST', path: /^\/rest\/v11\/bulk/, mode: 'reset', times: 1 })
    const results = await connector.write('Leads', ops)
    assert.deepEqual(results.map((r) => r.ok && r.recovered), [true, true, true])
    for (const [i, op] of ops.entries()) {
      const made = leadsWith(String(op.fields['email1']))
      assert.equal(made.length, 1, `one lead for ${String(op.fields['email1'])}`)
      assert.equal(results[i]?.ok && results[i].id, made[0]?.id)
    }
  })

  it('a bulk create that timed out before Sugar saw it is sent again once', async () => {
    const connector = connect()
    proxy.inject({ method: 'POST', path: /^\/rest\/v11\/bulk/, mode: 'hang', times: 1 })
    const [result] = await connector.write('Leads', [lead(4)])
    assert.equal(result?.ok, true)
    assert.equal(result?.ok && result.recovered, undefined, 'nothing was found, so it was created by the second send')
    assert.equal(leadsWith('lost4@answer.example').length, 1)
  })
})
