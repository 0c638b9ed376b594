import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { sandboxEnv } from '../src/app/demo/sandbox-env.js'
import { demoSeed } from '../src/sandbox/demo-seed.js'
import { startSandbox } from '../src/sandbox/start-sandbox.js'
import type { Sandbox } from '../src/sandbox/start-sandbox.js'
import { startHoldingProxy } from './support/holding-proxy.js'
import { spawnCli } from './support/spawn-cli.js'
import { openStore } from '../src/store/open-store.js'

const example = new URL('../examples/revsync.yaml', import.meta.url)
const signals = new URL('../examples/signals.jsonl', import.meta.url).pathname
const pgUrl = process.env.REVSYNC_TEST_DATABASE_URL
/** Each case starts several CLI processes; on a loaded machine that takes a while, but never forever. */
const slow = { timeout: 300_000 }

/** Where a test keeps its store: a SQLite file, or a database of its own on PostgreSQL. */
interface StoreTarget {
  readonly name: string
  readonly skip: string | false
  /** A new, empty store URL. */
  fresh(dir: string): Promise<string>
  cleanup(): Promise<void>
}

const sqlite: StoreTarget = { name: 'SQLite', skip: false, fresh: async (dir) => join(dir, `state-${randomBytes(3).toString('hex')}.db`), cleanup: async () => {} }

/** One database per test on PostgreSQL: the config's `store:` is a URL and can name no schema. */
function postgres(): StoreTarget {
  const made: string[] = []
  const admin = async <T>(work: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: pgUrl })
    await client.connect()
    try {
      return await work(client)
    } finally {
      await client.end()
    }
  }
  return {
    name: 'PostgreSQL',
    skip: pgUrl ? false : 'REVSYNC_TEST_DATABASE_URL is not set',
    async fresh() {
      const name = `revsync_lease_${randomBytes(4).toString('hex')}`
      await admin((c) => c.query(`create database ${name}`))
      made.push(name)
      const url = new URL(pgUrl ?? '')
      url.pathname = `/${name}`
      return url.toString()
    },
    cleanup: () => admin(async (c) => {
      for (const name of made) await c.query(`drop database if exists ${name} with (force)`)
    }),
  }
}

/** Writes the example config with its store at `store`, plus `extra` YAML at the end. */
async function writeConfig(dir: string, store: string, extra = ''): Promise<string> {
  const file = join(dir, `revsync-${randomBytes(3).toString('hex')}.yaml`)
  const text = (await readFile(example, 'utf8')).replace('store: .revsync/state.db', `store: "${store}"`)
  await writeFile(file, text + extra)
  return file
}

/** Emails that more than one live person of a system carries. */
function duplicates(emails: readonly string[]): string[] {
  const seen = new Map<string, number>()
  for (const e of emails) seen.set(e.toLowerCase(), (seen.get(e.toLowerCase()) ?? 0) + 1)
  return [...seen].filter(([e, n]) => e !== '' && n > 1).map(([e]) => e)
}

function sugarEmails(sandbox: Sandbox): string[] {
  return (['Leads', 'Contacts'] as const).flatMap((m) => sandbox.sugar.state.records(m).map((r) => r.email.find((e) => e.primary_address)?.email_address ?? ''))
}

function hubspotEmails(sandbox: Sandbox): string[] {
  return [...sandbox.hubspot.state.records.contacts.values()].filter((r) => !r.archived).map((r) => r.properties['email'] ?? '')
}

function salesforceEmails(sandbox: Sandbox): string[] {
  return ['Lead', 'Contact'].flatMap((o) => sandbox.salesforce.state.live(o).map((r) => String(r['Email'] ?? '')))
}

/**
 * Starts two CLI processes at once, each through its own proxy that holds its writes. The
 * holds are let go when one process exits (the one refused by the lease), or when both have
 * reached their writes (no lease kept the second out): so the test never hangs, and without
 * a lease both runs are sure to overlap and write.
 */
async function twoAtOnce(args: readonly string[], env: Record<string, string>, variable: string, target: string) {
  const proxies = [await startHoldingProxy(target), await startHoldingProxy(target)]
  try {
    const runs = proxies.map((p) => spawnCli(args, { ...env, [variable]: p.url }))
    await Promise.race([Promise.race(runs.map((r) => r.exited)), Promise.all(proxies.map((p) => p.firstHeld))])
    for (const p of proxies) p.release()
    const results = await Promise.all(runs.map((r) => r.exited))
    return runs.map((r, i) => ({ pid: r.pid, ...results[i]! }))
  } finally {
    await Promise.all(proxies.map((p) => p.close()))
  }
}

