import { it } from 'node:test'
import assert from 'node:assert/strict'
import { nameStoreErrors, storeName } from './name-store-errors.js'
import type { Store } from './store.js'

/** A store whose every call fails the way a damaged SQLite file fails mid-run. */
function failingStore(error: Error): Store {
  return { listRuns: async () => Promise.reject(error) } as unknown as Store
}

it('names the store and what to do when a call fails in the database', async () => {
  const malformed = Object.assign(new Error('database disk image is malformed'), { code: 'SQLITE_CORRUPT' })
  await assert.rejects(nameStoreErrors(failingStore(malformed), '.revsync/state.db').listRuns(5), {
    message: 'store .revsync/state.db: database disk image is malformed; it is damaged: restore it from a backup, or move it away and run again to start a new store (revsync then matches records again by their match keys)',
  })
})

it('leaves revsync\'s own errors as they are', async () => {
  const own = new Error('no secret key: set REVSYNC_SECRET_KEY')
  await assert.rejects(nameStoreErrors(failingStore(own), 'state.db').listRuns(5), own)
})

it('names a PostgreSQL store without its password', () => {
  assert.equal(storeName('postgres://revsync:s3cret@db.internal:5432/revsync', true), 'postgres://revsync:***@db.internal:5432/revsync')
  assert.equal(storeName('.revsync/state.db', false), '.revsync/state.db')
})
