import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import type { RemoteRecord } from '../../domain/records.js'
import { BatchBuffer } from './batch-buffer.js'
import type { CursorCommit } from './batch-buffer.js'

const records = (from: number, count: number): RemoteRecord[] =>
  Array.from({ length: count }, (_, i) => ({ id: String(from + i), object: 'contacts', fields: {}, modifiedAt: '2026-11-01T10:00:00.000Z' }))
const cursor = (value: string): CursorCommit => ({ mapping: 'people', system: 'hubspot', object: 'contacts', cursor: { value } })

/** Feeds pages of the given sizes and returns what each take handed on: its size and cursor. */
function batches(size: number, pages: readonly number[]): { size: number; cursor?: string }[] {
  const buffer = new BatchBuffer(size)
  const out: { size: number; cursor?: string }[] = []
  const push = (batch: ReturnType<BatchBuffer['take']>): boolean => {
    if (!batch) return false
    out.push({ size: batch.records.length, ...(batch.cursor ? { cursor: batch.cursor.cursor.value } : {}) })
    return true
  }
  let next = 0
  pages.forEach((count, page) => {
    buffer.add(records(next, count), cursor(`p${page}`))
    next += count
    while (push(buffer.take(false)));
  })
  while (push(buffer.take(true)));
  return out
}

describe('BatchBuffer: batches of a fixed size, and a cursor only once its page is wholly handed on', () => {
  it('pages the size of a batch pass through with their own cursors', () => {
    assert.deepEqual(batches(3, [3, 3]), [{ size: 3, cursor: 'p0' }, { size: 3, cursor: 'p1' }])
  })
  it('small pages are gathered into full batches, carrying the last page wholly inside', () => {
    assert.deepEqual(batches(4, [2, 2, 2, 1]), [{ size: 4, cursor: 'p1' }, { size: 3, cursor: 'p3' }])
  })
  it('a large page is split, and its cursor waits for its last record', () => {
    assert.deepEqual(batches(2, [5]), [{ size: 2 }, { size: 2 }, { size: 1, cursor: 'p0' }])
  })
  it('a batch that ends inside a page carries the cursor of the page before', () => {
    assert.deepEqual(batches(3, [2, 3]), [{ size: 3, cursor: 'p0' }, { size: 2, cursor: 'p1' }])
  })
  it('an empty page still lets its cursor advance', () => {
    assert.deepEqual(batches(3, [0]), [{ size: 0, cursor: 'p0' }])
  })
})
