import { it } from 'node:test'
import assert from 'node:assert/strict'
import { parseConfigText } from '../config/load-config.js'
import { openAppFrom } from '../open-app.js'

const text = `store: ':memory:'
systems:
  hubspot:
    kind: hubspot
    url: \${HUBSPOT_URL}
    auth: { token: "\${HUBSPOT_TOKEN}" }
`

it('a system loaded without its secrets refuses every call with the missing variables, and sends nothing', async () => {
  const app = await openAppFrom(parseConfigText(text, 'revsync.yaml', {}, { secrets: 'deferred' }))
  try {
    const hubspot = app.connectors.get('hubspot')
    assert.ok(hubspot)
    const missing = /revsync\.yaml:5 systems\.hubspot\.url: environment variable HUBSPOT_URL is not set.*\nrevsync\.yaml:6 systems\.hubspot\.auth\.token: environment variable HUBSPOT_TOKEN is not set/
    await assert.rejects(hubspot.users(), { name: 'ConfigError', message: missing })
    await assert.rejects(hubspot.describe('contacts'), missing)
    await assert.rejects(async () => {
      for await (const _page of hubspot.read('contacts')) assert.fail('read a page')
    }, missing)
    assert.equal(hubspot.callCount(), 0)
  } finally {
    await app.close()
  }
})
