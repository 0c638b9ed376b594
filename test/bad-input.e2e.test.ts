import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { demoSeed } from '../src/sandbox/demo-seed.js'
import { sandboxEnv } from '../src/app/demo/sandbox-env.js'
import { startSandbox } from '../src/sandbox/start-sandbox.js'
import type { Sandbox } from '../src/sandbox/start-sandbox.js'
import type { SugarSeed } from '../src/sandbox/sugarcrm/seed.js'

type SugarRecordSeed = NonNullable<SugarSeed['contacts']>[number]

const run = promisify(execFile)
const main = new URL('../src/cli/main.ts', import.meta.url).pathname

/** Runs the CLI as a user would, with only the given environment; resolves with its exit code and output. */
async function revsync(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', main, ...args], { env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env } })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}

/** What the simulators hold, to prove a refused run wrote nothing. */
function counts(sandbox: Sandbox): { hubspot: number; leads: number; contacts: number } {
  return { hubspot: sandbox.hubspot.state.records.contacts.size, leads: sandbox.sugar.state.records('Leads').length, contacts: sandbox.sugar.state.records('Contacts').length }
}

describe('bad input over the simulators', () => {
  let dir: string
  let sandbox: Sandbox
  let example: string
  const env = () => sandboxEnv(sandbox)
  let n = 0

  /** Writes the example config, changed by `edit`, on a fresh store; returns its path. */
  async function configWith(edit: (text: string) => string): Promise<string> {
    n++
    const file = join(dir, `revsync-${n}.yaml`)
    await writeFile(file, edit(example.replace('store: .revsync/state.db', `store: ${join(dir, `state-${n}.db`)}`)))
    return file
  }

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'revsync-bad-input-'))
    const seed = demoSeed({ contacts: 8, leads: 2 })
    // One Sugar contact with an address HubSpot refuses: its create fails, every other write succeeds.
    const contacts = (seed.sugar.contacts ?? []).map((c, i): SugarRecordSeed => {
      const copy: SugarRecordSeed = { ...c }
      if (i === 0) copy['email1'] = 'not-an-email'
      return copy
    })
    sandbox = await startSandbox({ ...seed, sugar: { ...seed.sugar, contacts } })
    example = await readFile(new URL('../examples/revsync.yaml', import.meta.url), 'utf8')
  })
  after(async () => {
    await sandbox.close()
    await rm(dir, { recursive: true, force: true })
  })

  it('sync and plan refuse a row naming an unknown HubSpot property before writing anything', async () => {
    const config = await configWith((t) => t.replace('hubspot: jobtitle', 'hubspot: jobtitel'))
    const before = counts(sandbox)
    const expected = /^revsync-\d+\.yaml:43 mappings\.people\.fields\[3\]\.hubspot: hubspot contacts has no field "jobtitel"; did you mean "jobtitle"\?/m
    const sync = await revsync(['-c', config, 'sync'], env())
    assert.equal(sync.code, 1, sync.stdout)
    assert.match(sync.stderr, expected)
    assert.deepEqual(counts(sandbox), before, 'nothing was created on either side')
    const plan = await revsync(['-c', config, 'plan'], env())
    assert.equal(plan.code, 1, plan.stdout)
    assert.match(plan.stderr, expected)
  })

  it('sync refuses a two-way row into a read-only HubSpot property', async () => {
    const config = await configWith((t) => t.replace('      - sugar: phone_work\n        hubspot: phone', '      - sugar: phone_work\n        hubspot: phone\n      - sugar: description\n        hubspot: createdate'))
    const before = counts(sandbox)
    const sync = await revsync(['-c', config, 'sync'], env())
    assert.equal(sync.code, 1, sync.stdout)
    assert.match(sync.stderr, /^revsync-\d+\.yaml:\d+ mappings\.people\.fields\[5\]\.hubspot: hubspot contacts\.createdate is read-only; make the row one way from hubspot/m)
    assert.deepEqual(counts(sandbox), before)
  })

  it('sync exits 3 when some records failed, and again while they still fail', async () => {
    const config = await configWith((t) => t)
    const sync = await revsync(['-c', config, 'sync'], env())
    assert.equal(sync.code, 3, `${sync.stdout}\n${sync.stderr}`)
    assert.match(sync.stdout, /failed/)
    const again = await revsync(['-c', config, 'sync', '--mapping', 'people'], env())
    assert.equal(again.code, 3, 'the record still fails on the retry')
  })

  it('validate checks export targets against the discovered schemas', async () => {
    const config = await configWith((t) => `${t}
  marketing:
    system: hubspot
    defaultOwner: dana@acme-revops.example
    fields:
      contact:
        - { field: jobtitel, source: { dynamic: person.title } }
  bare:
    system: sfdc
    defaultOwner: dana@acme-revops.example
    recordSync: always-lead
    defaults: false
    fields:
      lead:
        - { field: LastName, source: { dynamic: person.lastName } }
`)
    const result = await revsync(['-c', config, 'validate'], env())
    assert.equal(result.code, 1, result.stdout)
    const lines = result.stderr.trim().split('\n')
    assert.ok(lines.some((l) => /^revsync-\d+\.yaml:\d+ exports\.marketing\.fields\.contact\[0\]\.field: hubspot contacts has no field "jobtitel"; did you mean "jobtitle"\?/.test(l)), result.stderr)
    assert.ok(lines.some((l) => /^revsync-\d+\.yaml:\d+ exports\.bare\.fields\.lead: sfdc Lead requires "Company" \(Company\) on create and no row fills it/.test(l)), result.stderr)
  })

  it('runs and validate --offline need no secrets; validate without --offline names the missing one', async () => {
    const config = await configWith((t) => t)
    const storeOnly = { SUGAR_URL: sandbox.sugar.url }
    const offline = await revsync(['-c', config, 'validate', '--offline'], storeOnly)
    assert.equal(offline.code, 0, offline.stderr)
    assert.match(offline.stdout, /is valid: 3 systems, 1 mappings/)
    const runs = await revsync(['-c', config, 'runs'], {})
    assert.equal(runs.code, 0, runs.stderr)
    assert.match(runs.stdout, /no runs yet/)
    const online = await revsync(['-c', config, 'validate'], storeOnly)
    assert.equal(online.code, 1)
    assert.match(online.stderr, /^revsync-\d+\.yaml:11 systems\.sugar\.auth\.password: environment variable SUGAR_PASSWORD is not set/m)
  })

  it('a damaged store is named with what to do', async () => {
    const store = join(dir, 'damaged.db')
    await writeFile(store, 'this is not a database, just some text that is long enough to be read as a header page')
    const config = await configWith((t) => t.replace(/store: .*/, `store: ${store}`))
    const runs = await revsync(['-c', config, 'runs'], env())
    assert.equal(runs.code, 1)
    assert.equal(runs.stderr.trim(), `revsync: store ${store}: file is not a database; it is damaged or not a revsync store: restore it from a backup, or move it away and run again to start a new store (revsync then matches records again by their match keys)`)
  })

  it('a system url that is not http or https is refused at load time', async () => {
    const config = await configWith((t) => t.replace('url: ${HUBSPOT_URL:-https://api.hubapi.com}', 'url: file:///etc/passwd'))
    const result = await revsync(['-c', config, 'validate', '--offline'], env())
    assert.equal(result.code, 1)
    assert.match(result.stderr, /^revsync-\d+\.yaml:15 systems\.hubspot\.url: must be an http:\/\/ or https:\/\/ URL/m)
  })
})
