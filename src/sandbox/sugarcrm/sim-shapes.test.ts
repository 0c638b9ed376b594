import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { z } from 'zod'
import { generateSugarSeed } from './generate-seed.js'
import { sugarShapes as shapes } from './published-shapes.js'
import { startSugarSim } from './sim.js'
import type { SugarSim } from './sim.js'
import { sugarTestClient } from './test-client.js'
import type { SugarTestClient } from './test-client.js'

/*
 * The SugarCRM simulator's answers over HTTP, held to the shapes of Sugar's REST API guide:
 * records, `/filter` pages, bulk answers, lead conversion, tokens and error bodies.
 */

let sim: SugarSim
let api: SugarTestClient

before(async () => {
  sim = await startSugarSim({ seed: generateSugarSeed({ contacts: 30, leads: 3, accounts: 2 }) })
  api = await sugarTestClient(sim)
})
after(() => sim.close())

function assertShape(res: { status: number; body: unknown }, status: number, schema: z.ZodType): void {
  assert.equal(res.status, status, `status ${res.status}: ${JSON.stringify(res.body)}`)
  const parsed = schema.safeParse(res.body)
  assert.ok(parsed.success, parsed.success ? '' : `${z.prettifyError(parsed.error)}\nin ${JSON.stringify(res.body)}`)
}

describe('sugarcrm sim shapes', () => {
  it('pages /filter with next_offset, then -1 on the last page', async () => {
    const first = await api.call('POST', '/rest/v11/Contacts/filter', { max_num: 20, fields: 'first_name,email' })
    assertShape(first, 200, shapes.filterPage)
    assert.equal(first.body.next_offset, 20)
    const last = await api.call('GET', '/rest/v11/Contacts/filter?max_num=20&offset=20')
    assertShape(last, 200, shapes.filterPage)
    assert.equal(last.body.next_offset, -1)
  })

  it('answers record create, read, update and delete', async () => {
    const created = await api.call('POST', '/rest/v11/Leads', { first_name: 'Shape', last_name: 'Check', account_name: 'Acme' })
    assertShape(created, 200, shapes.record)
    assertShape(await api.call('GET', `/rest/v11/Leads/${created.body.id}`), 200, shapes.record)
    assertShape(await api.call('PUT', `/rest/v11/Leads/${created.body.id}`, { title: 'CTO' }), 200, shapes.record)
    const converted = await api.call('POST', `/rest/v11/Leads/${created.body.id}/convert`, { modules: { Contacts: { last_name: 'Check' } } })
    assertShape(converted, 200, shapes.converted)
    assertShape(await api.call('DELETE', `/rest/v11/Leads/${created.body.id}`), 200, shapes.deleted)
  })

  it('answers /bulk with one { contents, headers, status } per request', async () => {
    const requests = [
      { url: '/v11/Accounts', method: 'POST', data: JSON.stringify({ name: 'Bulk Co' }) },
      { url: '/v11/Accounts/no-such-id', method: 'GET' },
    ]
    assertShape(await api.call('POST', '/rest/v11/bulk', { requests }), 200, shapes.bulk)
  })

  it('answers tokens, and errors as { error, error_message }', async () => {
    const login = await fetch(`${sim.url}/rest/v11/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'password', client_id: 'sugar', client_secret: '', username: 'admin', password: 'sandbox-password', platform: 'revsync' }),
    })
    assertShape({ status: login.status, body: await login.json() }, 200, shapes.token)
    assertShape(await api.call('GET', '/rest/v11/Contacts/no-such-id'), 404, shapes.error)
    assertShape(await api.call('POST', '/rest/v11/Leads/no-such-id/convert', {}), 404, shapes.error)
    assertShape(await api.call('GET', '/rest/v11/Nowhere/filter'), 404, shapes.error)
    const noToken = await fetch(`${sim.url}/rest/v11/Contacts`)
    assertShape({ status: noToken.status, body: await noToken.json() }, 401, shapes.error)
  })
})
