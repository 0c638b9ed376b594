import { it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openStore } from './open-store.js'

it('creates the SQLite store and its -wal and -shm files readable by their owner only', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'revsync-mode-'))
  try {
    const path = join(dir, 'nested', 'state.db')
    const store = await openStore({ url: path })
    try {
      for (const file of [path, `${path}-wal`, `${path}-shm`]) assert.equal((await stat(file)).mode & 0o777, 0o600, file)
    } finally {
      await store.close()
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
})

it('names the store file and what to do when the file is not a database', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'revsync-damaged-'))
  try {
    const path = join(dir, 'state.db')
    await writeFile(path, 'not a database '.repeat(10))
    await assert.rejects(openStore({ url: path }), { name: 'StoreError', message: `store ${path}: file is not a database; it is damaged or not a revsync store: restore it from a backup, or move it away and run again to start a new store (revsync then matches records again by their match keys)` })
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
})
