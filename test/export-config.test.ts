import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { ConfigError } from '../src/app/config/config-error.js'
import { parseConfigText } from '../src/app/config/load-config.js'

const systems = `systems:
  sfdc:
    kind: salesforce
    url: http://127.0.0.1:1
    auth: { accessToken: t }
  hubspot:
    kind: hubspot
    url: http://127.0.0.1:2
    auth: { token: tttttttt }
  sugar:
    kind: sugarcrm
    url: http://127.0.0.1:3
    auth: { username: a, password: b }
`

function issues(exportsYaml: string): string[] {
  try {
    parseConfigText(`${systems}exports:\n${exportsYaml}`, 'revsync.yaml', {})
  } catch (error) {
    assert.ok(error instanceof ConfigError, String(error))
    return error.message.split('\n')
  }
  return []
}

describe('exports config', () => {
  it('accepts a full target and fills the defaults', () => {
    const loaded = parseConfigText(
      `${systems}exports:
  champions:
    system: sfdc
    defaultOwner: dana@acme.com
    accountOwnerField: SDR_Owner__c
    leadRouting: { kind: round-robin, pool: [a@acme.com, b@acme.com] }
    fields:
      lead:
        - { field: Status, source: { static: Open } }
        - { field: UG_Past_Company__c, source: { dynamic: pastCompany.name }, on: [create, update-if-empty] }
        - { field: City, source: { location: city, from: company } }
`,
      'revsync.yaml',
      {},
    )
    const t = loaded.config.exports.champions!
    assert.equal(t.reassignExisting, false)
    assert.equal(t.location, 'person')
    assert.deepEqual(t.fields.lead[0]?.on, ['create'])
    assert.equal(t.recordSync, undefined, 'resolved per system kind at run time')
  })

  it('names the line, the setting and the fix of each mistake', () => {
    const found = issues(`  a:
    system: nope
    defaultOwner: x
  b:
    system: sugar
    defaultOwner: x
  c:
    system: hubspot
    recordSync: always-lead
    defaultOwner: x
    leadRouting: { kind: assignment-rules }
    fields:
      lead:
        - { field: x, source: { static: y } }
  d:
    system: sfdc
    defaultOwner: x
    leadRouting: { kind: round-robin, pool: [a@x.io, A@x.io] }
    fields:
      contact:
        - { field: Title, source: { dynamic: person.title } }
        - { field: title, source: { static: CEO } }
`)
    assert.deepEqual(found, [
      'revsync.yaml:16 exports.a.system: unknown system "nope"; define it under systems, or use one of: sfdc, hubspot, sugar',
      'revsync.yaml:19 exports.b.system: "sugar" is a sugarcrm system; exports go to Salesforce or HubSpot; point system at a salesforce or hubspot system',
      'revsync.yaml:23 exports.c.recordSync: "always-lead" is not a hubspot record sync option; use one of: always-contact, contact-and-account',
      'revsync.yaml:25 exports.c.leadRouting.kind: assignment rules are a Salesforce feature; use default-owner or round-robin on HubSpot',
      'revsync.yaml:28 exports.c.fields.lead: hubspot has no lead records; HubSpot people are contacts: move these rows under fields.contact',
      'revsync.yaml:32 exports.d.leadRouting.pool[1]: "A@x.io" is in the pool twice; list each user once; a round robin gives every member one turn',
      'revsync.yaml:36 exports.d.fields.contact[1].field: "title" is mapped twice in contact (also row 0); keep one row per field; list every "on" case in it',
    ])
  })

  it('rejects an unknown signal path, and update with update-if-empty together', () => {
    const found = issues(`  a:
    system: sfdc
    defaultOwner: x
    fields:
      lead:
        - { field: A, source: { dynamic: person.linkedin } }
        - { field: B, source: { static: x }, on: [update, update-if-empty] }
`)
    assert.equal(found.length, 2)
    assert.match(found[0]!, /exports\.a\.fields\.lead\[0\]\.source\.dynamic: use a signal path: person\.firstName/)
    assert.match(found[1]!, /exports\.a\.fields\.lead\[1\]\.on: "update" already writes on every update/)
  })
})
