import { after, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openStore } from '../store/open-store.js'
import { resolveId, shortestUniquePrefix, shortIds, SHORT_ID_MIN } from './short-ids.js'

describe('short ids', () => {
  const dir = mkdtempSync(join(tmpdir(), 'revsync-short-ids-'))
  after(() => rmSync(dir, { recursive: true, force: true }))

  it('are the shortest prefix no other id shares, never under the whole creation time, never ending on a dash', () => {
    const id = '0192aa00-0001-7abc-8def-000000000001'
    assert.equal(shortestUniquePrefix(id, []), '0192aa00-0001')
    assert.equal(SHORT_ID_MIN, '0192aa00-0001'.length)
    assert.equal(shortestUniquePrefix(id, ['0192aa00-0001-7abd-8000-000000000000']), '0192aa00-0001-7abc')
    // Sharing 14 characters ("…-7") makes 15 the shortest.
    assert.equal(shortestUniquePrefix(id, ['0192aa00-0001-7bbc-8000-000000000000']), '0192aa00-0001-7a')
    // Sharing "…-7abc" would stop on the dash after it: one more character instead.
    assert.equal(shortestUniquePrefix(id, ['0192aa00-0001-7abc-9000-000000000000']), '0192aa00-0001-7abc-8')
    assert.equal(shortestUniquePrefix(id, [id]), '0192aa00-0001', 'the id itself is no rival')
    assert.equal(shortestUniquePrefix('r1', ['r2']), 'r1', 'never longer than the id')
  })

  it('are unique among stored ids and the ids shown together, and name their id back', async () => {
    const store = await openStore({ url: join(dir, 'a.db') })
    try {
      const stored = ['0192aa00-0001-7abc-8000-000000000001', '0192aa00-0001-7abc-8000-000000000002', '0192aa00-0002-7000-8000-000000000003']
      for (const [i, id] of stored.entries()) await store.startRun({ id, kind: 'sync', name: 'people', startedAt: `2024-05-01T10:0${i}:00.000Z` })
      const fresh = '0192aa00-0002-7000-9000-000000000000'
      const short = await shortIds(store, 'run', [stored[0] as string, stored[2] as string, fresh])
      assert.equal(short(stored[0] as string), '0192aa00-0001-7abc-8000-000000000001', 'its stored neighbour differs only in the last character')
      assert.equal(short(stored[2] as string), '0192aa00-0002-7000-8', 'differs from the id shown beside it')
      assert.equal(short(fresh), '0192aa00-0002-7000-9')
      assert.equal(await resolveId(store, 'run', short(stored[2] as string)), stored[2])
      assert.equal(await resolveId(store, 'run', ' 0192AA00-0002 '), stored[2], 'case and spaces do not matter')
      await assert.rejects(resolveId(store, 'run', '0192aa00-0001'), (e: Error) => e.message.startsWith('"0192aa00-0001" is ambiguous: 2 runs') && e.message.includes(stored[0] as string) && e.message.includes(stored[1] as string))
      await assert.rejects(resolveId(store, 'run', '0193'), /no run has an id starting with "0193"; see revsync runs/)
      await assert.rejects(resolveId(store, 'run', '019'), /too short to name a run: give at least 4 characters/)
      await assert.rejects(resolveId(store, 'review', 'last'), /"last" is not a review item id/)
    } finally {
      await store.close()
    }
  })
})
