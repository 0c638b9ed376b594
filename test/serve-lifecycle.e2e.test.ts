import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { loadConfig } from '../src/app/config/load-config.js'
import { silentLogger } from '../src/app/logger.js'
import { startService } from '../src/server/start-service.js'
import { openStore } from '../src/store/open-store.js'
import { startHoldingProxy } from './support/holding-proxy.js'
import { duplicates, readEvents, startServeFixture } from './support/serve-fixture.js'
import { spawnServe } from './support/spawn-serve.js'
import { spawnCli } from './support/spawn-cli.js'

const slow = { timeout: 300_000 }

/** Starts a run of `people` over HTTP and returns its id. */
async function startRun(url: string, token: string): Promise<string> {
  const response = await fetch(`${url}/v1/runs`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ mapping: 'people' }) })
  const body = (await response.json()) as { run: string }
  assert.equal(response.status, 202, JSON.stringify(body))
  return body.run
}

describe('revsync serve: schedules, stopping and restarting', () => {
  it('a schedule runs its mapping without being asked, and not again before it is due', slow, async () => {
    const f = await startServeFixture({ peopleExtra: '    schedule: { every: 1h }\n' })
    const service = await startService({ loaded: await loadConfig(f.config, { ...process.env, ...f.env }), logger: silentLogger, port: 0 })
    try {
      // The first check runs as the service starts; this one waits for it (or finds it queued).
      await service.scheduler.tick()
      await service.worker.idle()
      const runs = await service.context.app.store.listRuns(10)
      assert.deepEqual(runs.map((r) => [r.name, r.status]), [['people', 'succeeded']])
      assert.deepEqual(new Set(f.hubspotEmails().filter(Boolean)), new Set(f.sugarEmails().filter(Boolean)), 'the scheduled run synced everyone')
      assert.deepEqual(await service.scheduler.tick(), [], 'not due again for an hour')
      assert.equal((await service.context.app.store.listRuns(10)).length, 1)
    } finally {
      await service.stop()
      await f.close()
    }
  })

  it('SIGTERM mid-run records the batch in hand and ends the run stopped; a restart finishes the work with no duplicate', slow, async () => {
    const f = await startServeFixture({ contacts: 40, leads: 5, extra: 'sync:\n  batchSize: 10\n' })
    const proxy = await startHoldingProxy(f.sandbox.hubspot.url)
    try {
      const first = await spawnServe(f.config, { ...f.env, HUBSPOT_URL: proxy.url })
      const runId = await startRun(first.url, f.tokens.operate)
      // The run is in the middle of a batch's writes, held at the proxy.
      await Promise.race([proxy.firstHeld, first.exited.then((end) => assert.fail(`serve ended before writing: ${JSON.stringify(end)}`))])
      // A CLI sync of the same mapping meanwhile does not write twice: the lease sends it away.
      const cli = await spawnCli(['-c', f.config, 'sync', '-m', 'people'], f.env).exited
      assert.equal(cli.code, 4, cli.stderr)
      assert.match(cli.stderr, new RegExp(`mapping "people" is held by run ${runId}`))
      first.kill('SIGTERM')
      await first.waitForLog(/"stopping/)
      proxy.release()
      const end = await first.exited
      assert.equal(end.code, 0, end.stderr)
      assert.match(end.stdout, /revsync serve stopped/)

      const store = await openStore({ url: f.storePath })
      const stopped = await store.getRun(runId)
      const leases = await store.listLeases()
      await store.close()
      assert.equal(stopped?.status, 'stopped', JSON.stringify(stopped))
      assert.deepEqual(leases.filter((l) => l.runId === runId && Date.parse(l.expiresAt) > Date.now()), [], 'the lease is released')
      const firstWrites = (stopped?.summary as { writes: number }).writes
      assert.ok(firstWrites > 0, `the batch in hand was written and recorded: ${JSON.stringify(stopped?.summary)}\n${end.stderr}`)

      const second = await spawnServe(f.config, f.env)
      try {
        const again = await startRun(second.url, f.tokens.operate)
        const events = await readEvents(await fetch(`${second.url}/v1/runs/${again}/events`, { headers: { authorization: `Bearer ${f.tokens.read}` } }))
        assert.deepEqual(events.at(-1)?.data, { type: 'finished', status: 'succeeded' })
      } finally {
        second.kill('SIGTERM')
        assert.equal((await second.exited).code, 0)
      }
      assert.deepEqual(duplicates(f.hubspotEmails()), [], 'no person twice in HubSpot')
      assert.deepEqual(duplicates(f.sugarEmails()), [], 'no person twice in SugarCRM')
      assert.deepEqual(new Set(f.hubspotEmails().filter(Boolean)), new Set(f.sugarEmails().filter(Boolean)), 'the restart finished the work')
      // What the stopped run recorded is not written again: its cursors and links were consistent.
      const after = await openStore({ url: f.storePath })
      const runs = await after.listRuns(10)
      const written = async (id: string): Promise<Set<string>> => new Set((await after.getRunItems(id)).filter((i) => i.action === 'create' || i.action === 'update').map((i) => `${i.system}/${i.recordId}`))
      const [firstSet, secondSet] = [await written(runId), await written(runs[0]?.id ?? '')]
      await after.close()
      assert.deepEqual(runs.map((r) => r.status), ['succeeded', 'stopped'])
      assert.ok(secondSet.size > 0, 'the restart had work left')
      assert.deepEqual([...firstSet].filter((r) => secondSet.has(r)), [], 'no record written by both runs')
    } finally {
      await proxy.close()
      await f.close()
    }
  })

  it('token create shows the token once, list shows it without its secret, revoke stops it at once', slow, async () => {
    const f = await startServeFixture({ contacts: 2, leads: 0 })
    try {
      const created = await spawnCli(['-c', f.config, 'token', 'create', '--scope', 'read', '--name', 'grafana'], f.env).exited
      assert.equal(created.code, 0, created.stderr)
      const secret = created.stdout.trim()
      assert.match(secret, /^rsk_[A-Za-z0-9_-]{43}$/)
      assert.match(created.stderr, /not shown again/)
      const listed = await spawnCli(['-c', f.config, 'token', 'list'], f.env).exited
      const line = listed.stdout.split('\n').find((l) => l.includes('grafana'))
      assert.ok(line, listed.stdout)
      assert.doesNotMatch(listed.stdout, new RegExp(secret.slice(4, 20)), 'the secret is never listed')
      const served = await spawnServe(f.config, f.env)
      try {
        const ok = await fetch(`${served.url}/v1/runs`, { headers: { authorization: `Bearer ${secret}` } })
        assert.equal(ok.status, 200)
        await ok.body?.cancel()
        const id = line.split(/\s+/)[0] as string
        // Tokens made in the same second share a prefix: a short one is refused, naming how many.
        const ambiguous = await spawnCli(['-c', f.config, 'token', 'revoke', id.slice(0, 4)], f.env).exited
        assert.equal(ambiguous.code, 1)
        assert.match(ambiguous.stderr, /names \d+ tokens; give more of its id/)
        const revoked = await spawnCli(['-c', f.config, 'token', 'revoke', id], f.env).exited
        assert.equal(revoked.code, 0, revoked.stderr)
        const refused = await fetch(`${served.url}/v1/runs`, { headers: { authorization: `Bearer ${secret}` } })
        assert.equal(refused.status, 401)
        await refused.body?.cancel()
        const bad = await spawnCli(['-c', f.config, 'token', 'create', '--scope', 'root'], f.env).exited
        assert.equal(bad.code, 1)
        assert.match(bad.stderr, /--scope root is not a scope; give one of: read, operate, admin/)
      } finally {
        served.kill('SIGINT')
        assert.equal((await served.exited).code, 0)
      }
      const store = await openStore({ url: f.storePath })
      const raw = JSON.stringify(await store.listTokens())
      await store.close()
      assert.doesNotMatch(raw, new RegExp(secret.slice(4, 20)))
    } finally {
      await f.close()
    }
  })
})
