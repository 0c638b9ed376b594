import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { parseConfigText } from './load-config.js'
import { formatIssue } from './config-error.js'
import { ConfigError } from './config-error.js'

const valid = `
store: .revsync/state.db
systems:
  sugar:
    kind: sugarcrm
    url: http://127.0.0.1:4102
    auth:
      username: admin
      password: \${SUGAR_PASSWORD}
  hubspot:
    kind: hubspot
    url: http://127.0.0.1:4101
    auth:
      token: \${HUBSPOT_TOKEN}
mappings:
  people:
    entity: person
    systems:
      - system: sugar
        objects: [Contacts]
      - system: hubspot
        objects: [contacts]
    match: [email]
    fields:
      - name: email
        sugar: email1
        hubspot: email
      - sugar: first_name
        hubspot: firstname
        direction: sugar -> hubspot
`
const env = { SUGAR_PASSWORD: 'sugar-secret-pw', HUBSPOT_TOKEN: 'pat-secret-token' }

/** Parses and returns the formatted issues, failing the test if the config was accepted. */
function issuesOf(text: string, environment: Record<string, string> = env): string[] {
  try {
    parseConfigText(text, 'revsync.yaml', environment)
  } catch (error) {
    assert.ok(error instanceof ConfigError, String(error))
    return error.message.split('\n')
  }
  assert.fail('the config was accepted')
}

