import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { ConnectorError } from '../src/domain/connector.js'
import type { Connector } from '../src/domain/connector.js'
import type { Page } from '../src/domain/records.js'
import { jobChange, sfId, startHubSpotExport, startSalesforceExport } from './support/export-fixture.js'
import type { ExportFixture } from './support/export-fixture.js'

// The export's account index is kept in the store: the first export reads the org in full,
// the next reads only what changed since (renames, deletes, new parents and owners included).
// The simulators run on a clock the test moves, so "later" needs no waiting.

const start = Date.parse('2026-03-02T09:00:00.000Z')
const hour = 3_600_000
const iso = (ms: number): string => new Date(ms).toISOString()

/** Calls per route family since the last reset, read from the simulator's control endpoint. */
async function calls(url: string): Promise<Record<string, number>> {
  return (await (await fetch(`${url}/__sandbox/calls`)).json()) as Record<string, number>
}
const resetCalls = async (url: string): Promise<void> => {
  await fetch(`${url}/__sandbox/calls`, { method: 'DELETE' })
}

// eslint-disable-next-line require-yield
async function* failingRead(): AsyncGenerator<Page> {
  throw new ConnectorError('salesforce', 'unavailable', 'contacts are unavailable')
}

function connectorOf(f: ExportFixture, system: string): Connector {
  const c = f.app.connectors.get(system)
  if (!c) throw new Error(`no connector ${system}`)
  return c
}

