import { after, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Kysely, Migrator, sql } from 'kysely'
import pg from 'pg'
import type { LinkRow } from '../domain/link.js'
import type { ObjectSchema } from '../domain/object-schema.js'
import type { ReviewHold } from '../domain/review.js'
import type { RunItem, RunLease } from '../domain/run.js'
import { initialMigration } from './migrations/0001-initial.js'
import { openPostgresDialect, preparePostgresSchema } from './open-postgres.js'
import { openSqliteDialect } from './open-sqlite.js'
import { openStore } from './open-store.js'
import type { OpenStoreOptions } from './open-store.js'
import type { RetryMark, SignalRecord, Store } from './store.js'

/** Where one run of the suite puts its stores; every test opens a fresh one. */
interface Target {
  readonly name: 'sqlite' | 'postgres'
  readonly skip: string | false
  /** A new, empty location: a file path or a PostgreSQL schema. */
  fresh(): { url: string; schema?: string }
  /** Every stored byte of the store at `location`, as text, to search for what must not be there. */
  rawContents(location: { url: string; schema?: string }): Promise<string>
  cleanup(): Promise<void>
}

function sqliteTarget(): Target {
  const dir = mkdtempSync(join(tmpdir(), 'revsync-store-'))
  let n = 0
  return {
    name: 'sqlite',
    skip: false,
    fresh: () => ({ url: join(dir, `nested/store-${++n}.db`) }),
    // WAL mode: recent writes sit in the -wal file until a checkpoint moves them.
    rawContents: async ({ url }) =>
      [url, `${url}-wal`].filter((f) => existsSync(f)).map((f) => readFileSync(f).toString('latin1')).join('\n'),
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  }
}

function postgresTarget(url: string | undefined): Target {
  const prefix = `revsync_test_${randomBytes(4).toString('hex')}`
  const schemas: string[] = []
  return {
    name: 'postgres',
    skip: url ? false : 'REVSYNC_TEST_DATABASE_URL is not set',
    fresh: () => {
      schemas.push(`${prefix}_${schemas.length + 1}`)
      return { url: url ?? '', schema: schemas.at(-1) }
    },
    async rawContents(location) {
      const client = new pg.Client({ connectionString: location.url, options: `-c search_path=${location.schema}` })
      await client.connect()
      try {
        const tables = await client.query<{ name: string }>('select tablename as name from pg_tables where schemaname = current_schema()')
        const rows: string[] = []
        for (const { name } of tables.rows) {
          const dump = await client.query<{ row: string }>(`select t::text as row from "${name}" t`)
          rows.push(...dump.rows.map((r) => r.row))
        }
        return rows.join('\n')
      } finally {
        await client.end()
      }
    },
    async cleanup() {
      if (!url || schemas.length === 0) return
      const client = new pg.Client({ connectionString: url })
      await client.connect()
      try {
        for (const schema of schemas) await client.query(`drop schema if exists "${schema}" cascade`)
      } finally {
        await client.end()
      }
    },
  }
}

const link = (entityId: string, system: string, recordId: string, object = 'contacts'): LinkRow => ({
  mapping: 'people',
  entityId,
  system,
  object,
  recordId,
})

const item = (overrides: Partial<RunItem> = {}): RunItem => ({
  runId: 'run-1',
  mapping: 'people',
  entityId: 'e1',
  system: 'hubspot',
  object: 'contacts',
  recordId: 'h1',
  action: 'update',
  before: { email: 'old@acme.com' },
  after: { email: 'new@acme.com' },
  reasons: [{ rule: 'system-of-record', detail: 'sugar is above hubspot' }],
  at: '2024-05-01T10:00:00.000Z',
  ...overrides,
})

/** A fake clock: each reading is one minute after the previous one. */
const minuteClock = (start = '2024-05-01T10:00:00.000Z') => {
  let t = Date.parse(start)
  return () => new Date((t += 60_000))
}
const minute = (n: number, start = '2024-05-01T10:00:00.000Z') => new Date(Date.parse(start) + n * 60_000).toISOString()

const retry = (entityId: string, system: string, detail = 'rate limited', mapping = 'people'): RetryMark => ({
  mapping,
  entityId,
  system,
  reason: { rule: 'write.rate_limited', detail },
})

const hold = (id: string, entityId: string, rowKey: string, at: string, overrides: Partial<ReviewHold> = {}): ReviewHold => ({
  id,
  mapping: 'people',
  entityId,
  rowKey,
  reason: { rule: 'manual.conflict', detail: `hubspot and sugar disagree on ${rowKey}` },
  candidates: [
    { system: 'hubspot', value: `${rowKey}-h` },
    { system: 'sugar', value: `${rowKey}-s` },
  ],
  at,
  ...overrides,
})

const signal = (key: string, overrides: Partial<SignalRecord> = {}): SignalRecord => ({
  target: 'champions',
  key,
  status: 'done',
  outcome: { created: `h-${key}` },
  runId: 'run-1',
  at: '2024-05-01T10:00:00.000Z',
  ...overrides,
})

const schema: ObjectSchema = {
  object: 'contacts',
  label: 'Contacts',
  fields: [
    { name: 'email', label: 'Email', type: 'email', required: false, createable: true, updateable: true },
    { name: 'stage', label: 'Stage', type: 'enum', required: true, createable: true, updateable: true, options: ['lead', 'customer'] },
  ],
  relationships: [{ name: 'owner', field: 'hubspot_owner_id', target: 'user' }],
}

