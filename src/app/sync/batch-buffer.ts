import type { Cursor, RemoteRecord } from '../../domain/records.js'
import type { CursorKey } from '../../store/store.js'

/** A cursor ready to commit, with the object it belongs to. */
export type CursorCommit = CursorKey & { readonly cursor: Cursor }

/**
 * Records read but not yet handed on, with the page ends among them and each page's cursor:
 * batches are cut at the batch size wherever pages end, and a page's cursor goes with the
 * batch that holds its last record, so a cursor never passes a record not yet recorded.
 */
export class BatchBuffer {
  private records: RemoteRecord[] = []
  /** For each page added: how many buffered records end with it, and its cursor. */
  private ends: { at: number; cursor: CursorCommit | undefined }[] = []
  private lastCursor: CursorCommit | undefined

  constructor(private readonly size: number) {}

  add(records: readonly RemoteRecord[], cursor: CursorCommit | undefined): void {
    this.records.push(...records)
    this.ends.push({ at: this.records.length, cursor })
  }

  /** Records read but not handed on yet: the rest of the page, for look-ahead. */
  pending(): readonly RemoteRecord[] {
    return this.records.slice()
  }

  /** The next full batch, or with `flush` whatever is left; undefined when there is none. */
  take(flush: boolean): { records: RemoteRecord[]; cursor?: CursorCommit } | undefined {
    if (this.records.length === 0 && !(flush && this.ends.length > 0)) return undefined
    if (!flush && this.records.length < this.size) return undefined
    const count = Math.min(this.size, this.records.length)
    const taken = this.records.slice(0, count)
    this.records = this.records.slice(count)
    // Pages wholly inside what was taken let their cursor advance; the rest shift down.
    const done = this.ends.filter((e) => e.at <= count)
    for (const end of done) this.lastCursor = end.cursor ?? this.lastCursor
    this.ends = this.ends.filter((e) => e.at > count).map((e) => ({ at: e.at - count, cursor: e.cursor }))
    return { records: taken, ...(done.length > 0 && this.lastCursor ? { cursor: this.lastCursor } : {}) }
  }
}

