import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { startWebhookCatcher } from '../kit/webhook-catcher.js'
import { startSugarSim } from './sim.js'
import type { SugarSim } from './sim.js'
import { sugarTestClient } from './test-client.js'
import type { SugarTestClient } from './test-client.js'

let sim: SugarSim
let sugar: SugarTestClient

before(async () => {
  sim = await startSugarSim({ seed: { users: [{ id: 'u1', user_name: 'admin', last_name: 'Admin', password: 'pw', status: 'Active', is_admin: true }], contacts: [{ id: 'c-1', last_name: 'Seeded' }] } })
  sugar = await sugarTestClient(sim, 'admin', 'pw')
})
after(() => sim.close())

describe('SugarCRM simulator web logic hooks', () => {
  it('posts the module and id after a save or a delete of a hooked module, with the secret header', async () => {
    const catcher = await startWebhookCatcher()
    sim.hooks.configure({
      secret: 'hook-secret',
      hooks: [
        { url: `${catcher.url}/saved`, module: 'Contacts', event: 'after_save' },
        { url: `${catcher.url}/deleted`, module: 'Contacts', event: 'after_delete' },
      ],
    })
    const created = await sugar.call('POST', '/rest/v11/Contacts', { last_name: 'New' })
    assert.equal(created.status, 200)
    assert.equal((await sugar.call('PUT', '/rest/v11/Contacts/c-1', { title: 'CTO' })).status, 200)
    assert.equal((await sugar.call('DELETE', '/rest/v11/Contacts/c-1')).status, 200)
    // A module without a hook sends nothing.
    assert.equal((await sugar.call('POST', '/rest/v11/Accounts', { name: 'Acme' })).status, 200)
    await sim.hooks.sender.idle()
    sim.hooks.configure(undefined)
    await catcher.close()
    const seen = catcher.caught.map((c) => {
      const body = JSON.parse(c.body) as { isUpdate: boolean; data: { id: string; _module: string } }
      return [new URL(c.url).pathname, body.data._module, body.data.id, body.isUpdate, c.headers['x-revsync-hook-secret']]
    })
    assert.deepEqual(seen, [
      ['/saved', 'Contacts', created.body.id, false, 'hook-secret'],
      ['/saved', 'Contacts', 'c-1', true, 'hook-secret'],
      ['/deleted', 'Contacts', 'c-1', true, 'hook-secret'],
    ])
  })
})