for (const target of [sqlite, postgres()]) {
  describe(`one run at a time on ${target.name}`, { skip: target.skip }, () => {
    let dir: string
    let sandbox: Sandbox
    before(async () => {
      dir = await mkdtemp(join(tmpdir(), 'revsync-lease-'))
    })
    after(async () => {
      await target.cleanup()
      await rm(dir, { recursive: true, force: true })
    })

    it('two syncs started together: one writes, the other exits 4 naming the run that holds the mapping', slow, async () => {
      sandbox = await startSandbox(demoSeed({ contacts: 30, leads: 10 }))
      try {
        const config = await writeConfig(dir, await target.fresh(dir))
        const env = sandboxEnv(sandbox)
        const [a, b] = await twoAtOnce(['-c', config, 'sync'], env, 'HUBSPOT_URL', sandbox.hubspot.url)
        assert.deepEqual(duplicates(sugarEmails(sandbox)), [], 'no person twice in SugarCRM')
        assert.deepEqual(duplicates(hubspotEmails(sandbox)), [], 'no person twice in HubSpot')
        assert.deepEqual([a!.code, b!.code].sort(), [0, 4], `exit codes ${a!.code} and ${b!.code}\n${a!.stderr}\n${b!.stderr}`)
        const [winner, loser] = a!.code === 0 ? [a!, b!] : [b!, a!]
        const runId = /sync people \(run ([0-9a-f]+)/.exec(winner.stdout)?.[1]
        assert.ok(runId, winner.stdout)
        assert.match(loser.stderr, new RegExp(`mapping "people" is held by run ${runId}[0-9a-f-]* since \\S+ \\(pid ${winner.pid}@${hostname()}\\)`))
        assert.match(loser.stderr, /--wait/)
        assert.equal(loser.stdout, '', 'the refused run wrote nothing, not even a report')
        const runs = await spawnCli(['-c', config, 'runs'], env).exited
        assert.equal(runs.stdout.trim().split('\n').length, 1, `only the run that held the lease is recorded:\n${runs.stdout}`)
        assert.match(runs.stdout, /sync people {2}succeeded/)
      } finally {
        await sandbox.close()
      }
    })

    it('a killed run leaves a lease that expires: the next sync --wait proceeds, and runs shows the killed one interrupted', slow, async () => {
      sandbox = await startSandbox(demoSeed({ contacts: 30, leads: 10 }))
      const proxy = await startHoldingProxy(sandbox.hubspot.url)
      try {
        const config = await writeConfig(dir, await target.fresh(dir), 'sync:\n  leaseSeconds: 2\n')
        const env = sandboxEnv(sandbox)
        const killed = spawnCli(['-c', config, 'sync'], { ...env, HUBSPOT_URL: proxy.url })
        // Stopped in the middle of its writes (or, if it never gets there, its end is reported).
        const early = await Promise.race([proxy.firstHeld.then(() => undefined), killed.exited])
        assert.equal(early, undefined, `the run ended before writing: ${JSON.stringify(early)}`)
        killed.kill('SIGKILL')
        assert.equal((await killed.exited).signal, 'SIGKILL')
        const next = await spawnCli(['-c', config, 'sync', '--wait', '60'], env).exited
        assert.equal(next.code, 0, next.stderr)
        const runs = await spawnCli(['-c', config, 'runs'], env).exited
        const lines = runs.stdout.trim().split('\n')
        assert.equal(lines.length, 2, runs.stdout)
        assert.match(lines[0]!, /sync people {2}succeeded/, 'the newest run went through')
        assert.match(lines[1]!, /sync people {2}interrupted/, 'the killed run is marked interrupted')
        assert.deepEqual(duplicates(sugarEmails(sandbox)), [], 'no person twice in SugarCRM')
        assert.deepEqual(duplicates(hubspotEmails(sandbox)), [], 'no person twice in HubSpot')
      } finally {
        await proxy.close()
        await sandbox.close()
      }
    })

    it('two exports of one file into one target started together: one writes, the other exits 4', slow, async () => {
      sandbox = await startSandbox(demoSeed({ contacts: 5, leads: 2 }))
      try {
        const config = await writeConfig(dir, await target.fresh(dir))
        const env = sandboxEnv(sandbox)
        const before = salesforceEmails(sandbox).length
        const [a, b] = await twoAtOnce(['-c', config, 'export', '-t', 'champions', signals], env, 'SALESFORCE_URL', sandbox.salesforce.url)
        assert.ok([a!.code, b!.code].includes(4), `one export is refused: exit codes ${a!.code} and ${b!.code}\n${a!.stderr}\n${b!.stderr}`)
        const [winner, loser] = a!.code === 4 ? [b!, a!] : [a!, b!]
        assert.notEqual(winner.code, 4, winner.stderr)
        assert.match(loser.stderr, new RegExp(`export target "champions" is held by run [0-9a-f-]+ since \\S+ \\(pid ${winner.pid}@`))
        assert.deepEqual(duplicates(salesforceEmails(sandbox)), [], 'no person twice in Salesforce')
        assert.ok(salesforceEmails(sandbox).length > before, 'the export that held the target wrote')
      } finally {
        await sandbox.close()
      }
    })
  })
}

describe('a sync of several mappings', () => {
  it('skips the mapping another run holds, runs the others, and exits 4; --wait gives up after its seconds', slow, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'revsync-lease-'))
    const sandbox = await startSandbox(demoSeed({ contacts: 10, leads: 2 }))
    try {
      const storePath = join(dir, 'state.db')
      // A second mapping of its own: job titles from Sugar contacts into HubSpot.
      const titles = `  titles:
    entity: person
    systems:
      - system: sugar
        objects: [Contacts]
      - system: hubspot
        objects: [contacts]
    match: [email]
    fields:
      - { name: email, sugar: email1, hubspot: email, direction: sugar -> hubspot }
      - { sugar: title, hubspot: jobtitle, direction: sugar -> hubspot }
`
      const config = await writeConfig(dir, storePath)
      await writeFile(config, (await readFile(config, 'utf8')).replace('\nexports:\n', `\n${titles}\nexports:\n`))
      // Another process, on another machine, is syncing people right now.
      const store = await openStore({ url: storePath })
      const now = new Date()
      const held = await store.takeLease({ kind: 'sync', name: 'people', runId: 'run-elsewhere', pid: 4321, host: 'worker-9', startedAt: now.toISOString(), expiresAt: new Date(now.getTime() + 3_600_000).toISOString() }, now.toISOString())
      await store.close()
      assert.equal(held.taken, true)
      const env = sandboxEnv(sandbox)
      const sync = await spawnCli(['-c', config, 'sync'], env).exited
      assert.equal(sync.code, 4, sync.stderr)
      assert.match(sync.stderr, /mapping "people" is held by run run-elsewhere since \S+ \(pid 4321@worker-9\)/)
      assert.match(sync.stdout, /^sync titles \(run /m, 'the mapping nobody holds ran')
      assert.doesNotMatch(sync.stdout, /sync people/)
      const waited = await spawnCli(['-c', config, 'sync', '-m', 'people', '--wait', '1'], env).exited
      assert.equal(waited.code, 4, waited.stderr)
      assert.match(waited.stderr, /held by run run-elsewhere .*waited \d+ s for it/)
      const bad = await spawnCli(['-c', config, 'sync', '--wait', 'soon'], env).exited
      assert.equal(bad.code, 1)
      assert.match(bad.stderr, /--wait takes a number of seconds above 0, got "soon"/)
    } finally {
      await sandbox.close()
      await rm(dir, { recursive: true, force: true })
    }
  })
})

