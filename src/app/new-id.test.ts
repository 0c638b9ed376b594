import { it } from 'node:test'
import assert from 'node:assert/strict'
import { newId } from './new-id.js'

it('makes version-7 UUIDs that sort by creation time', () => {
  const ids = [newId(1_700_000_000_000), newId(1_700_000_000_001), newId(1_800_000_000_000)]
  for (const id of ids) assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  assert.deepEqual([...ids].sort(), ids)
  assert.notEqual(newId(5), newId(5))
})
