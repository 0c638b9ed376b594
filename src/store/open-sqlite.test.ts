import { it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { spawn } from 'node:child_process'
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

it('opens one new store from several processes at once: migrations run once, and concurrent writers wait instead of failing', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'revsync-race-'))
  try {
    const path = join(dir, 'state.db')
    // Separate processes, as two CLI runs or serve and a CLI run are. Each loads its code, says
    // so, and waits; all are then told to go at once, open the new file (running the
    // migrations) and commit a cursor of their own.
    const script = `const { openStore } = await import(${JSON.stringify(new URL('./open-store.ts', import.meta.url).href)})
      process.stdout.write('ready\\n')
      await new Promise((go) => process.stdin.once('data', go))
      const store = await openStore({ url: process.argv[1] })
      await store.commit({ cursors: [{ mapping: 'people', system: 's' + process.argv[2], object: 'contacts', cursor: { value: process.argv[2] } }] })
      await store.close()
      process.exit(0)`
    const children = [0, 1, 2, 3].map((i) => spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, path, String(i)], { stdio: ['pipe', 'pipe', 'pipe'] }))
    const outcomes = children.map((child) => {
      let stderr = ''
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
      return new Promise<string>((resolve) => child.once('exit', (code) => resolve(code === 0 ? 'ok' : stderr.split('\n').find((l) => /Error/.test(l)) ?? `exit ${code}: ${stderr}`)))
    })
    await Promise.all(children.map((child) => new Promise((ready) => child.stdout.once('data', ready))))
    for (const child of children) child.stdin.write('go\n')
    const runs = await Promise.all(outcomes)
    assert.deepEqual(runs, ['ok', 'ok', 'ok', 'ok'])
    const store = await openStore({ url: path })
    try {
      for (const i of [0, 1, 2, 3]) assert.deepEqual(await store.getCursor({ mapping: 'people', system: `s${i}`, object: 'contacts' }), { value: String(i) })
    } finally {
      await store.close()
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
})