for (const target of [sqliteTarget(), postgresTarget(process.env.REVSYNC_TEST_DATABASE_URL)]) {
  describe(`store on ${target.name}`, () => {
    // Each case is skipped on its own, so the report counts them and states why.
    const opts = { skip: target.skip }
    const open = (location = target.fresh(), extra: Partial<OpenStoreOptions> = {}): Promise<Store> =>
      openStore({ ...location, ...extra })
    /** Runs `test` against a fresh store and closes it, pass or fail. */
    const withStore = async (test: (store: Store) => Promise<void>, extra: Partial<OpenStoreOptions> = {}): Promise<void> => {
      const store = await open(target.fresh(), extra)
      try {
        await test(store)
      } finally {
        await store.close()
      }
    }
    after(() => target.cleanup())

    it('reports its dialect and migrates idempotently, keeping data across reopen', opts, async () => {
      const location = target.fresh()
      const first = await open(location)
      assert.equal(first.dialect, target.name)
      await first.migrate()
      await first.migrate()
      await first.commit({ links: [link('e1', 'hubspot', 'h1')] })
      await first.close()
      const second = await open(location)
      try {
        assert.deepEqual(await second.findEntities('people', 'hubspot', ['h1']), new Map([['h1', 'e1']]))
      } finally {
        await second.close()
      }
    })

    it('upgrades a store made by the first migration only, keeping its data', opts, async () => {
      const location = target.fresh()
      const postgres = target.name === 'postgres'
      const db = new Kysely<unknown>({ dialect: postgres ? openPostgresDialect(location.url, location.schema) : openSqliteDialect(location.url) })
      try {
        const where = postgres ? { migrationTableSchema: await preparePostgresSchema(db, location.schema) } : {}
        const provider = { getMigrations: async () => ({ '0001-initial': initialMigration(target.name) }) }
        assert.equal((await new Migrator({ db, provider, ...where }).migrateToLatest()).error, undefined)
        await sql`insert into links values ('people', 'e1', 'hubspot', 'contacts', 'h1')`.execute(db)
      } finally {
        await db.destroy()
      }
      const store = await open(location)
      try {
        assert.deepEqual(await store.findEntities('people', 'hubspot', ['h1']), new Map([['h1', 'e1']]))
        await store.commit({ retries: [retry('e1', 'hubspot')] })
        assert.equal((await store.getRetries('people', 10)).length, 1)
      } finally {
        await store.close()
      }
    })

    it('keeps stores in separate locations apart', opts, async () => {
      const [a, b] = [await open(), await open()]
      try {
        await a.commit({ links: [link('e1', 'hubspot', 'h1')] })
        assert.equal((await b.findEntities('people', 'hubspot', ['h1'])).size, 0)
      } finally {
        await Promise.all([a.close(), b.close()])
      }
    })

    it('saves and reloads object schemas, replacing older ones', opts, () =>
      withStore(async (store) => {
        assert.equal(await store.loadSchema('hubspot', 'contacts'), undefined)
        await store.saveSchema('hubspot', schema, '2024-05-01T10:00:00.000Z')
        assert.deepEqual(await store.loadSchema('hubspot', 'contacts'), { schema, fetchedAt: '2024-05-01T10:00:00.000Z' })
        const refreshed = { ...schema, label: 'People ✓' }
        await store.saveSchema('hubspot', refreshed, '2024-05-02T10:00:00.000Z')
        assert.deepEqual(await store.loadSchema('hubspot', 'contacts'), { schema: refreshed, fetchedAt: '2024-05-02T10:00:00.000Z' })
        assert.equal(await store.loadSchema('sugar', 'contacts'), undefined)
      }))

    it('moves a record to another entity when its link is upserted', opts, () =>
      withStore(async (store) => {
        await store.commit({ links: [link('e1', 'hubspot', 'h1'), link('e1', 'sugar', 's1', 'Leads'), link('e2', 'hubspot', 'h2')] })
        await store.commit({ links: [link('e2', 'sugar', 's1', 'Contacts')] })
        assert.deepEqual(await store.findEntities('people', 'sugar', ['s1', 'h1']), new Map([['s1', 'e2']]))
        const links = await store.getLinks('people', ['e1', 'e2'])
        assert.deepEqual(links.get('e1'), [link('e1', 'hubspot', 'h1')])
        assert.deepEqual(links.get('e2'), [link('e2', 'hubspot', 'h2'), link('e2', 'sugar', 's1', 'Contacts')])
        assert.equal((await store.findEntities('companies', 'sugar', ['s1'])).size, 0)
      }))

    it('keeps the last of duplicate keys within one batch', opts, () =>
      withStore(async (store) => {
        await store.commit({
          links: [link('e1', 'hubspot', 'h1'), link('e2', 'hubspot', 'h1')],
          synced: [
            { mapping: 'people', entityId: 'e2', values: { email: 'a@acme.com' } },
            { mapping: 'people', entityId: 'e2', values: { email: 'b@acme.com' } },
          ],
        })
        assert.deepEqual(await store.findEntities('people', 'hubspot', ['h1']), new Map([['h1', 'e2']]))
        assert.deepEqual(await store.getSynced('people', ['e2']), new Map([['e2', { email: 'b@acme.com' }]]))
      }))

    it('drops unlinked records only', opts, () =>
      withStore(async (store) => {
        await store.commit({ links: [link('e1', 'sugar', 's1', 'Leads'), link('e1', 'sugar', 's2'), link('e1', 'hubspot', 's1')] })
        await store.commit({ unlinks: [{ mapping: 'people', system: 'sugar', recordId: 's1' }] })
        assert.deepEqual(await store.findEntities('people', 'sugar', ['s1', 's2']), new Map([['s2', 'e1']]))
        assert.deepEqual(await store.findEntities('people', 'hubspot', ['s1']), new Map([['s1', 'e1']]))
        await store.commit({ unlinks: [{ mapping: 'people', system: 'sugar', recordId: 's2' }, { mapping: 'people', system: 'hubspot', recordId: 's1' }] })
        assert.equal((await store.getLinks('people', ['e1'])).size, 0)
        // Unlinks apply after links: a record named in both ends up unlinked.
        await store.commit({ links: [link('e3', 'sugar', 's3')], unlinks: [{ mapping: 'people', system: 'sugar', recordId: 's3' }] })
        assert.equal((await store.findEntities('people', 'sugar', ['s3'])).size, 0)
      }))

    it('replaces synced values per entity, keeping value types', opts, () =>
      withStore(async (store) => {
        await store.commit({ synced: [{ mapping: 'people', entityId: 'e1', values: { email: 'a@acme.com', score: 7, vip: true, phone: '' } }] })
        await store.commit({ synced: [{ mapping: 'people', entityId: 'e1', values: { score: 8.5, phone: null, city: 'Zürich' } }, { mapping: 'people', entityId: 'e2', values: { email: 'b@acme.com' } }] })
        const synced = await store.getSynced('people', ['e1', 'e-none'])
        assert.deepEqual(synced, new Map([['e1', { score: 8.5, phone: null, city: 'Zürich' }]]))
        assert.equal((await store.getSynced('companies', ['e1'])).size, 0)
      }))

    it('upserts cursors per mapping, system and object', opts, () =>
      withStore(async (store) => {
        const key = { mapping: 'people', system: 'hubspot', object: 'contacts' }
        assert.equal(await store.getCursor(key), undefined)
        await store.commit({ cursors: [{ ...key, cursor: { value: '2024-05-01T00:00:00Z' } }] })
        await store.commit({ cursors: [{ ...key, cursor: { value: '{"after":"42"}' } }] })
        assert.deepEqual(await store.getCursor(key), { value: '{"after":"42"}' })
        assert.equal(await store.getCursor({ ...key, object: 'companies' }), undefined)
      }))

    it('starts, finishes, lists (newest first) and gets runs', opts, () =>
      withStore(async (store) => {
        await store.startRun({ id: 'r1', kind: 'sync', name: 'people', startedAt: '2024-05-01T10:00:00.000Z' })
        await store.startRun({ id: 'r3', kind: 'export', name: 'champions', startedAt: '2024-05-03T10:00:00.000Z' })
        await store.startRun({ id: 'r2', kind: 'sync', name: 'people', startedAt: '2024-05-02T10:00:00.000Z' })
        const summary = { created: { hubspot: 10 }, note: 'ok ✓', ratio: 0.5, empty: null }
        await store.finishRun('r2', { finishedAt: '2024-05-02T10:05:00.000Z', status: 'succeeded', summary })
        assert.deepEqual((await store.listRuns(2)).map((r) => r.id), ['r3', 'r2'])
        assert.deepEqual((await store.listRuns(10)).map((r) => r.id), ['r3', 'r2', 'r1'])
        assert.deepEqual(await store.getRun('r2'), {
          id: 'r2', kind: 'sync', name: 'people', startedAt: '2024-05-02T10:00:00.000Z',
          finishedAt: '2024-05-02T10:05:00.000Z', status: 'succeeded', summary,
        })
        assert.deepEqual(await store.getRun('r1'), {
          id: 'r1', kind: 'sync', name: 'people', startedAt: '2024-05-01T10:00:00.000Z',
          finishedAt: null, status: 'running', summary: {},
        })
        assert.equal(await store.getRun('nope'), undefined)
        await assert.rejects(store.finishRun('nope', { finishedAt: 'x', status: 'failed', summary: {} }), /nope/)
      }))

    it('round-trips run items with JSON values', opts, () =>
      withStore(async (store) => {
        await store.startRun({ id: 'run-1', kind: 'sync', name: 'people', startedAt: '2024-05-01T10:00:00.000Z' })
        const items = [
          item({ before: { a: null, b: 0, c: -1.25, d: true, e: false, f: '', g: 1e21 }, after: { a: 'x', n: 9007199254740991 } }),
          item({ entityId: null, recordId: null, action: 'fail', before: {}, after: { name: 'Zoë 名前 🚀 "quoted" \\ \u0000 end' } }),
          item({ recordId: 'h2', action: 'warn', reasons: [{ rule: 'owner.missing', detail: 'John <john@acme.com> is not a user in hubspot' }] }),
        ]
        await store.commit({ items })
        assert.deepEqual(await store.getRunItems('run-1'), items)
        assert.deepEqual(await store.getRunItems('run-2'), [])
      }))

    it('tells a record history oldest first, across runs', opts, () =>
      withStore(async (store) => {
        await store.startRun({ id: 'run-1', kind: 'sync', name: 'people', startedAt: '2024-05-01T10:00:00.000Z' })
        await store.startRun({ id: 'run-2', kind: 'sync', name: 'people', startedAt: '2024-05-02T10:00:00.000Z' })
        const late = item({ runId: 'run-2', at: '2024-05-02T10:00:00.000Z', action: 'update' })
        const early = item({ at: '2024-05-01T09:00:00.000Z', action: 'create' })
        const tieFirst = item({ at: '2024-05-01T10:00:00.000Z', action: 'link' })
        const tieSecond = item({ at: '2024-05-01T10:00:00.000Z', action: 'skip' })
        await store.commit({ items: [late, item({ recordId: 'h9' }), item({ system: 'sugar' })] })
        await store.commit({ items: [early, tieFirst, tieSecond] })
        assert.deepEqual(await store.getRecordHistory('hubspot', 'h1'), [early, tieFirst, tieSecond, late])
      }))

    it('tells an entity history across its systems, oldest first, and no other entity', opts, () =>
      withStore(async (store) => {
        await store.startRun({ id: 'run-1', kind: 'sync', name: 'people', startedAt: '2024-05-01T10:00:00.000Z' })
        const sugarSide = item({ system: 'sugar', object: 'Leads', recordId: 's1', at: '2024-05-01T10:00:01.000Z', action: 'warn' })
        const failedCreate = item({ recordId: null, at: '2024-05-01T10:00:02.000Z', action: 'fail' })
        const created = item({ at: '2024-05-01T10:00:03.000Z', action: 'create' })
        await store.commit({ items: [created, item({ entityId: 'e2' }), item({ mapping: 'companies' }), sugarSide, failedCreate] })
        assert.deepEqual(await store.getEntityHistory('people', 'e1'), [sugarSide, failedCreate, created])
      }))

    it('writes nothing of a batch that fails part-way, and stays usable', opts, () =>
      withStore(async (store) => {
        await store.startRun({ id: 'run-1', kind: 'sync', name: 'people', startedAt: '2024-05-01T10:00:00.000Z' })
        const cursor = { mapping: 'people', system: 'hubspot', object: 'contacts', cursor: { value: 'c1' } }
        const batch = {
          links: [link('e1', 'hubspot', 'h1')],
          synced: [{ mapping: 'people', entityId: 'e1', values: { email: 'a@acme.com' } }],
          cursors: [cursor],
        }
        // Rejected by the database: the run does not exist (foreign key).
        await assert.rejects(store.commit({ ...batch, items: [item(), item({ runId: 'no-such-run' })] }))
        // Rejected by the database: a required column is null.
        await assert.rejects(store.commit({ ...batch, items: [item({ system: null as unknown as string })] }))
        // Thrown by our code after the links were written: a value JSON cannot hold.
        const bad = { mapping: 'people', entityId: 'e1', values: { n: 1n as unknown as number } }
        await assert.rejects(store.commit({ ...batch, synced: [bad] }), TypeError)
        assert.equal((await store.findEntities('people', 'hubspot', ['h1'])).size, 0)
        assert.equal((await store.getSynced('people', ['e1'])).size, 0)
        assert.equal(await store.getCursor(cursor), undefined)
        assert.deepEqual(await store.getRunItems('run-1'), [])
        await store.commit({ ...batch, items: [item()] })
        assert.deepEqual(await store.findEntities('people', 'hubspot', ['h1']), new Map([['h1', 'e1']]))
        assert.deepEqual(await store.getCursor(cursor), { value: 'c1' })
        assert.equal((await store.getRunItems('run-1')).length, 1)
      }))

    it('treats an empty batch as a no-op', opts, () =>
      withStore(async (store) => {
        await store.commit({})
        await store.commit({ links: [], unlinks: [], synced: [], items: [], cursors: [] })
        await store.commit({ resolved: [], retries: [], reviews: [], appliedReviews: [], signals: [] })
        assert.equal((await store.listRuns(10)).length, 0)
      }))

    it('writes and looks up thousands of records in chunks', opts, () =>
      withStore(async (store) => {
        const ids = Array.from({ length: 2_100 }, (_, i) => String(i).padStart(5, '0'))
        const values = { a: 'x', b: 1, c: true, d: null, e: 'é', f: 'f' }
        await store.commit({
          links: ids.flatMap((id) => [link(`e${id}`, 'hubspot', `h${id}`), link(`e${id}`, 'sugar', `s${id}`)]),
          synced: ids.map((id) => ({ mapping: 'people', entityId: `e${id}`, values: { ...values, id } })),
        })
        const asked = ids.slice(0, 2_000)
        const found = await store.findEntities('people', 'hubspot', [...asked.map((id) => `h${id}`), 'h-unknown', 'h00001'])
        assert.equal(found.size, 2_000)
        for (const id of asked) assert.equal(found.get(`h${id}`), `e${id}`)
        const links = await store.getLinks('people', asked.map((id) => `e${id}`))
        assert.equal(links.size, 2_000)
        assert.deepEqual(links.get('e01999'), [link('e01999', 'hubspot', 'h01999'), link('e01999', 'sugar', 's01999')])
        const synced = await store.getSynced('people', asked.map((id) => `e${id}`))
        assert.equal(synced.size, 2_000)
        assert.deepEqual(synced.get('e00500'), { ...values, id: '00500' })
        assert.equal(synced.has('e02000'), false)
      }))
    it('keeps failed writes for the next run, counting attempts, least recently failed first', opts, () =>
      withStore(async (store) => {
        assert.deepEqual(await store.getRetries('people', 10), [])
        // Marking the same write twice in one batch counts one attempt.
        await store.commit({ retries: [retry('e1', 'hubspot'), retry('e2', 'sugar'), retry('e1', 'hubspot', 'timeout')] })
        await store.commit({ retries: [retry('e1', 'hubspot', 'invalid email'), retry('e3', 'hubspot', 'x', 'companies')] })
        const reason = (detail: string) => ({ rule: 'write.rate_limited', detail })
        assert.deepEqual(await store.getRetries('people', 10), [
          { entityId: 'e2', system: 'sugar', reason: reason('rate limited'), attempts: 1 },
          { entityId: 'e1', system: 'hubspot', reason: reason('invalid email'), attempts: 2 },
        ])
        assert.deepEqual((await store.getRetries('people', 1)).map((r) => r.entityId), ['e2'])
        assert.deepEqual((await store.getRetries('companies', 10)).map((r) => r.attempts), [1])
        // Resolving applies first: e1 is cleared on every system, then marked afresh.
        await store.commit({ retries: [retry('e1', 'sugar')] })
        await store.commit({ resolved: [{ mapping: 'people', entityId: 'e1' }], retries: [retry('e1', 'hubspot', 'again')] })
        assert.deepEqual(await store.getRetries('people', 10), [
          { entityId: 'e2', system: 'sugar', reason: reason('rate limited'), attempts: 1 },
          { entityId: 'e1', system: 'hubspot', reason: reason('again'), attempts: 1 },
        ])
        await store.commit({ resolved: [{ mapping: 'people', entityId: 'e2' }, { mapping: 'people', entityId: 'e1' }] })
        assert.deepEqual(await store.getRetries('people', 10), [])
        assert.equal((await store.getRetries('companies', 10)).length, 1)
      }, { now: minuteClock() }))

    it('keeps one open review item per row, a later hold updating it', opts, () =>
      withStore(async (store) => {
        await store.commit({ reviews: [hold('r1', 'e1', 'email', minute(1)), hold('r2', 'e1', 'phone', minute(2))] })
        await store.commit({
          reviews: [hold('r3', 'e2', 'email', minute(3)), hold('r9', 'e1', 'email', minute(4), { candidates: [{ system: 'hubspot', value: 7 }] })],
        })
        await store.commit({ reviews: [{ ...hold('c1', 'e1', 'email', minute(5)), mapping: 'companies' }] })
        const r1 = await store.getReview('r1')
        assert.deepEqual(r1, {
          id: 'r1', mapping: 'people', entityId: 'e1', rowKey: 'email',
          reason: { rule: 'manual.conflict', detail: 'hubspot and sugar disagree on email' },
          candidates: [{ system: 'hubspot', value: 7 }],
          status: 'open', resolution: null, createdAt: minute(1), resolvedAt: null, resolvedBy: null, appliedAt: null,
        })
        assert.equal(await store.getReview('r9'), undefined)
        assert.deepEqual((await store.listReviews({})).map((r) => r.id), ['r1', 'r2', 'r3', 'c1'])
        assert.deepEqual((await store.listReviews({ mapping: 'people', status: 'open' })).map((r) => r.id), ['r1', 'r2', 'r3'])
        assert.deepEqual((await store.listReviews({ status: 'resolved' })).map((r) => r.id), [])
        const { open } = await store.pendingReviewsFor('people', ['e1', 'e2', 'e-none', 'e1'])
        assert.deepEqual([...open.keys()].sort(), ['e1', 'e2'])
        assert.deepEqual(open.get('e1')?.map((r) => r.id), ['r1', 'r2'])
      }))

    it('resolves or dismisses an open item once, and hands resolved values to syncs until applied', opts, () =>
      withStore(async (store) => {
        await store.commit({ reviews: [hold('r1', 'e1', 'email', minute(1)), hold('r2', 'e1', 'phone', minute(2))] })
        // A person may choose blank: the resolution holds a null value, unlike a dismissal.
        const resolved = await store.resolveReview('r1', { value: null, by: 'alice@acme.com', at: minute(3) })
        assert.deepEqual(
          { status: resolved.status, resolution: resolved.resolution, by: resolved.resolvedBy, at: resolved.resolvedAt },
          { status: 'resolved', resolution: { value: null }, by: 'alice@acme.com', at: minute(3) },
        )
        const dismissed = await store.resolveReview('r2', { dismissed: true, by: 'bob', at: minute(4) })
        assert.deepEqual([dismissed.status, dismissed.resolution], ['dismissed', null])
        await assert.rejects(store.resolveReview('r1', { value: 'x', by: 'bob', at: minute(5) }), /"r1".*resolved by alice@acme\.com.*only open items/)
        await assert.rejects(store.resolveReview('nope', { dismissed: true, by: 'bob', at: minute(5) }), /"nope": there is no such item/)
        assert.equal((await store.pendingReviewsFor('people', ['e1'])).open.size, 0)
        assert.deepEqual((await store.pendingReviewsFor('people', ['e1'])).resolved.get('e1')?.map((r) => r.id), ['r1'])
        // The row is no longer held open, so a new conflict opens a new item.
        await store.commit({ reviews: [hold('r3', 'e1', 'email', minute(6))], appliedReviews: ['r1', 'r2', 'nope'] })
        assert.equal((await store.pendingReviewsFor('people', ['e1'])).resolved.size, 0)
        assert.equal((await store.getReview('r1'))?.appliedAt, minute(7))
        assert.equal((await store.getReview('r2'))?.appliedAt, null)
        assert.deepEqual((await store.pendingReviewsFor('people', ['e1'])).open.get('e1')?.map((r) => r.id), ['r3'])
        // Applying again keeps the first time.
        await store.commit({ appliedReviews: ['r1'] })
        assert.equal((await store.getReview('r1'))?.appliedAt, minute(7))
        // A batch that found r3's row settled without a person dismisses it in its own commit; an item no longer open is left alone.
        await store.commit({ settledReviews: [{ id: 'r3', by: 'revsync' }, { id: 'r1', by: 'revsync' }] })
        assert.deepEqual([(await store.getReview('r3'))?.status, (await store.getReview('r3'))?.resolvedBy, (await store.getReview('r3'))?.resolvedAt], ['dismissed', 'revsync', minute(7)])
        assert.equal((await store.getReview('r1'))?.status, 'resolved')
      }, { now: () => new Date(minute(7)) }))

    it('lets exactly one of two people resolving at once win', opts, () =>
      withStore(async (store) => {
        await store.commit({ reviews: [hold('r1', 'e1', 'email', minute(1))] })
        const results = await Promise.allSettled(
          ['alice', 'bob', 'carol'].map((by) => store.resolveReview('r1', { value: by, by, at: minute(2) })),
        )
        const won = results.filter((r) => r.status === 'fulfilled')
        assert.equal(won.length, 1)
        assert.deepEqual((await store.getReview('r1'))?.resolution, { value: won[0]?.value.resolvedBy })
      }))

    it('takes round-robin turns per pool, carrying on across reopen and resizes', opts, async () => {
      const location = target.fresh()
      const first = await open(location)
      try {
        assert.deepEqual([await first.takeTurn('sdr', 3), await first.takeTurn('sdr', 3), await first.takeTurn('ae', 3)], [0, 1, 0])
        await assert.rejects(first.takeTurn('sdr', 0), /pool "sdr".*at least 1/)
        await assert.rejects(first.takeTurn('sdr', 1.5), /pool "sdr"/)
      } finally {
        await first.close()
      }
      const second = await open(location)
      try {
        const turns = []
        for (let i = 0; i < 4; i++) turns.push(await second.takeTurn('sdr', 3))
        assert.deepEqual(turns, [2, 0, 1, 2])
        // Growing the pool carries on from the next member; shrinking wraps.
        assert.deepEqual([await second.takeTurn('sdr', 5), await second.takeTurn('sdr', 5)], [0, 1])
        assert.deepEqual([await second.takeTurn('sdr', 2), await second.takeTurn('sdr', 2)], [0, 1])
        assert.deepEqual([await second.takeTurn('solo', 1), await second.takeTurn('solo', 1)], [0, 0])
      } finally {
        await second.close()
      }
    })

    it('gives 20 concurrent callers on two stores distinct turns', opts, async () => {
      const location = target.fresh()
      const stores = [await open(location), await open(location)]
      try {
        const turns = await Promise.all(Array.from({ length: 20 }, (_, i) => stores[i % 2]!.takeTurn('sdr', 20)))
        assert.deepEqual([...turns].sort((a, b) => a - b), Array.from({ length: 20 }, (_, i) => i))
        assert.equal(await stores[0]!.takeTurn('sdr', 20), 0)
      } finally {
        await Promise.all(stores.map((s) => s.close()))
      }
    })

    // Run leases: one run at a time per mapping and per export target.
    const claim = (runId: string, at: number, overrides: Partial<RunLease> = {}): RunLease => ({
      kind: 'sync',
      name: 'people',
      runId,
      pid: 4242,
      host: 'worker-1',
      startedAt: minute(at),
      expiresAt: minute(at + 1),
      ...overrides,
    })

    it('gives a lease to one run until it expires or is released; other mappings and targets have their own', opts, () =>
      withStore(async (store) => {
        assert.deepEqual(await store.takeLease(claim('r1', 0), minute(0)), { taken: true, interrupted: [] })
        // Held and not yet expired: refused, naming the holder.
        assert.deepEqual(await store.takeLease(claim('r2', 0, { pid: 7, host: 'worker-2' }), minute(0.5)), { taken: false, holder: claim('r1', 0) })
        assert.equal((await store.takeLease(claim('c1', 0, { name: 'companies' }), minute(0))).taken, true)
        assert.equal((await store.takeLease(claim('x1', 0, { kind: 'export' }), minute(0))).taken, true)
        // Renewed by its holder only.
        assert.equal(await store.renewLease({ kind: 'sync', name: 'people', runId: 'r1' }, minute(5)), true)
        assert.equal(await store.renewLease({ kind: 'sync', name: 'people', runId: 'r2' }, minute(9)), false)
        assert.equal((await store.takeLease(claim('r2', 2), minute(2))).taken, false, 'renewed past the old expiry')
        // Released by its holder only.
        await store.releaseLease({ kind: 'sync', name: 'people', runId: 'r2' })
        assert.equal((await store.takeLease(claim('r2', 3), minute(3))).taken, false)
        await store.releaseLease({ kind: 'sync', name: 'people', runId: 'r1' })
        assert.deepEqual(await store.takeLease(claim('r2', 3), minute(3)), { taken: true, interrupted: [] })
        assert.deepEqual((await store.listLeases()).map((l) => [l.kind, l.name, l.runId]), [['export', 'people', 'x1'], ['sync', 'companies', 'c1'], ['sync', 'people', 'r2']])
      }))

    it('lets the next run take an expired lease and marks the run that left it interrupted', opts, () =>
      withStore(async (store) => {
        await store.startRun({ id: 'old', kind: 'sync', name: 'people', startedAt: minute(0) })
        await store.startRun({ id: 'other-mapping', kind: 'sync', name: 'companies', startedAt: minute(0) })
        await store.startRun({ id: 'export', kind: 'export', name: 'people', startedAt: minute(0) })
        await store.startRun({ id: 'done', kind: 'sync', name: 'people', startedAt: minute(0) })
        await store.finishRun('done', { finishedAt: minute(1), status: 'succeeded', summary: {} })
        assert.equal((await store.takeLease(claim('old', 0), minute(0))).taken, true)
        // Killed: it never renews nor releases. At its expiry the lease is free.
        assert.equal((await store.takeLease(claim('new', 0.9), minute(0.9))).taken, false)
        assert.deepEqual(await store.takeLease(claim('new', 1), minute(1)), { taken: true, interrupted: ['old'] })
        await store.startRun({ id: 'new', kind: 'sync', name: 'people', startedAt: minute(1) })
        const old = await store.getRun('old')
        assert.equal(old?.status, 'interrupted')
        assert.equal(old?.finishedAt, minute(1))
        assert.match(String(old?.summary['interrupted']), /run new/)
        assert.equal((await store.getRun('new'))?.status, 'running', 'the taker is not marked')
        assert.equal((await store.getRun('done'))?.status, 'succeeded', 'finished runs stay as they ended')
        assert.equal((await store.getRun('other-mapping'))?.status, 'running', 'another mapping has its own lease')
        assert.equal((await store.getRun('export'))?.status, 'running', 'an export target of the same name has its own lease')
        // The killed holder, back from a pause, finds it no longer holds the lease.
        assert.equal(await store.renewLease({ kind: 'sync', name: 'people', runId: 'old' }, minute(9)), false)
        await store.releaseLease({ kind: 'sync', name: 'people', runId: 'old' })
        assert.equal((await store.listLeases())[0]?.runId, 'new')
      }))

    it('gives a free lease to exactly one of 12 concurrent takers on two stores, and an expired one likewise', opts, async () => {
      const location = target.fresh()
      const stores = [await open(location), await open(location)]
      try {
        const race = (prefix: string, at: number) =>
          Promise.all(Array.from({ length: 12 }, (_, i) => stores[i % 2]!.takeLease(claim(`${prefix}${i}`, at), minute(at))))
        const first = await race('a', 0)
        assert.equal(first.filter((t) => t.taken).length, 1)
        const holder = (await stores[0]!.listLeases())[0]?.runId
        for (const t of first) if (!t.taken) assert.equal(t.holder.runId, holder)
        const second = await race('b', 5)
        assert.equal(second.filter((t) => t.taken).length, 1, 'the expired lease goes to one taker')
      } finally {
        await Promise.all(stores.map((s) => s.close()))
      }
    })

    it('remembers processed signals by target and key, in chunks', opts, () =>
      withStore(async (store) => {
        const keys = Array.from({ length: 1_200 }, (_, i) => `lead-${i}`)
        await store.commit({ signals: keys.slice(0, 1_100).map((key) => signal(key)) })
        await store.commit({
          signals: [
            signal('lead-1', { status: 'failed', outcome: { code: 'invalid', message: 'email "x" ✗' }, runId: 'run-2' }),
            signal('lead-2', { outcome: undefined }),
            signal('lead-3', { outcome: [1, null, 'a'] }),
            signal('lead-4', { target: 'other' }),
          ],
        })
        const found = await store.findSignals('champions', [...keys, 'lead-1', 'nope'])
        assert.equal(found.size, 1_100)
        assert.deepEqual(found.get('lead-0'), { status: 'done', outcome: { created: 'h-lead-0' }, runId: 'run-1', at: '2024-05-01T10:00:00.000Z' })
        assert.deepEqual(found.get('lead-1'), { status: 'failed', outcome: { code: 'invalid', message: 'email "x" ✗' }, runId: 'run-2', at: '2024-05-01T10:00:00.000Z' })
        assert.equal(found.get('lead-2')?.outcome, null)
        assert.deepEqual(found.get('lead-3')?.outcome, [1, null, 'a'])
        assert.equal(found.has('lead-1100'), false)
        assert.deepEqual([...(await store.findSignals('other', ['lead-4', 'lead-0'])).keys()], ['lead-4'])
      }))

    it('registers systems, keeping when each was first seen', opts, () =>
      withStore(async (store) => {
        assert.deepEqual(await store.listSystems(), [])
        await store.registerSystem('sugar', 'sugarcrm', minute(1))
        await store.registerSystem('hubspot', 'hubspot', minute(2))
        await store.registerSystem('sugar', 'salesforce', minute(3))
        assert.deepEqual(await store.listSystems(), [
          { name: 'hubspot', kind: 'hubspot', firstSeen: minute(2) },
          { name: 'sugar', kind: 'salesforce', firstSeen: minute(1) },
        ])
      }))

    it('keeps secrets encrypted at rest and refuses a wrong or missing key', opts, async () => {
      const location = target.fresh()
      const token = `pat-na1-${randomBytes(12).toString('hex')}`
      const keyed = await open(location, { secretKey: 'correct horse battery staple' })
      try {
        assert.equal(await keyed.getSecret('hubspot'), undefined)
        await keyed.putSecret('hubspot', 'first')
        await keyed.putSecret('hubspot', token)
        await keyed.putSecret('sugar', 'pässwörd ✓')
        assert.equal(await keyed.getSecret('hubspot'), token)
        assert.equal(await keyed.getSecret('sugar'), 'pässwörd ✓')
        // The names are stored as they are, which shows the search reads the secrets table.
        const raw = await target.rawContents(location)
        assert.ok(raw.includes('hubspot') && raw.includes('sugar'))
        assert.equal(raw.includes(token), false)
      } finally {
        await keyed.close()
      }
      assert.equal((await target.rawContents(location)).includes(token), false)
      const wrong = await open(location, { secretKey: 'correct horse battery stapler' })
      try {
        await assert.rejects(wrong.getSecret('hubspot'), /cannot decrypt secret "hubspot": REVSYNC_SECRET_KEY is not the key/)
      } finally {
        await wrong.close()
      }
      for (const secretKey of [undefined, '']) {
        const keyless = await open(location, { secretKey })
        try {
          await assert.rejects(keyless.putSecret('salesforce', 'x'), /cannot store secret "salesforce".*set REVSYNC_SECRET_KEY/)
          await assert.rejects(keyless.getSecret('hubspot'), /cannot read secret "hubspot".*REVSYNC_SECRET_KEY/)
          assert.equal(await keyless.getSecret('salesforce'), undefined)
        } finally {
          await keyless.close()
        }
      }
    })

    it('writes nothing of a batch whose queue parts fail, and stays usable', opts, () =>
      withStore(async (store) => {
        await store.commit({
          retries: [retry('e0', 'hubspot')],
          reviews: [hold('old', 'e9', 'email', minute(1)), hold('done', 'e9', 'phone', minute(2))],
        })
        await store.resolveReview('done', { value: 'x', by: 'alice', at: minute(3) })
        const batch = {
          links: [link('e1', 'hubspot', 'h1')],
          resolved: [{ mapping: 'people', entityId: 'e0' }],
          retries: [retry('e1', 'sugar')],
          reviews: [hold('new', 'e1', 'email', minute(3)), hold('ignored', 'e9', 'email', minute(3), { reason: { rule: 'manual.conflict', detail: 'changed' } })],
          appliedReviews: ['done'],
          signals: [signal('lead-1')],
        }
        // Thrown by our code after every other part was written: an outcome JSON cannot hold.
        await assert.rejects(store.commit({ ...batch, signals: [signal('lead-1', { outcome: { n: 1n } })] }), TypeError)
        // Rejected by the database: a status the check constraint refuses.
        await assert.rejects(store.commit({ ...batch, signals: [signal('lead-1', { status: 'skipped' as 'done' })] }))
        // Rejected by the database: a new item reusing the id of another row's item.
        await assert.rejects(store.commit({ ...batch, reviews: [...batch.reviews, hold('old', 'e5', 'email', minute(3))] }))
        assert.equal((await store.findEntities('people', 'hubspot', ['h1'])).size, 0)
        assert.deepEqual((await store.getRetries('people', 10)).map((r) => r.entityId), ['e0'])
        assert.deepEqual((await store.listReviews({})).map((r) => [r.id, r.reason.detail, r.appliedAt]), [
          ['old', 'hubspot and sugar disagree on email', null],
          ['done', 'hubspot and sugar disagree on phone', null],
        ])
        assert.equal((await store.findSignals('champions', ['lead-1'])).size, 0)
        await store.commit(batch)
        assert.deepEqual((await store.getRetries('people', 10)).map((r) => r.entityId), ['e1'])
        assert.deepEqual((await store.listReviews({ status: 'open' })).map((r) => [r.id, r.reason.detail]), [
          ['old', 'changed'],
          ['new', 'hubspot and sugar disagree on email'],
        ])
        assert.notEqual((await store.getReview('done'))?.appliedAt, null)
        assert.equal((await store.findSignals('champions', ['lead-1'])).size, 1)
      }))

    it('finds runs, review items and entities by id prefix, and the ids next to one', opts, () =>
      withStore(async (store) => {
        const ids = ['0192aa00-0001-7abc-8000-000000000001', '0192aa00-0001-7abd-8000-000000000002', '0192aa00-0002-7000-8000-000000000003', '0192ab00-0000-7000-8000-000000000004']
        for (const [i, id] of ids.entries()) await store.startRun({ id, kind: 'sync', name: 'people', startedAt: minute(i) })
        assert.deepEqual(await store.findIdsByPrefix('run', '0192aa00-0001-7ab', 10), ids.slice(0, 2))
        assert.deepEqual(await store.findIdsByPrefix('run', '0192aa00', 10), ids.slice(0, 3))
        assert.deepEqual(await store.findIdsByPrefix('run', '0192aa00', 2), ids.slice(0, 2), 'limited')
        assert.deepEqual(await store.findIdsByPrefix('run', '0192aa00-0002', 10), [ids[2]])
        // A prefix without the dash is not a prefix of the id: ids are matched as written.
        assert.deepEqual(await store.findIdsByPrefix('run', '0192aa000', 10), [])
        assert.deepEqual(await store.findIdsByPrefix('run', ids[3] as string, 10), [ids[3]], 'a full id is its own prefix')
        assert.deepEqual(await store.findIdsByPrefix('run', '0193', 10), [])
        await assert.rejects(store.findIdsByPrefix('run', "0192%' or 1=1", 10), /not an id prefix/)
        assert.deepEqual(await store.adjacentIds('run', ids[1] as string), [ids[0], ids[2]])
        assert.deepEqual(await store.adjacentIds('run', ids[0] as string), [ids[1]])
        assert.deepEqual(await store.adjacentIds('run', '0192ab00-0000-7000-8000-000000000005'), [ids[3]], 'an id not stored has neighbours too')

        await store.commit({ reviews: [hold('0192aa00-0001-7abc-8000-00000000000a', 'e1', 'email', minute(1)), hold('0192aa00-0001-7abc-8000-00000000000b', 'e1', 'phone', minute(2))] })
        await store.resolveReview('0192aa00-0001-7abc-8000-00000000000b', { value: 'x', by: 'alice', at: minute(3) })
        assert.deepEqual(await store.findIdsByPrefix('review', '0192aa00-0001-7abc', 10), ['0192aa00-0001-7abc-8000-00000000000a', '0192aa00-0001-7abc-8000-00000000000b'], 'resolved items too')
        assert.deepEqual(await store.findIdsByPrefix('review', '0192aa00-0002', 10), [], 'run ids are another kind')

        await store.commit({ links: [link('0192cc00-0000-7000-8000-000000000001', 'hubspot', 'h1'), link('0192cc00-0000-7000-8000-000000000001', 'sugar', 's1'), { ...link('0192cc00-0000-7000-8000-000000000002', 'hubspot', 'c1'), mapping: 'companies' }] })
        assert.deepEqual(await store.findIdsByPrefix('entity', '0192cc', 10), ['0192cc00-0000-7000-8000-000000000001', '0192cc00-0000-7000-8000-000000000002'], 'each entity once, of every mapping')
        assert.deepEqual(await store.adjacentIds('entity', '0192cc00-0000-7000-8000-000000000001'), ['0192cc00-0000-7000-8000-000000000002'])
      }))

    it('keeps API tokens by hash, finds live ones only, and revokes once', opts, () =>
      withStore(async (store) => {
        await store.addToken({ id: 't1', name: 'ci', scope: 'operate', createdAt: minute(1) }, 'a'.repeat(64))
        await store.addToken({ id: 't2', name: 'console', scope: 'read', createdAt: minute(2) }, 'b'.repeat(64))
        assert.deepEqual(await store.findTokenByHash('a'.repeat(64)), { id: 't1', name: 'ci', scope: 'operate', createdAt: minute(1), revokedAt: null })
        assert.equal(await store.findTokenByHash('c'.repeat(64)), undefined)
        await assert.rejects(store.addToken({ id: 't3', name: 'x', scope: 'read', createdAt: minute(3) }, 'a'.repeat(64)), 'a hash is one token')
        assert.equal(await store.revokeToken('t1', minute(4)), true)
        assert.equal(await store.revokeToken('t1', minute(5)), false, 'revoked once')
        assert.equal(await store.revokeToken('nope', minute(5)), false)
        assert.equal(await store.findTokenByHash('a'.repeat(64)), undefined, 'a revoked token is not found')
        assert.deepEqual((await store.listTokens()).map((t) => [t.id, t.revokedAt]), [['t1', minute(4)], ['t2', null]])
      }))

    it('keeps an export index per target: a full read replaces it, a refresh upserts and removes rows', opts, () =>
      withStore(async (store) => {
        assert.equal(await store.loadExportIndex('champions'), undefined, 'no index before the first save')
        const acme = { kind: 'account' as const, id: 'a1', data: { name: 'Acme', website: 'acme.com', parentId: null, owner: 'u1' } }
        const globex = { kind: 'account' as const, id: 'a2', data: { name: 'Globex', website: null, parentId: 'a1', owner: null } }
        const jane = { kind: 'contact' as const, id: 'c1', data: { email: 'jane@acme.com', firstName: 'Jane', lastName: 'Doe', accountId: 'a1' } }
        const state = { shape: 'salesforce|contact-if-account-else-lead|OwnerId', cursors: { Account: '2026-01-01T00:00:00.000Z', Contact: '2026-01-01T00:00:00.000Z' }, refreshedAt: minute(1) }
        await store.saveExportIndex('champions', { state, replace: true, upserts: [acme, globex, jane], removes: [] })
        await store.saveExportIndex('other', { state, replace: true, upserts: [{ ...acme, id: 'x1' }], removes: [] })
        const byId = (rows: readonly { kind: string; id: string }[]) => [...rows].sort((a, b) => `${a.kind}/${a.id}`.localeCompare(`${b.kind}/${b.id}`))
        const first = await store.loadExportIndex('champions')
        assert.deepEqual(first && { ...first, rows: byId(first.rows) }, { ...state, rows: [acme, globex, jane] })

        // A refresh: Acme renamed (read twice through the overlap, the last read wins), Globex deleted, a new contact.
        const renamed = { ...acme, data: { ...acme.data, name: 'Acme Corp' } }
        const john = { kind: 'contact' as const, id: 'c2', data: { email: 'john@acme.com', firstName: 'John', lastName: 'Roe', accountId: 'a1' } }
        const next = { ...state, cursors: { Account: '2026-01-02T00:00:00.000Z', Contact: '2026-01-02T00:00:00.000Z' }, refreshedAt: minute(2) }
        await store.saveExportIndex('champions', { state: next, replace: false, upserts: [acme, renamed, john], removes: [{ kind: 'account', id: 'a2' }, { kind: 'contact', id: 'c9' }] })
        const second = await store.loadExportIndex('champions')
        assert.deepEqual(second && { ...second, rows: byId(second.rows) }, { ...next, rows: [renamed, jane, john] })
        assert.deepEqual((await store.loadExportIndex('other'))?.rows.map((r) => r.id), ['x1'], 'another target keeps its own index')

        await store.saveExportIndex('champions', { state, replace: true, upserts: [globex], removes: [] })
        assert.deepEqual((await store.loadExportIndex('champions'))?.rows, [globex], 'a full read replaces every row')
        await store.dropExportIndex('champions')
        assert.equal(await store.loadExportIndex('champions'), undefined)
        assert.equal((await store.loadExportIndex('other'))?.rows.length, 1)
      }))

    it('leaves the previous export index whole when a refresh fails half way', opts, () =>
      withStore(async (store) => {
        const acme = { kind: 'account' as const, id: 'a1', data: { name: 'Acme' } }
        const state = { shape: 's', cursors: { Account: '2026-01-01T00:00:00.000Z' }, refreshedAt: minute(1) }
        await store.saveExportIndex('champions', { state, replace: true, upserts: [acme], removes: [] })
        // A value JSON cannot hold fails the save after its deletes ran inside the transaction.
        const bad = { kind: 'account' as const, id: 'a2', data: { name: 10n as unknown as string } }
        await assert.rejects(store.saveExportIndex('champions', { state: { ...state, shape: 't', refreshedAt: minute(2) }, replace: true, upserts: [bad], removes: [{ kind: 'account', id: 'a1' }] }))
        assert.deepEqual(await store.loadExportIndex('champions'), { ...state, rows: [acme] })
      }))
  })
}
