import assert from 'node:assert/strict'
import type { Define } from './define.js'
import { firstPage, isoUtc, lookupKey, ms, readPages, recordsOf } from './helpers.js'

/** Incremental reads and lookups. */
export function readCases(define: Define): void {
  define('read-pages', 'an incremental read returns every record once, oldest first, in full pages with ISO cursors', async ({ fx }) => {
    const { connector, driver, profile } = fx
    const object = profile.people.object
    const total = await driver.count(object)
    const pages = await readPages(connector, object)
    assert.ok(pages.length >= 2, `the simulator holds ${total} people, more than one page of ${profile.readPageSize}`)
    assert.equal(pages.length, Math.ceil(total / profile.readPageSize), 'every page but the last is full')
    const records = recordsOf(pages)
    assert.equal(records.length, total)
    assert.equal(new Set(records.map((r) => r.id)).size, total, 'no record comes twice')
    assert.ok(records.every((r) => r.object === object && isoUtc.test(r.modifiedAt)), 'each record names its object and an ISO modifiedAt')
    const times = records.map((r) => ms(r.modifiedAt))
    times.forEach((t, i) => assert.ok(i === 0 || t >= times[i - 1]!, `record ${i} is older than the one before it`))
    let previous = -Infinity
    for (const page of pages) {
      assert.ok(page.records.length > 0 && page.records.length <= profile.readPageSize, `a page of ${page.records.length} records`)
      assert.match(page.cursor.value, isoUtc)
      // The cursor is the modification time of the newest record read so far.
      assert.equal(ms(page.cursor.value), ms(page.records.at(-1)!.modifiedAt))
      assert.ok(ms(page.cursor.value) >= previous, 'cursors never go back')
      previous = ms(page.cursor.value)
    }
  })

  define('read-resume', 'a read from a page cursor resumes there: nothing older comes, nothing newer is missed', async ({ fx }) => {
    const { connector, profile } = fx
    const object = profile.people.object
    const pages = await readPages(connector, object)
    const all = recordsOf(pages)
    const middle = pages[0]!.cursor
    const resumed = recordsOf(await readPages(connector, object, middle))
    assert.ok(resumed.every((r) => ms(r.modifiedAt) >= ms(middle.value)), 'the cursor is inclusive and nothing older comes')
    const resumedIds = new Set(resumed.map((r) => r.id))
    const missed = all.filter((r) => ms(r.modifiedAt) > ms(middle.value) && !resumedIds.has(r.id))
    assert.deepEqual(missed.map((r) => r.id), [], 'every record after the cursor comes again')
    const end = pages.at(-1)!.cursor
    const tail = recordsOf(await readPages(connector, object, end))
    assert.ok(tail.length >= 1, 'the record at the cursor comes again (inclusive)')
    assert.ok(tail.every((r) => ms(r.modifiedAt) === ms(end.value)), 'nothing changed after the last cursor')
  })

  define('read-concurrent-edit', 'a record edited between two reads comes back in the second read, edited', async ({ fx, tag }) => {
    const { connector, driver, profile } = fx
    const object = profile.people.object
    const first = await readPages(connector, object)
    const cursor = first.at(-1)!.cursor
    const target = first[0]!.records[0]!
    const value = `Edited ${tag('edit')}`
    await driver.editRecord(object, target.id, { [profile.people.editable]: value })
    const second = recordsOf(await readPages(connector, object, cursor))
    const edited = second.find((r) => r.id === target.id)
    assert.ok(edited, `the edited record ${target.id} is in the read from ${cursor.value}`)
    assert.equal(edited.fields[profile.people.editable], value)
    assert.ok(ms(edited.modifiedAt) > ms(target.modifiedAt), 'the edit moved its modification time')
    assert.ok(second.every((r) => ms(r.modifiedAt) >= ms(cursor.value)), 'nothing older than the cursor comes')
    assert.ok(ms(second.at(-1)!.modifiedAt) >= ms(edited.modifiedAt), 'the edit is the newest change')
  })

  define('lookup-email', 'lookup by email finds every match, grouped by the value trimmed and lower-cased', async ({ fx, tag }) => {
    const { connector, driver, profile } = fx
    const { object, email } = profile.people
    const known = (await firstPage(connector, object)).filter((r) => typeof r.fields[email] === 'string').slice(0, 150)
    assert.ok(known.length >= 100, 'enough people with emails to need more than one lookup call on every system')
    const t = tag('mixed')
    const mixedEmail = `Mixed.${t}@Example.COM`
    const mixedId = await driver.createRecord(object, { ...profile.people.newRecord(t), [email]: mixedEmail })
    const nobody = `nobody.${t}@nowhere.example`
    const values = [...known.map((r) => `  ${String(r.fields[email]).toUpperCase()} `), ` ${mixedEmail.toUpperCase()}`, nobody]
    const found = await connector.lookup(object, { field: email, values })
    for (const record of known) {
      const key = lookupKey(String(record.fields[email]))
      assert.ok(found.get(key)?.some((r) => r.id === record.id), `${key} finds ${record.id}`)
    }
    assert.deepEqual(found.get(lookupKey(mixedEmail))?.map((r) => r.id), [mixedId], 'a mixed-case email is found by its lower-cased value')
    assert.equal(found.get(nobody)?.length ?? 0, 0)
    for (const [key, group] of found) {
      assert.equal(key, lookupKey(key), `group key "${key}" is normalized`)
      for (const r of group) assert.equal(lookupKey(String(r.fields[email])), key, `${r.id} is grouped under its own email`)
    }
  })

  define('lookup-id', 'lookup by id returns each record under its id', async ({ fx }) => {
    const { connector, profile } = fx
    const { object } = profile.people
    const sample = (await firstPage(connector, object)).slice(0, 3)
    const found = await connector.lookup(object, { field: 'id', values: [...sample.map((r) => ` ${r.id} `), profile.missingId.id] })
    for (const record of sample) {
      const group = found.get(lookupKey(record.id)) ?? []
      assert.deepEqual(group.map((r) => r.id), [record.id])
      assert.deepEqual(group[0]!.fields, record.fields, 'the same record as a read gives')
    }
    assert.equal(found.get(lookupKey(profile.missingId.id))?.length ?? 0, 0)
  })

  define('read-fields', 'a read asked for some fields returns those and what the record needs, not every field', async ({ fx }) => {
    const { connector, profile } = fx
    const { object, email, editable } = profile.people
    const full = await firstPage(connector, object)
    const asked = [editable, 'no_such_field_revsync']
    const narrow = await firstPage(connector, object, { fields: asked })
    assert.equal(narrow.length, full.length, 'pages as full as without the option')
    const byId = new Map(full.map((r) => [r.id, r]))
    // Records sharing a modification time may come in either order, so compare the ones both pages hold.
    const both = narrow.filter((r) => byId.has(r.id))
    assert.ok(both.length > narrow.length / 2, 'mostly the same records come')
    for (const record of both) {
      const whole = byId.get(record.id)!
      assert.equal(record.fields[editable], whole.fields[editable], `${record.id} keeps the asked field's value`)
      assert.ok(!(email in record.fields), `${record.id} carries no "${email}", which was not asked for`)
      assert.ok(!('no_such_field_revsync' in record.fields), 'an unknown name is left out')
      assert.equal(record.modifiedAt, whole.modifiedAt, 'the modification time still comes')
      assert.deepEqual(record.refs ?? {}, whole.refs ?? {}, 'the lookups behind refs still come')
    }
    assert.ok(Object.keys(full[0]!.fields).length > Object.keys(narrow[0]!.fields).length, 'fewer fields come than without the option')
  })

  define('lookup-fields', 'a lookup asked for some fields returns those and its key, grouped as without them', async ({ fx }) => {
    const { connector, profile } = fx
    const { object, email, editable } = profile.people
    const sample = (await firstPage(connector, object)).filter((r) => typeof r.fields[email] === 'string').slice(0, 3)
    assert.ok(sample.length > 0, 'people with emails to look up')
    const byEmail = await connector.lookup(object, { field: email, values: sample.map((r) => String(r.fields[email])) }, { fields: [editable] })
    const byId = await connector.lookup(object, { field: 'id', values: sample.map((r) => r.id) }, { fields: [] })
    for (const record of sample) {
      const found = byEmail.get(lookupKey(String(record.fields[email])))?.find((r) => r.id === record.id)
      assert.ok(found, `${record.id} is found by its email`)
      assert.deepEqual(Object.keys(found.fields).filter((f) => f === email || f === editable).sort(), [email, editable].sort(), 'the key and the asked field come')
      assert.equal(found.fields[editable], record.fields[editable])
      const again = byId.get(lookupKey(record.id))?.[0]
      assert.ok(again, `${record.id} is found by id with no fields asked`)
      assert.equal(again.modifiedAt, record.modifiedAt)
      assert.deepEqual(again.refs ?? {}, record.refs ?? {}, 'refs come whatever fields were asked')
      assert.ok(!(editable in again.fields), 'a field not asked for does not come')
    }
  })
}