describe('export account index over Salesforce', { timeout: 120_000 }, () => {
  let now = start
  let f: Awaited<ReturnType<typeof startSalesforceExport>>
  const user = (n: number, first: string) => ({ Id: sfId('User', n), Username: `${first}@org.test`, Email: `${first}@org.test`, FirstName: first, LastName: 'User', IsActive: true })
  const dana = sfId('User', 1)
  const sam = sfId('User', 2)
  const rita = sfId('User', 3)
  const acme = sfId('Account', 1)
  const initech = sfId('Account', 2)
  const globex = sfId('Account', 3)
  // More than one page of accounts (2,000 a page), each saved a minute apart, the newest a minute before the first export.
  const fillers = 2_100

  before(async () => {
    const old = iso(start - 72 * hour)
    const stamp = (at: string) => ({ CreatedDate: at, LastModifiedDate: at, SystemModstamp: at })
    const accounts = [
      { Id: acme, Name: 'Acme, Inc.', Website: 'acme.com', OwnerId: sam, ...stamp(old) },
      { Id: initech, Name: 'Initech', Website: 'initech.com', OwnerId: sam, ...stamp(old) },
      { Id: globex, Name: 'Globex', Website: 'globex.com', OwnerId: sam, ...stamp(old) },
      ...Array.from({ length: fillers }, (_, i) => ({ Name: `Filler ${i} Holdings`, Website: `filler-${i}.example`, OwnerId: dana, ...stamp(iso(start - (fillers - i) * 60_000)) })),
    ]
    const seed = { users: [user(1, 'dana'), user(2, 'sam'), user(3, 'rita')], accounts, contacts: [{ FirstName: 'Old', LastName: 'Contact', Email: 'old@acme.com', AccountId: acme, ...stamp(old) }] }
    f = await startSalesforceExport(seed, `  champions:\n    system: sfdc\n    defaultOwner: dana@org.test\n    accountOwnerField: OwnerId\n`, { now: () => now })
  })
  after(() => f?.close())

  it('reads the org once, then only the accounts that changed, and sees renames, deletes and new owners', async () => {
    await resetCalls(f.sim.url)
    const first = await f.export('champions', [jobChange('Jane', 'Doe', 'jane@acme.com', { name: 'Acme', domain: 'acme.com' })])
    assert.deepEqual(first.index, { read: 'full', accountsRead: fillers + 3, contactsRead: 1, removed: 0 })
    assert.equal(first.outcomes[0]?.account.id, acme)
    assert.equal(first.outcomes[0]?.owner.id, sam, 'Acme is owned by Sam')
    assert.ok((await calls(f.sim.url)).queryMore! >= 1, 'the full read pages through the accounts')

    // In the CRM, an hour later: Initech renamed, Globex deleted, Acme handed to Rita.
    now += hour
    const sfdc = connectorOf(f, 'sfdc')
    const renamed = await sfdc.write('Account', [
      { kind: 'update', ref: 'r', id: initech, fields: { Name: 'Initrode Global' } },
      { kind: 'update', ref: 'o', id: acme, fields: {}, refs: { owner: rita } },
    ])
    assert.ok(renamed.every((r) => r.ok))
    assert.ok((await sfdc.remove('Account', [globex]))[0]?.ok)
    now += hour

    await resetCalls(f.sim.url)
    const second = await f.export('champions', [
      jobChange('Bob', 'Byrne', 'bob.byrne@gmail.com', { name: 'Initrode Global' }),
      jobChange('Carl', 'Cole', 'carl@globex.com', { name: 'Globex', domain: 'globex.com' }),
      jobChange('Dora', 'Diaz', 'dora@acme.com', { name: 'Acme', domain: 'acme.com' }),
    ])
    assert.equal(second.index?.read, 'changes')
    // The three accounts changed, and the newest ones again within the overlap window: not the org.
    assert.ok(second.index!.accountsRead >= 3 && second.index!.accountsRead <= 6, `read ${second.index!.accountsRead} accounts`)
    assert.ok(second.index!.contactsRead <= 2, 'the contact the first export created (and Acme\'s, whose owner moved)')
    assert.equal(second.index?.removed, 1, 'Globex')
    assert.equal((await calls(f.sim.url)).queryMore ?? 0, 0, 'no second page of anything')
    const [bob, carl, dora] = second.outcomes
    assert.equal(bob?.object, 'Contact')
    assert.equal(bob?.account.id, initech, 'the new name finds the renamed account')
    assert.equal(carl?.object, 'Lead', 'no contact is placed on a deleted account')
    assert.equal(carl?.account.id, null)
    assert.equal(dora?.account.id, acme)
    assert.equal(dora?.owner.id, rita, "the account's new owner owns the contact")
  })

  it('keeps the stored index when an export fails while reading the changes', async () => {
    now += hour
    await connectorOf(f, 'sfdc').write('Account', [{ kind: 'update', ref: 'r', id: initech, fields: { Name: 'Initech Again' } }])
    now += hour
    const before = await f.app.store.loadExportIndex('champions')
    // The accounts (with the rename) are read, then reading the contacts fails.
    const connectors = f.app.connectors as Map<string, Connector>
    const real = connectorOf(f, 'sfdc')
    connectors.set('sfdc', { ...real, read: (object, since, options) => (object === 'Contact' ? failingRead() : real.read(object, since, options)) })
    try {
      await assert.rejects(f.export('champions', [jobChange('Eve', 'Ernst', 'eve@acme.com', { name: 'Acme', domain: 'acme.com' })]), /contacts are unavailable/)
    } finally {
      connectors.set('sfdc', real)
    }
    assert.deepEqual(await f.app.store.loadExportIndex('champions'), before, 'the failed refresh left the stored index as it was')
    const next = await f.export('champions', [jobChange('Fay', 'Fern', 'fay.fern@gmail.com', { name: 'Initech Again' })])
    assert.equal(next.index?.read, 'changes')
    assert.equal(next.outcomes[0]?.account.id, initech, 'the rename the failed run missed is read by the next one')
  })
})