describe('loading revsync.yaml', () => {
  it('accepts a valid config, interpolates secrets and fills defaults', () => {
    const { config } = parseConfigText(valid, 'revsync.yaml', env)
    const hubspot = config.systems.hubspot
    assert.equal(hubspot?.kind === 'hubspot' && hubspot.auth.token, 'pat-secret-token')
    assert.equal(config.mappings.people?.fields[0]?.policy, 'system-of-record')
    assert.equal(config.sync.batchSize, 100)
  })

  it('names the line of a YAML syntax error', () => {
    const lines = issuesOf('systems:\n  hubspot:\n    kind: hubspot\n   url: [unclosed\n')
    assert.match(lines[0] ?? '', /^revsync\.yaml:\d+: /)
  })

  it('reports an unknown system in a mapping with its line and the known systems', () => {
    const lines = issuesOf(valid.replace('- system: hubspot', '- system: hubspt'))
    assert.deepEqual(lines, [
      'revsync.yaml:21 mappings.people.systems[1].system: unknown system "hubspt"; define it under systems, or use one of: sugar, hubspot',
      'revsync.yaml:27 mappings.people.fields[0].hubspot: "hubspot" is not a system of this mapping; add it under systems of this mapping, or remove it from the row (systems: sugar, hubspt)',
      'revsync.yaml:29 mappings.people.fields[1].hubspot: "hubspot" is not a system of this mapping; add it under systems of this mapping, or remove it from the row (systems: sugar, hubspt)',
    ])
  })

  it('reports an unknown setting at its line', () => {
    const lines = issuesOf(valid.replace('    entity: person', '    entity: person\n    colour: blue'))
    assert.deepEqual(lines, ['revsync.yaml:18 mappings.people.colour: unknown setting "colour"; remove it or check its spelling (see schema/revsync.schema.json)'])
  })

  it('reports a missing secret by variable name and never prints a secret value', () => {
    const lines = issuesOf(valid, { SUGAR_PASSWORD: 'sugar-secret-pw' })
    assert.deepEqual(lines, ['revsync.yaml:14 systems.hubspot.auth.token: environment variable HUBSPOT_TOKEN is not set; export HUBSPOT_TOKEN=... before running revsync (or write ${HUBSPOT_TOKEN:-default})'])
    assert.ok(!lines.join('\n').includes('sugar-secret-pw'))
  })

  it('refuses an owner lookup mapped as a plain field and points to relationships.owner', () => {
    const lines = issuesOf(`${valid}      - sugar: assigned_user_id\n        hubspot: hubspot_owner_id\n`)
    assert.equal(lines.length, 2)
    assert.match(lines[0] ?? '', /^revsync\.yaml:31 mappings\.people\.fields\[2\]\.sugar: sugar field "assigned_user_id" is the owner lookup; do not map it as a field row; map it under mappings\.<name>\.relationships\.owner/)
    assert.match(lines[1] ?? '', /^revsync\.yaml:32 .*"hubspot_owner_id" is the owner lookup/)
  })

  it('refuses a write through a relationship path and accepts it one way', () => {
    const twoWay = `${valid}      - sugar: owner.fullName\n        hubspot: sugar_owner\n`
    assert.match(issuesOf(twoWay)[0] ?? '', /fields\[2\]\.sugar: "owner\.fullName" is read through a relationship and cannot be written; make the row one way from sugar/)
    const oneWay = `${twoWay}        direction: sugar -> hubspot\n`
    assert.doesNotThrow(() => parseConfigText(oneWay, 'revsync.yaml', env))
  })

  it('refuses delete archiving, which is not supported yet, instead of silently ignoring it', () => {
    const lines = issuesOf(valid.replace('    match: [email]', '    match: [email]\n    deletes: archive'))
    assert.deepEqual(lines, ['revsync.yaml:24 mappings.people.deletes: deletes: archive is not supported yet; use record (the default) or propagate, which deletes the linked records (HubSpot archives them, Salesforce moves them to its recycle bin)'])
    assert.doesNotThrow(() => parseConfigText(valid.replace('    match: [email]', '    match: [email]\n    deletes: propagate'), 'revsync.yaml', env))
  })

  it('takes a schedule as an interval or a cron expression, and names the line of a bad one', () => {
    const every = parseConfigText(valid.replace('    match: [email]', '    match: [email]\n    schedule: { every: 5m }'), 'revsync.yaml', env)
    assert.deepEqual(every.config.mappings.people?.schedule, { every: '5m' })
    const cron = parseConfigText(valid.replace('    match: [email]', '    match: [email]\n    schedule: { cron: "*/15 * * * 1-5" }'), 'revsync.yaml', env)
    assert.deepEqual(cron.config.mappings.people?.schedule, { cron: '*/15 * * * 1-5' })
    assert.deepEqual(issuesOf(valid.replace('    match: [email]', '    match: [email]\n    schedule: { every: 5 minutes }')), ['revsync.yaml:24 mappings.people.schedule.every: write a whole number and a unit: 30s, 5m, 1h or 1d'])
    assert.deepEqual(issuesOf(valid.replace('    match: [email]', '    match: [email]\n    schedule: { cron: "0 25 * * *" }')), ['revsync.yaml:24 mappings.people.schedule.cron: the hour field "25" must stay within 0-23'])
  })

  it('reports a match key that names no row', () => {
    const lines = issuesOf(valid.replace('match: [email]', 'match: [mail]'))
    assert.deepEqual(lines, ['revsync.yaml:23 mappings.people.match[0]: no field row is named "mail"; add name: mail to the row that holds it'])
  })

  it('reports a bad system url and an invalid direction with their paths', () => {
    const lines = issuesOf(valid.replace('url: http://127.0.0.1:4101', 'url: not a url').replace('direction: sugar -> hubspot', 'direction: sideways'))
    assert.equal(lines.length, 2)
    assert.match(lines.find((l) => l.includes('systems.hubspot')) ?? '', /^revsync\.yaml:12 systems\.hubspot\.url: must be an http:\/\/ or https:\/\/ URL/)
    assert.match(lines.find((l) => l.includes('direction')) ?? '', /^revsync\.yaml:30 mappings\.people\.fields\[1\]\.direction: write "both" or "SOURCE -> TARGET"/)
  })

  it('refuses a system url that is not http or https, at load time, naming the setting', () => {
    const lines = issuesOf(valid.replace('url: http://127.0.0.1:4101', 'url: file:///etc/passwd'))
    assert.deepEqual(lines, ['revsync.yaml:12 systems.hubspot.url: must be an http:// or https:// URL, such as https://api.hubapi.com or http://127.0.0.1:4101'])
  })

  it('refuses a row that writes a field another row already writes', () => {
    const repeated = '      - sugar: first_name\n        hubspot: firstname\n'
    const lines = issuesOf(`${valid}${repeated}${repeated}`)
    assert.deepEqual(lines, [
      'revsync.yaml:32 mappings.people.fields[2].hubspot: hubspot contacts.firstname is already written by fields[1]; keep one row per field, or make this one one way into another system',
      'revsync.yaml:33 mappings.people.fields[3].sugar: sugar Contacts.first_name is already written by fields[2]; keep one row per field, or make this one one way into another system',
      'revsync.yaml:34 mappings.people.fields[3].hubspot: hubspot contacts.firstname is already written by fields[1]; keep one row per field, or make this one one way into another system',
    ])
  })

  it('lists the first repeated rows and counts the rest, so thousands of them make a short message', () => {
    const repeated = '      - { sugar: title, hubspot: jobtitle }\n'.repeat(1000)
    const lines = issuesOf(`${valid}${repeated}`)
    assert.equal(lines.length, 21)
    assert.equal(lines[20], 'revsync.yaml:25 mappings.people.fields: 1978 more rows write a field another row already writes; keep one row per field')
  })

  it('lets two one-way rows read one field into different targets', () => {
    const fanOut = `${valid}      - sugar: first_name\n        hubspot: lastname\n        direction: sugar -> hubspot\n`
    assert.doesNotThrow(() => parseConfigText(fanOut, 'revsync.yaml', env))
  })

  it('refuses a YAML alias bomb and names the file and the line of the first alias', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x]']
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i)
      lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${prev}`).join(', ')}]`)
    }
    assert.deepEqual(issuesOf(`${lines.join('\n')}\n`), [
      'revsync.yaml:2: the YAML aliases (*name) expand to more data than a config holds; write the values out instead of repeating aliases of aliases',
    ])
  })

  it('loads without the systems\' secrets when asked to, and keeps what is missing for the commands that call a system', () => {
    const loaded = parseConfigText(valid, 'revsync.yaml', {}, { secrets: 'deferred' })
    assert.equal(loaded.config.store, '.revsync/state.db')
    assert.deepEqual([...loaded.unresolved.keys()], ['sugar', 'hubspot'])
    assert.deepEqual(loaded.unresolved.get('hubspot')?.map(formatIssue), ['revsync.yaml:14 systems.hubspot.auth.token: environment variable HUBSPOT_TOKEN is not set; export HUBSPOT_TOKEN=... before running revsync (or write ${HUBSPOT_TOKEN:-default})'])
    assert.equal(parseConfigText(valid, 'revsync.yaml', env, { secrets: 'deferred' }).unresolved.size, 0)
  })

  it('still demands a missing variable outside systems (the store) when secrets are deferred', () => {
    const lines = issuesOf(valid.replace('store: .revsync/state.db', 'store: ${DATABASE_URL}'), {})
    assert.ok(lines.some((l) => l.startsWith('revsync.yaml:2 store: environment variable DATABASE_URL is not set')), lines.join('\n'))
    assert.throws(() => parseConfigText(valid.replace('store: .revsync/state.db', 'store: ${DATABASE_URL}'), 'revsync.yaml', {}, { secrets: 'deferred' }), /store: environment variable DATABASE_URL is not set/)
  })
})
