import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { WriteOp } from '../../domain/records.js'
import { createSalesforceConnector } from './connector.js'
import { startSimProcess } from './sandbox-process.test-helper.js'
import type { SimProcess } from './sandbox-process.test-helper.js'

const token = '00D8c0000000001!remove-test-token'
let sim: SimProcess
const connector = () => createSalesforceConnector({ kind: 'salesforce', url: sim.url, apiVersion: '62.0', auth: { accessToken: token } }, { sleep: async () => {} })
const leads = async () => (await sim.control<{ Id: string; IsDeleted: boolean }[]>('GET', '/__sandbox/records/Lead')).body
const deleteCalls = async () => (await sim.control<Record<string, number>>('GET', '/__sandbox/calls')).body['collections.delete'] ?? 0
/** A well-formed Lead id (valid checksum suffix) that no record has. */
const missingLead = '00Q8c00000000zzEAA'

before(async () => {
  sim = await startSimProcess({ generate: { people: 40, contactShare: 0.5, accounts: 4, users: 2 }, seed: { credentials: { accessToken: token } } })
})
after(() => sim.close())

describe('salesforce connector: remove', () => {
  it('moves two records to the recycle bin and counts an unknown id as already gone, in one call', async () => {
    const c = connector()
    const [a, b] = (await leads()).filter((r) => !r.IsDeleted)
    assert.ok(a && b)
    const calls = await deleteCalls()
    const results = await c.remove('Lead', [a.Id, missingLead, b.Id])
    assert.deepEqual(results, [
      { ok: true, ref: a.Id, id: a.Id },
      { ok: true, ref: missingLead, id: missingLead },
      { ok: true, ref: b.Id, id: b.Id },
    ])
    assert.equal((await deleteCalls()) - calls, 1, 'one sObject Collections delete')
    const stored = new Map((await leads()).map((r) => [r.Id, r]))
    assert.equal(stored.get(a.Id)?.IsDeleted, true)
    assert.equal(stored.get(b.Id)?.IsDeleted, true)
    const found = await c.lookup('Lead', { field: 'Id', values: [a.Id, b.Id] })
    assert.equal([...found.values()].flat().length, 0, 'no longer live')
  })

  it('reports bad ids per record without failing the call, and removes again as a no-op', async () => {
    const c = connector()
    const [live] = (await leads()).filter((r) => !r.IsDeleted)
    const [gone] = (await leads()).filter((r) => r.IsDeleted)
    assert.ok(live && gone)
    const contactId = (await sim.control<{ Id: string }[]>('GET', '/__sandbox/records/Contact')).body[0]!.Id
    const results = await c.remove('Lead', ['not-an-id,00Q8c', contactId, gone.Id, live.Id, live.Id])
    assert.deepEqual(
      results.map((r) => (r.ok ? 'ok' : `${r.code}/${r.vendorCode}`)),
      ['invalid/MALFORMED_ID', 'invalid/MALFORMED_ID', 'ok', 'ok', 'ok'],
    )
    assert.match((results[1] as { message: string }).message, /incorrect type/)
    const contact = (await sim.control<{ Id: string; IsDeleted: boolean }[]>('GET', '/__sandbox/records/Contact')).body.find((r) => r.Id === contactId)
    assert.equal(contact?.IsDeleted, false, 'an id of another object is never sent')
  })

  it('removes 450 records in 200-id calls through a burst of 503s', async () => {
    const c = connector()
    const ops: WriteOp[] = Array.from({ length: 450 }, (_, i) => ({ kind: 'create', ref: `r${i}`, fields: { LastName: `Remove ${i}`, Company: 'Acme Inc.' } }))
    const ids = (await c.write('Lead', ops)).map((r) => (r.ok ? r.id : assert.fail(r.message)))
    const calls = await deleteCalls()
    await sim.control('POST', '/__sandbox/faults', { serverErrorBurst: 3 })
    const results = await c.remove('Lead', ids).finally(() => sim.control('POST', '/__sandbox/faults', { serverErrorBurst: 0 }))
    assert.equal(results.filter((r) => r.ok).length, 450)
    assert.equal((await deleteCalls()) - calls, 3 + 3, 'three collections plus the three retried 503s')
    const stored = new Map((await leads()).map((r) => [r.Id, r.IsDeleted]))
    assert.ok(ids.every((id) => stored.get(id) === true))
  })
})