describe('a sync stopped with Ctrl-C', () => {
  it('records the batch in hand, ends the run stopped, frees the mapping at once, and exits 5; the next sync finishes with no duplicate', slow, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'revsync-stop-'))
    const sandbox = await startSandbox(demoSeed({ contacts: 30, leads: 10 }))
    const proxy = await startHoldingProxy(sandbox.hubspot.url)
    try {
      // A lease of an hour: were it left behind, the next sync would be refused.
      const config = await writeConfig(dir, join(dir, 'state.db'), 'sync:\n  leaseSeconds: 3600\n')
      const env = sandboxEnv(sandbox)
      const stopped = spawnCli(['-c', config, 'sync'], { ...env, HUBSPOT_URL: proxy.url })
      const early = await Promise.race([proxy.firstHeld.then(() => undefined), stopped.exited])
      assert.equal(early, undefined, `the run ended before writing: ${JSON.stringify(early)}`)
      stopped.kill('SIGINT')
      proxy.release()
      const end = await stopped.exited
      assert.equal(end.code, 5, end.stderr)
      assert.match(end.stderr, /stopping after the batch in hand/)
      const store = await openStore({ url: join(dir, 'state.db') })
      try {
        assert.deepEqual(await store.listLeases(), [], 'the lease is released, not left to expire')
        assert.equal((await store.listRuns(5))[0]?.status, 'stopped')
      } finally {
        await store.close()
      }
      const next = await spawnCli(['-c', config, 'sync'], env).exited
      assert.equal(next.code, 0, next.stderr)
      assert.deepEqual(duplicates(sugarEmails(sandbox)), [], 'no person twice in SugarCRM')
      assert.deepEqual(duplicates(hubspotEmails(sandbox)), [], 'no person twice in HubSpot')
    } finally {
      await proxy.close()
      await sandbox.close()
      await rm(dir, { recursive: true, force: true })
    }
  })
})
