import assert from 'node:assert/strict'
import type { RemoteUser, WriteOp } from '../../../domain/records.js'
import type { CaseTools, Define } from './define.js'
import { assertNoSecretsIn, byId, firstFailure, firstPage, lookupKey, readPages, recordsOf } from './helpers.js'

/** A stored person with an email, for cases that update one or collide with it. */
async function existingPerson({ fx }: CaseTools): Promise<{ id: string; email: string }> {
  const { email } = fx.profile.people
  const record = (await firstPage(fx.connector, fx.profile.people.object)).find((r) => typeof r.fields[email] === 'string')
  assert.ok(record, 'the simulator holds a person with an email')
  return { id: record.id, email: String(record.fields[email]) }
}

async function usersByState(tools: CaseTools): Promise<{ active: RemoteUser[]; inactive: RemoteUser[] }> {
  const users = await tools.fx.connector.users()
  return { active: users.filter((u) => u.active), inactive: users.filter((u) => !u.active) }
}

/** Writes: partial failures, owner references, users, lead conversion. */
export function writeCases(define: Define): void {
  define('write-partial-failure', 'create and update with a partial failure write the good records and report each bad one, in op order', async (tools) => {
    const { connector, driver, profile } = tools.fx
    const { object, editable } = profile.people
    const existing = await existingPerson(tools)
    const refused = profile.refusedCreates(existing)
    const updated = `Updated ${tools.tag('upd')}`
    const ops: WriteOp[] = [
      { kind: 'create', ref: 'good-1', fields: profile.people.newRecord(tools.tag('good')) },
      ...refused.map((r): WriteOp => ({ kind: 'create', ref: r.label, fields: r.fields, ...(r.refs ? { refs: r.refs } : {}) })),
      { kind: 'update', ref: 'update-existing', id: existing.id, fields: { [editable]: updated } },
      { kind: 'update', ref: 'update-missing', id: profile.missingId.id, fields: { [editable]: 'nobody' } },
      { kind: 'create', ref: 'good-2', fields: profile.people.newRecord(tools.tag('good')) },
    ]
    const before = await driver.count(object)
    const results = await connector.write(object, ops)
    assert.deepEqual(results.map((r) => r.ref), ops.map((o) => o.ref), 'one result per op, in op order')
    const byRef = new Map(results.map((r) => [r.ref, r]))
    for (const ref of ['good-1', 'good-2', 'update-existing']) assert.equal(byRef.get(ref)?.ok, true, `${ref}: ${firstFailure([byRef.get(ref)])}`)
    for (const r of refused) {
      const result = byRef.get(r.label)!
      assert.ok(!result.ok, `${r.label} was refused`)
      assert.deepEqual([result.code, result.vendorCode], [r.code, r.vendorCode], `${r.label}: ${result.message}`)
      assert.ok(result.message.length > 0, `${r.label} carries the vendor's message`)
      // Vendors echo refused values; one that is a credential must not reach revsync's store or logs.
      assertNoSecretsIn(result.message, driver.secrets())
    }
    const missing = byRef.get('update-missing')!
    assert.ok(!missing.ok, `the update of ${profile.missingId.id}, which no record has, failed`)
    assert.deepEqual([missing.code, missing.vendorCode], ['not_found', profile.missingId.vendorCode], missing.message)
    assert.equal(await driver.count(object), before + 2, 'the good creates were written, the refused ones not')
    const good = byRef.get('good-1')!
    assert.ok(good.ok, 'good-1 was written')
    const created = await byId(connector, object, good.id)
    assert.equal(created?.fields[profile.people.email], ops[0]!.fields[profile.people.email])
    assert.equal((await byId(connector, object, existing.id))?.fields[editable], updated)
  })

  define('remove', 'remove deletes records and takes an id that is already gone as done, one result per id in order', async (tools) => {
    const { connector, driver, profile } = tools.fx
    const { object } = profile.people
    const created = await connector.write(object, [1, 2].map((n): WriteOp => ({ kind: 'create', ref: `rm-${n}`, fields: profile.people.newRecord(tools.tag(`rm${n}`)) })))
    const ids = created.map((r) => (r.ok ? r.id : assert.fail(`created the records to remove: ${firstFailure([r])}`)))
    const before = await driver.count(object)
    const results = await connector.remove(object, [ids[0] as string, profile.missingId.id, ids[1] as string])
    assert.deepEqual(results.map((r) => [r.ref, r.ok]), [[ids[0], true], [profile.missingId.id, true], [ids[1], true]], `results: ${firstFailure(results)}`)
    assert.equal(await driver.count(object), before - 2, 'both records are gone from the live ones')
    for (const id of ids) assert.equal(await byId(connector, object, id as string), undefined, `${id} is no longer read by id`)
    assert.ok((await connector.remove(object, [ids[0] as string]))[0]?.ok, 'removing it again is done, not a failure')
  })

  define('owner-round-trip', 'an owner written as refs.owner reads back, and moves', async (tools) => {
    const { connector, profile } = tools.fx
    const { object } = profile.people
    const { active } = await usersByState(tools)
    assert.ok(active.length >= 2, 'two active users to move a record between')
    const [first, second] = active.slice(-2) as [RemoteUser, RemoteUser]
    const [created] = await connector.write(object, [{ kind: 'create', ref: 'owned', fields: profile.people.newRecord(tools.tag('own')), refs: { owner: first.id } }])
    assert.ok(created?.ok, firstFailure([created]))
    const read = await byId(connector, object, created.id)
    assert.equal(read?.refs?.owner, first.id)
    const [moved] = await connector.write(object, [{ kind: 'update', ref: 'move', id: created.id, fields: {}, refs: { owner: second.id } }])
    assert.ok(moved?.ok, firstFailure([moved]))
    assert.equal((await byId(connector, object, created.id))?.refs?.owner, second.id)
  })

  define('owner-inactive', 'an inactive owner is refused as inactive_owner, on create and on update', async (tools) => {
    const { connector, driver, profile } = tools.fx
    const { object } = profile.people
    const { active, inactive } = await usersByState(tools)
    const gone = inactive[0]
    assert.ok(gone && active[0], 'the simulator has an active and an inactive user')
    const [owned] = await connector.write(object, [{ kind: 'create', ref: 'owned', fields: profile.people.newRecord(tools.tag('kept')), refs: { owner: active[0].id } }])
    assert.ok(owned?.ok, firstFailure([owned]))
    const before = await driver.count(object)
    const results = await connector.write(object, [
      { kind: 'create', ref: 'create', fields: profile.people.newRecord(tools.tag('orphan')), refs: { owner: gone.id } },
      { kind: 'update', ref: 'update', id: owned.id, fields: {}, refs: { owner: gone.id } },
    ])
    for (const r of results) {
      assert.ok(!r.ok, `${r.ref} with an inactive owner was refused`)
      assert.deepEqual([r.code, r.vendorCode], ['inactive_owner', profile.inactiveOwnerVendorCode], r.message)
    }
    assert.equal(await driver.count(object), before)
    assert.equal((await byId(connector, object, owned.id))?.refs?.owner, active[0].id, 'the refused update left the owner')
  })

  define('users', 'users() lists every user, active and inactive', async ({ fx }) => {
    const users = await fx.connector.users()
    assert.equal(new Set(users.map((u) => u.id)).size, users.length, 'each user once')
    for (const u of users) {
      assert.ok(typeof u.id === 'string' && u.id !== '', 'each user has an id')
      assert.equal(typeof u.active, 'boolean')
      assert.ok(u.email === null || u.email.includes('@'), `user ${u.id} email`)
    }
    assert.deepEqual({ active: users.filter((u) => u.active).length, inactive: users.filter((u) => !u.active).length }, fx.profile.users)
  })

  define('lead-conversion', 'a lead converted in the CRM reads back with convertedTo pointing at its person', async ({ fx, tag }) => {
    const { connector, driver, profile } = fx
    assert.ok(profile.leads && driver.convertLead, 'the profile has no leads: skip this case with the reason')
    const { object, convertsTo } = profile.leads
    const [lead] = await connector.write(object, [{ kind: 'create', ref: 'lead', fields: profile.leads.newRecord(tag('lead')) }])
    assert.ok(lead?.ok, firstFailure([lead]))
    const cursor = (await readPages(connector, object)).at(-1)!.cursor
    const { contactId } = await driver.convertLead(lead.id)
    const changed = recordsOf(await readPages(connector, object, cursor))
    const converted = changed.find((r) => r.id === lead.id)
    assert.ok(converted, 'the conversion is a change the incremental read sees')
    assert.deepEqual(converted.convertedTo, { object: convertsTo, id: contactId })
    const person = (await connector.lookup(convertsTo, { field: 'id', values: [contactId] })).get(lookupKey(contactId))?.[0]
    assert.equal(person?.id, contactId, 'the person the lead became can be fetched')
  })
}
