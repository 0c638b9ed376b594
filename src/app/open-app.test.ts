import { it } from 'node:test'
import assert from 'node:assert/strict'
import { parseConfigText } from './config/load-config.js'
import { openAppFrom } from './open-app.js'
import { exportDepsOf } from './export/export-deps-of.js'

const text = `store: ':memory:'
systems:
  sfdc:
    kind: salesforce
    url: \${SF_URL}
    auth: { accessToken: "\${SF_TOKEN}" }
`

/** The 48-bit millisecond prefix of a version-7 UUID. */
const msOf = (id: string): number => parseInt(id.replaceAll('-', '').slice(0, 12), 16)

it('the app\'s clock is the one its sync and export runs, their ids and the commands read', async () => {
  const at = new Date('2031-05-06T07:08:09.010Z')
  const app = await openAppFrom(parseConfigText(text, 'revsync.yaml', { SF_URL: 'http://127.0.0.1:1', SF_TOKEN: 'x' }), { now: () => at })
  try {
    const sync = app.syncDeps()
    const exp = exportDepsOf(app)
    assert.equal(app.now(), at)
    assert.equal(sync.now(), at)
    assert.equal(exp.now(), at)
    // Export runs get time-ordered ids like sync runs, on the same clock.
    for (const id of [app.newId(), sync.newId(), exp.newId()]) {
      assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
      assert.equal(msOf(id), at.getTime())
    }
  } finally {
    await app.close()
  }
})

it('the lead assignment connector of a system loaded without its secrets refuses like the system\'s own connector', async () => {
  const app = await openAppFrom(parseConfigText(text, 'revsync.yaml', {}, { secrets: 'deferred' }))
  try {
    const assignment = exportDepsOf(app).assignmentConnector?.('sfdc')
    assert.ok(assignment)
    await assert.rejects(assignment.users(), { name: 'ConfigError', message: /revsync\.yaml:5 systems\.sfdc\.url: environment variable SF_URL is not set/ })
    assert.equal(assignment.callCount(), 0)
  } finally {
    await app.close()
  }
})
