import { afterEach, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { startSyncFixture, sugarPassword } from './support/sync-fixture.js'
import type { SyncFixture } from './support/sync-fixture.js'
import { sugarTestClient } from '../src/sandbox/sugarcrm/test-client.js'

const mapping = (deletes: string) => `  people:
    entity: person
    systems:
      - { system: sugar, objects: [Contacts] }
      - { system: hubspot, objects: [contacts] }
    match: [email]
    deletes: ${deletes}
    fields:
      - { name: email, sugar: email1, hubspot: email }
      - { sugar: last_name, hubspot: lastname }
      - { sugar: title, hubspot: jobtitle }
`

const seeds = {
  sugar: { users: [], contacts: [{ id: 'c-ann', last_name: 'Lee', email1: 'ann@globex.example', title: 'CTO' }, { id: 'c-bo', last_name: 'Kim', email1: 'bo@initech.example', title: 'VP' }] },
  hubspot: { owners: [], contacts: [] },
}

async function inHubSpot(f: SyncFixture, email: string): Promise<number> {
  const found = await f.app.connectors.get('hubspot')?.lookup('contacts', { field: 'email', values: [email] })
  return found?.get(email)?.length ?? 0
}

describe('deletes', () => {
  let f: SyncFixture
  afterEach(() => f.close())

  it('propagate: a person deleted in Sugar is deleted in HubSpot too, and the entity is unlinked', async () => {
    f = await startSyncFixture(seeds, mapping('propagate'))
    await f.sync()
    assert.equal(await inHubSpot(f, 'ann@globex.example'), 1)
    const sugar = await sugarTestClient(f.sugar, 'admin', sugarPassword)
    assert.equal((await sugar.call('DELETE', '/rest/v11/Contacts/c-ann')).status, 200)
    const report = await f.sync()
    assert.deepEqual(report.deleted, { hubspot: 1 })
    assert.equal(await inHubSpot(f, 'ann@globex.example'), 0, 'archived in HubSpot')
    assert.equal(await inHubSpot(f, 'bo@initech.example'), 1, 'the others are untouched')
    assert.equal((await f.app.store.findEntities('people', 'sugar', ['c-ann'])).size, 0, 'unlinked')
    const history = await f.app.store.getRecordHistory('hubspot', (await f.app.store.getRunItems(report.runId)).find((i) => i.action === 'delete')?.recordId ?? '')
    assert.match(history.at(-1)?.reasons[0]?.detail ?? '', /sugar Contacts c-ann was deleted; deleted here too \(deletes: propagate\)/)
    assert.equal((await f.sync()).writes, 0)
  })

  it('record (the default): a delete is recorded, not propagated, and the deleted record is never re-created', async () => {
    f = await startSyncFixture(seeds, mapping('record'))
    await f.sync()
    const sugar = await sugarTestClient(f.sugar, 'admin', sugarPassword)
    assert.equal((await sugar.call('DELETE', '/rest/v11/Contacts/c-ann')).status, 200)
    const report = await f.sync()
    assert.equal(report.writes, 0)
    assert.equal(await inHubSpot(f, 'ann@globex.example'), 1, 'HubSpot keeps Ann')
    const items = await f.app.store.getRunItems(report.runId)
    assert.match(items.find((i) => i.reasons[0]?.rule === 'delete.recorded')?.reasons[0]?.detail ?? '', /sugar Contacts c-ann was deleted; recorded, not propagated/)
    // A HubSpot edit to Ann does not bring her back into Sugar either.
    const [ann] = (await f.app.connectors.get('hubspot')?.lookup('contacts', { field: 'email', values: ['ann@globex.example'] }))?.get('ann@globex.example') ?? []
    await f.app.connectors.get('hubspot')?.write('contacts', [{ kind: 'update', ref: 'e', id: ann?.id ?? '', fields: { jobtitle: 'CEO' } }])
    const after = await f.sync()
    assert.deepEqual(after.created, {}, 'no record is re-created where a person deleted it')
  })
})
