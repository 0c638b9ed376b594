import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { runDemo } from '../src/app/demo/run-demo.js'
import { readFile } from 'node:fs/promises'
import { demoSeed } from '../src/sandbox/demo-seed.js'
import { sandboxEnv } from '../src/app/demo/sandbox-env.js'
import { startSandbox } from '../src/sandbox/start-sandbox.js'
import { newId } from '../src/app/new-id.js'
import { openStore } from '../src/store/open-store.js'
import { shortIds } from '../src/app/short-ids.js'

const run = promisify(execFile)
const main = new URL('../src/cli/main.ts', import.meta.url).pathname

/** Runs the CLI as a user would; resolves with its exit code and output, never throws. */
async function revsync(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', main, ...args], { env: { ...process.env, ...env } })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}

describe('the revsync command line', () => {
  let dir: string
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'revsync-cli-'))
  })
  after(() => rm(dir, { recursive: true, force: true }))

  it('validate exits 1 and names file:line, path and fix for a config error', async () => {
    const file = join(dir, 'revsync.yaml')
    await writeFile(file, 'systems:\n  hubspot:\n    kind: hubspot\n    auth:\n      token: ${HUBSPOT_TOKEN}\n')
    const result = await revsync(['-c', file, 'validate'], { HUBSPOT_TOKEN: '' })
    assert.equal(result.code, 1)
    assert.equal(result.stderr.trim(), 'revsync.yaml:5 systems.hubspot.auth.token: environment variable HUBSPOT_TOKEN is not set; export HUBSPOT_TOKEN=... before running revsync (or write ${HUBSPOT_TOKEN:-default})')
  })

  it('validate accepts the shipped example config offline', async () => {
    const example = new URL('../examples/revsync.yaml', import.meta.url).pathname
    const result = await revsync(['-c', example, 'validate', '--offline'], { SUGAR_URL: 'http://127.0.0.1:1', SUGAR_PASSWORD: 'x', HUBSPOT_TOKEN: 'pat-x', SALESFORCE_ACCESS_TOKEN: 'x' })
    assert.equal(result.code, 0, result.stderr)
    assert.match(result.stdout, /is valid: 3 systems, 1 mappings \(people\)/)
  })

  it('a missing config file is a clear error', async () => {
    const result = await revsync(['-c', join(dir, 'nope.yaml'), 'validate'])
    assert.equal(result.code, 1)
    assert.match(result.stderr, /nope\.yaml: cannot read the config file \(ENOENT\); pass --config PATH or create revsync\.yaml/)
  })
})