describe('export account index over HubSpot', { timeout: 120_000 }, () => {
  let now = start
  let f: Awaited<ReturnType<typeof startHubSpotExport>>
  const fillers = 250
  const old = String(start - 72 * hour)

  before(async () => {
    const owners = [
      { id: '101', email: 'dana@org.test', firstName: 'Dana', lastName: 'Default' },
      { id: '102', email: 'sam@org.test', firstName: 'Sam', lastName: 'Sdr' },
      { id: '103', email: 'rita@org.test', firstName: 'Rita', lastName: 'Round' },
    ]
    const stamp = (at: string) => ({ createdate: at, hs_lastmodifieddate: at })
    const companies = [
      { id: '9001', properties: { name: 'Acme, Inc.', domain: 'acme.com', hubspot_owner_id: '102', ...stamp(old) } },
      { id: '9002', properties: { name: 'Initech', domain: 'initech.com', hubspot_owner_id: '102', ...stamp(old) } },
      { id: '9003', properties: { name: 'Globex', domain: 'globex.com', hubspot_owner_id: '102', ...stamp(old) } },
      ...Array.from({ length: fillers }, (_, i) => ({ properties: { name: `Filler ${i} Holdings`, domain: `filler-${i}.example`, ...stamp(String(start - (fillers - i) * 60_000)) } })),
    ]
    const contacts = [{ id: '7001', properties: { email: 'gone@acme.com', firstname: 'Gina', lastname: 'Gone', createdate: old, lastmodifieddate: old }, companyId: '9001' }]
    f = await startHubSpotExport({ owners, companies, contacts }, `  champions:\n    system: hubspot\n    defaultOwner: dana@org.test\n    accountOwnerField: hubspot_owner_id\n`, { now: () => now })
  })
  after(() => f?.close())

  it('reads the portal once, then only the companies that changed, and sees renames, deletes and new owners', async () => {
    await resetCalls(f.sim.url)
    const first = await f.export('champions', [jobChange('Jane', 'Doe', 'jane@acme.com', { name: 'Acme', domain: 'acme.com' })])
    assert.deepEqual(first.index, { read: 'full', accountsRead: fillers + 3, contactsRead: 1, removed: 0 })
    assert.equal(first.outcomes[0]?.account.id, '9001')
    assert.equal(first.outcomes[0]?.owner.id, '102')
    const fullSearches = (await calls(f.sim.url))['companies.search'] ?? 0
    assert.ok(fullSearches >= 2, 'the full read pages through the companies')

    now += hour
    const hubspot = connectorOf(f, 'hubspot')
    const written = await hubspot.write('companies', [
      { kind: 'update', ref: 'r', id: '9002', fields: { name: 'Initrode Global' } },
      { kind: 'update', ref: 'o', id: '9001', fields: {}, refs: { owner: '103' } },
    ])
    assert.ok(written.every((r) => r.ok), JSON.stringify(written))
    // HubSpot's search never returns archived records: the export learns of this one when it matches.
    assert.ok((await hubspot.remove('companies', ['9003']))[0]?.ok)
    assert.ok((await hubspot.remove('contacts', ['7001']))[0]?.ok)
    now += hour

    await resetCalls(f.sim.url)
    const second = await f.export('champions', [
      jobChange('Bob', 'Byrne', 'bob.byrne@gmail.com', { name: 'Initrode Global' }),
      jobChange('Carl', 'Cole', 'carl@globex.com', { name: 'Globex', domain: 'globex.com' }),
      jobChange('Dora', 'Diaz', 'dora@acme.com', { name: 'Acme', domain: 'acme.com' }),
      jobChange('Gina', 'Gone', 'gone@acme.com', { name: 'Acme', domain: 'acme.com' }),
    ])
    assert.equal(second.index?.read, 'changes')
    assert.ok(second.index!.accountsRead >= 2 && second.index!.accountsRead <= 5, `read ${second.index!.accountsRead} companies`)
    assert.equal((await calls(f.sim.url))['companies.search'], 1, 'one page of changed companies')
    const [bob, carl, dora, gina] = second.outcomes
    assert.equal(gina?.outcome, 'created', 'a deleted contact is not updated: the person is created again')
    assert.equal(bob?.account.id, '9002', 'the new name finds the renamed company')
    assert.equal(carl?.account.id, null, 'no contact is associated with an archived company')
    assert.equal(carl?.outcome, 'created')
    assert.equal(dora?.account.id, '9001')
    assert.equal(dora?.owner.id, '103', "the company's new owner owns the contact")
    const stored = await f.app.store.loadExportIndex('champions')
    assert.equal(stored?.rows.some((r) => r.kind === 'account' && r.id === '9003'), false, 'the archived company left the stored index')
    assert.equal(stored?.rows.some((r) => r.kind === 'contact' && r.id === '7001'), false, 'and so did the archived contact')
  })
})
