import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { startSyncFixture } from './support/sync-fixture.js'
import type { SyncFixture } from './support/sync-fixture.js'
import { generateSugarSeed } from '../src/sandbox/sugarcrm/generate-seed.js'

const people = `  people:
    entity: person
    systems:
      - system: sugar
        objects: [Contacts]
      - system: hubspot
        objects: [contacts]
    match: [email]
    fields:
      - { name: email, sugar: email1, hubspot: email, direction: sugar -> hubspot }
      - { sugar: last_name, hubspot: lastname, direction: sugar -> hubspot }
`

describe('a sync told to stop', () => {
  const seed = generateSugarSeed({ contacts: 120, leads: 0, seed: 5 })
  let f: SyncFixture
  before(async () => {
    f = await startSyncFixture({ sugar: seed, hubspot: { owners: [], contacts: [] } }, people)
  })
  after(() => f.close())

  it('records the batch in hand, ends stopped, and the next run carries on without writing that batch again', async () => {
    const stop = new AbortController()
    // Stop while the first batch is written: it must still be recorded, and nothing after it run.
    const first = await f.sync('people', { signal: stop.signal, afterWrites: () => stop.abort() })
    assert.equal(first.created['hubspot'], 50, 'one batch (batchSize 50), written and recorded')
    const run = await f.app.store.getRun(first.runId)
    assert.equal(run?.status, 'stopped')
    assert.equal((await f.app.store.getRunItems(first.runId)).filter((i) => i.action === 'create').length, 50)
    assert.equal(f.hubspot.state.records.contacts.size, 50)
    const second = await f.sync()
    assert.equal(second.created['hubspot'], 70, 'the rest, and none of the first batch again')
    assert.equal((await f.app.store.getRun(second.runId))?.status, 'succeeded')
    const emails = [...f.hubspot.state.records.contacts.values()].map((r) => r.properties['email'])
    assert.equal(new Set(emails).size, 120, 'every person once')
  })
})
