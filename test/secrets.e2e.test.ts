import { it } from 'node:test'
import assert from 'node:assert/strict'
import { readFile, readdir } from 'node:fs/promises'
import { dirname } from 'node:path'
import { startSyncFixture, hubspotToken, sugarPassword } from './support/sync-fixture.js'
import { createJsonLogger } from '../src/app/logger.js'
import { generateSugarSeed } from '../src/sandbox/sugarcrm/generate-seed.js'

it('credentials never appear in logs, run records or the store, even when a system rejects them', async () => {
  const lines: string[] = []
  const f = await startSyncFixture(
    { sugar: generateSugarSeed({ contacts: 30, leads: 0, seed: 9 }), hubspot: { owners: [], contacts: [] } },
    `  people:
    entity: person
    systems:
      - { system: sugar, objects: [Contacts] }
      - { system: hubspot, objects: [contacts] }
    match: [email]
    fields:
      - { name: email, sugar: email1, hubspot: email, direction: sugar -> hubspot }
      - { sugar: last_name, hubspot: lastname, direction: sugar -> hubspot }
`,
  )
  try {
    const logger = createJsonLogger((line) => lines.push(line))
    await f.sync('people', { logger })
    // Now HubSpot refuses the token: the failed run is logged and recorded too.
    // (As if the private app's token were rotated in HubSpot.)
    ;(f.hubspot.state as { token: string }).token = 'pat-another-token'
    const sugar = f.app.connectors.get('sugar')
    await sugar?.write('Contacts', [{ kind: 'update', ref: 'x', id: String(generateSugarSeed({ contacts: 30, leads: 0, seed: 9 }).contacts?.[0]?.id), fields: { last_name: 'Changed' } }])
    await assert.rejects(f.sync('people', { logger }))
    assert.ok(lines.some((l) => l.includes('"sync failed"')), 'the failure is logged')
    const runs = await f.app.store.listRuns(10)
    const items = (await Promise.all(runs.map((r) => f.app.store.getRunItems(r.id)))).flat()
    const texts = [lines.join('\n'), JSON.stringify(runs), JSON.stringify(items)]
    const folder = dirname(f.storePath)
    for (const file of await readdir(folder)) texts.push((await readFile(`${folder}/${file}`)).toString('latin1'))
    for (const secret of [hubspotToken, sugarPassword]) {
      for (const text of texts) assert.ok(!text.includes(secret), `a credential leaked into ${text.slice(0, 80)}`)
    }
  } finally {
    await f.close()
  }
})