describe('plan, sync, runs and explain on a real config', () => {
  let dir: string
  let sandbox: Awaited<ReturnType<typeof startSandbox>>
  let config: string
  const env = () => sandboxEnv(sandbox)

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'revsync-cli-sync-'))
    sandbox = await startSandbox(demoSeed({ contacts: 20, leads: 5 }))
    config = join(dir, 'revsync.yaml')
    const example = await readFile(new URL('../examples/revsync.yaml', import.meta.url), 'utf8')
    await writeFile(config, example.replace('store: .revsync/state.db', `store: ${join(dir, 'state.db')}`))
  })
  after(async () => {
    await sandbox.close()
    await rm(dir, { recursive: true, force: true })
  })

  it('plan prints the writes with their rules, changes nothing, and exits 2 when there is something to do', async () => {
    const plan = await revsync(['-c', config, 'plan'], env())
    assert.equal(plan.code, 2, plan.stderr)
    assert.match(plan.stdout, /^plan people: \d+ writes/m)
    assert.match(plan.stdout, /create hubspot contacts/)
    assert.match(plan.stdout, /\[system-of-record\] email, firstname, lastname/)
    assert.equal((await revsync(['-c', config, 'plan'], env())).code, 2, 'nothing was written by the first plan')
  })

  it('sync writes, then plan exits 0; runs and explain tell what happened', async () => {
    const sync = await revsync(['-c', config, 'sync'], env())
    assert.equal(sync.code, 0, sync.stderr)
    assert.match(sync.stdout, /^sync people \(run [0-9a-f]{8}-[0-9a-f]{4}[0-9a-f-]*\)/)
    const plan = await revsync(['-c', config, 'plan'], env())
    assert.equal(plan.code, 0, plan.stdout)
    assert.match(plan.stdout, /plan people: 0 writes/)
    const runs = await revsync(['-c', config, 'runs'], env())
    assert.match(runs.stdout, /sync people {2}succeeded {2}writes \d+/)
    const id = /run ([0-9a-f-]+)\)/.exec(sync.stdout)?.[1] ?? ''
    const shown = await revsync(['-c', config, 'runs', 'show', id], env())
    const created = /create hubspot:contacts\/(\d+)/.exec(shown.stdout)?.[1]
    assert.ok(created, shown.stdout.slice(0, 500))
    const explain = await revsync(['-c', config, 'explain', `hubspot:contacts/${created}`], env())
    assert.equal(explain.code, 0, explain.stderr)
    assert.match(explain.stdout, /^entity [0-9a-f-]{36} \(mapping people\)/)
    assert.match(explain.stdout, /last written by run [0-9a-f]{8}-[0-9a-f-]+ .* into hubspot\.email: \[system-of-record\] sugar is highest in System of Record order with a value/)
    // The entity is named by its id as well, in full or by the short form plan and runs show.
    const entityId = /^entity ([0-9a-f-]{36}) /.exec(explain.stdout)?.[1] ?? ''
    const store = await openStore({ url: join(dir, 'state.db') })
    const short = await shortIds(store, 'entity', [entityId]).finally(() => store.close())
    assert.ok(short(entityId).length < entityId.length, short(entityId))
    for (const typed of [entityId, short(entityId)]) {
      const byEntity = await revsync(['-c', config, 'explain', typed], env())
      assert.equal(byEntity.code, 0, byEntity.stderr)
      assert.equal(byEntity.stdout.split('\n')[0], explain.stdout.split('\n')[0])
    }
  })

  it('runs show of the run id sync printed shows that run, even after a later run', async () => {
    const first = await revsync(['-c', config, 'sync'], env())
    const second = await revsync(['-c', config, 'sync'], env())
    const printed = (out: string) => /^sync people \(run ([^)]+)\)/m.exec(out)?.[1] ?? ''
    const [a, b] = [printed(first.stdout), printed(second.stdout)]
    assert.notEqual(a, b, 'two runs never show the same id')
    const store = await openStore({ url: join(dir, 'state.db') })
    const runs = await store.listRuns(10).finally(() => store.close())
    const fullA = runs.find((r) => r.id.startsWith(a))?.id
    assert.ok(fullA && runs.filter((r) => r.id.startsWith(a)).length === 1, `${a} names one run`)
    for (const id of [a, fullA]) {
      const shown = await revsync(['-c', config, 'runs', 'show', id], env())
      assert.equal(shown.code, 0, shown.stderr)
      assert.match(shown.stdout, new RegExp(`^run ${fullA}`, 'm'), 'the run shown is the one asked for')
    }
  })

  it('review lists items made in one millisecond under distinct ids, resolves the one named, and refuses an ambiguous prefix', async () => {
    const at = Date.now()
    const ids = [newId(at), newId(at), newId(at)]
    const store = await openStore({ url: join(dir, 'state.db') })
    try {
      await store.commit({ reviews: ids.map((id, i) => ({ id, mapping: 'people', entityId: newId(at), rowKey: `row${i}`, reason: { rule: 'manual.conflict', detail: `row${i} differs` }, candidates: [{ system: 'hubspot', value: `h${i}` }, { system: 'sugar', value: `s${i}` }], at: new Date(at).toISOString() })) })
    } finally {
      await store.close()
    }
    const listed = await revsync(['-c', config, 'review'], env())
    assert.equal(listed.code, 0, listed.stderr)
    const shown = new Map([...listed.stdout.matchAll(/^([0-9a-f-]+) {2}people {2}entity [0-9a-f-]+ {2}row (row\d)/gm)].map((m) => [m[2] as string, m[1] as string]))
    assert.equal(new Set(shown.values()).size, 3, listed.stdout)
    const typed = shown.get('row1') as string
    assert.ok(ids[1]?.startsWith(typed) && !ids[0]?.startsWith(typed) && !ids[2]?.startsWith(typed), `${typed} names row1's item only`)

    const ambiguous = await revsync(['-c', config, 'review', 'resolve', ids[0]?.slice(0, 13) as string, '--take', 'sugar'], env())
    assert.equal(ambiguous.code, 1)
    assert.match(ambiguous.stderr, /is ambiguous: 3 review items have ids starting with it/)
    for (const id of ids) assert.ok(ambiguous.stderr.includes(id), `candidate ${id} listed`)

    const resolved = await revsync(['-c', config, 'review', 'resolve', typed, '--take', 'sugar'], env())
    assert.equal(resolved.code, 0, resolved.stderr)
    assert.match(resolved.stdout, new RegExp(`^resolved ${typed}: row1 = "?s1"?`, 'm'))
    const after = await openStore({ url: join(dir, 'state.db') })
    try {
      assert.deepEqual((await after.listReviews({ status: 'open' })).map((r) => r.rowKey).sort(), ['row0', 'row2'])
      await after.resolveReview(ids[0] as string, { dismissed: true, by: 'test', at: new Date(at).toISOString() })
      await after.resolveReview(ids[2] as string, { dismissed: true, by: 'test', at: new Date(at).toISOString() })
    } finally {
      await after.close()
    }
  })
})

describe('the demo', () => {
  it('syncs, writes nothing on its second run, then exports each signal once into Salesforce', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'revsync-demo-'))
    try {
      const lines: string[] = []
      const result = await runDemo({ storePath: join(dir, 'demo.db'), say: (l) => lines.push(l) })
      assert.ok((result.first.created['hubspot'] ?? 0) > 100, 'people created in HubSpot')
      assert.ok((result.first.created['sugar'] ?? 0) > 0, 'people only HubSpot knew created in Sugar')
      assert.ok(result.first.linked > 0, 'people both systems knew were matched by email')
      assert.ok(result.first.problems.length === 0)
      assert.equal(result.second.writes, 0)
      assert.equal(result.third.writes, 2, 'the Sugar edit propagates and the HubSpot edit is reverted')
      assert.deepEqual(result.third.updated, { hubspot: 2 })
      assert.deepEqual(result.exported.report.counts, { created: 5, updated: 1, skipped: 0, failed: 0 }, 'the export: 3 contacts on matched accounts, 2 leads, 1 existing lead updated')
      assert.equal(result.exported.invalid.length, 1, 'the malformed line is reported')
      assert.deepEqual(result.exportedAgain.report.counts, { created: 0, updated: 0, skipped: 0, failed: 0 }, 'a file processed twice changes nothing')
      assert.equal(result.exportedAgain.report.alreadyProcessed, 6)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
