import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { promisify } from 'node:util'
import { startSalesforceSim } from '../src/sandbox/salesforce/server.js'
import type { SalesforceSim } from '../src/sandbox/salesforce/server.js'
import { jobChange, sfToken } from './support/export-fixture.js'
import { salesforceScenarioSeed, sfUsers } from './support/export-seeds.js'

const run = promisify(execFile)
const main = new URL('../src/cli/main.ts', import.meta.url).pathname

/** Runs the CLI as a user would; resolves with its exit code and output. */
async function revsync(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', main, ...args], { env: { ...process.env, ...env } })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}

describe('revsync export and plan --export on the command line', () => {
  let dir: string
  let sim: SalesforceSim
  let config: string
  let signals: string

  before(async () => {
    sim = await startSalesforceSim({ seed: { ...salesforceScenarioSeed(), credentials: { accessToken: sfToken } } })
    dir = await mkdtemp(join(tmpdir(), 'revsync-export-cli-'))
    config = join(dir, 'revsync.yaml')
    signals = join(dir, 'signals.jsonl')
    await writeFile(config, `store: ${join(dir, 'state.db')}
systems:
  sfdc:
    kind: salesforce
    url: ${sim.url}
    auth: { accessToken: "${sfToken}" }
exports:
  champions:
    system: sfdc
    defaultOwner: dana@acme-org.test
    accountOwnerField: SDR_Owner__c
    fields:
      lead:
        - { field: Status, source: { static: Open } }
`)
    await writeFile(signals, `${JSON.stringify(jobChange('Cli', 'Lead', 'cli@cli-nowhere.io', { name: 'Cli Nowhere' }))}\n{"person": {}}\n`)
  })
  after(async () => {
    await sim.close()
    await rm(dir, { recursive: true, force: true })
  })

  it('plan --export prints every decision with its rule, writes nothing and exits 2', async () => {
    const leads = sim.state.live('Lead').length
    const r = await revsync(['-c', config, 'plan', '--export', 'champions', signals])
    assert.equal(r.code, 2, r.stderr)
    assert.match(r.stdout, /line 1 {2}create Lead/)
    assert.match(r.stdout, /\[record-type\.lead\] a new Lead: no account matches/)
    assert.match(r.stdout, /\[owner\.default\] default owner Dana Default/)
    assert.match(r.stdout, /Status: \(blank\) -> "Open"/)
    assert.match(r.stdout, /line 2 {2}invalid {2}person: needs an email or a last name/)
    assert.equal(sim.state.live('Lead').length, leads)
  })

  it('export writes, reports the invalid line (exit 3), and explain says why the record is a lead and why that owner', async () => {
    const r = await revsync(['-c', config, 'export', '--target', 'champions', signals])
    assert.equal(r.code, 3, r.stderr)
    assert.match(r.stdout, /2 lines: 1 created, 0 updated, 0 skipped, 0 failed, 1 invalid/)
    const lead = sim.state.live('Lead').find((l) => l.Email === 'cli@cli-nowhere.io')
    assert.equal(lead?.OwnerId, sfUsers.dana)
    const e = await revsync(['-c', config, 'explain', `sfdc:Lead/${String(lead?.Id)}`])
    assert.equal(e.code, 0, e.stderr)
    assert.match(e.stdout, /create sfdc:Lead\//)
    assert.match(e.stdout, /\[record-type\.lead\] a new Lead: no account matches the company/)
    assert.match(e.stdout, /\[owner\.default\] default owner Dana Default/)
  })

  it('plan --export of the same file afterwards has nothing to do and exits 0', async () => {
    const r = await revsync(['-c', config, 'plan', '--export', 'champions', signals])
    assert.equal(r.code, 0, r.stderr)
    assert.match(r.stdout, /0 writes/)
    assert.match(r.stdout, /1 processed before/)
  })

  it('with REVSYNC_LOG=json an export logs its run as JSON lines on stderr, under a time-ordered run id', async () => {
    const file = join(dir, 'logged.jsonl')
    await writeFile(file, `${JSON.stringify(jobChange('Logged', 'Lead', 'logged@log-nowhere.io', { name: 'Log Nowhere' }))}\n`)
    const r = await revsync(['-c', config, 'export', '--target', 'champions', file], { REVSYNC_LOG: 'json' })
    assert.equal(r.code, 0, r.stderr)
    const lines = r.stderr.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>)
    const started = lines.find((l) => l.message === 'export started')
    const finished = lines.find((l) => l.message === 'export finished')
    assert.ok(started && finished, r.stderr)
    assert.equal(started.target, 'champions')
    assert.equal(finished.run, started.run)
    assert.deepEqual(finished.outcomes, { created: 1, updated: 0, skipped: 0, failed: 0 })
    assert.match(String(started.run), /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  })
})
