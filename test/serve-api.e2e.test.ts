import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { loadConfig } from '../src/app/config/load-config.js'
import { silentLogger } from '../src/app/logger.js'
import { routeTable } from '../src/server/route-table.js'
import { startService } from '../src/server/start-service.js'
import type { RunningService } from '../src/server/start-service.js'
import { runEventSchema } from '../src/server/routes/run-events.js'
import { openStore } from '../src/store/open-store.js'
import { OpenApiCheck } from './support/openapi-check.js'
import { duplicates, readEvents, startServeFixture } from './support/serve-fixture.js'
import type { ServeFixture } from './support/serve-fixture.js'

const slow = { timeout: 300_000 }

/** A request the test sends: the template path as the document names it, and its parts. */
interface Call {
  readonly method: 'GET' | 'POST'
  readonly path: string
  readonly params?: Record<string, string>
  readonly query?: Record<string, string>
  readonly body?: unknown
}

describe('revsync serve: the HTTP API', () => {
  let f: ServeFixture
  let service: RunningService
  let api: OpenApiCheck

  const urlOf = (call: Call): string => {
    const path = call.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(call.params?.[name] ?? ''))
    const query = call.query ? `?${new URLSearchParams(call.query).toString()}` : ''
    return `${service.url}${path}${query}`
  }
  const send = (call: Call, token?: string): Promise<Response> =>
    fetch(urlOf(call), {
      method: call.method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(call.body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(call.body !== undefined ? { body: JSON.stringify(call.body) } : {}),
    })
  /** Sends a call whose request the document must accept, and returns the answer checked against the document. */
  const exchange = async (call: Call, token: string | undefined, status: number): Promise<unknown> => {
    api.request(call.method, call.path, { ...(call.params ? { path: call.params } : {}), ...(call.query ? { query: call.query } : {}), ...(call.body !== undefined ? { body: call.body } : {}) })
    const response = await send(call, token)
    const body = await api.response(call.method, call.path, response)
    assert.equal(response.status, status, JSON.stringify(body))
    return body
  }

  before(async () => {
    f = await startServeFixture({ extra: 'sync:\n  batchSize: 10\n' })
    service = await startService({ loaded: await loadConfig(f.config, { ...process.env, ...f.env }), logger: silentLogger, port: 0 })
    const doc = await fetch(`${service.url}/v1/openapi.json`, { headers: { authorization: `Bearer ${f.tokens.read}` } })
    assert.equal(doc.status, 200)
    api = new OpenApiCheck(await doc.json())
  })
  after(async () => {
    await service?.stop()
    await f?.close()
  })

  it('answers health without a token, and every other route 401 without a live token and 403 with too small a scope', slow, async () => {
    const store = await openStore({ url: f.storePath })
    const revoked = (await store.listTokens()).find((t) => t.name === 'test-admin')
    await store.close()
    const sample: Record<string, Partial<Call>> = { 'POST /v1/runs': { body: { mapping: 'people' } }, 'GET /v1/runs/{id}': { params: { id: 'abcd' } }, 'GET /v1/runs/{id}/events': { params: { id: 'abcd' } }, 'POST /v1/review/{id}/resolve': { params: { id: 'abcd' }, body: { dismiss: true } }, 'GET /v1/explain': { query: { record: 'hubspot:contacts/1' } } }
    const routes = routeTable()
    assert.ok(routes.length >= 11)
    for (const route of routes) {
      const call: Call = { method: route.method.toUpperCase() as Call['method'], path: route.path, ...sample[`${route.method.toUpperCase()} ${route.path}`] }
      if (route.scope === 'public') {
        await exchange(call, undefined, 200)
        continue
      }
      const none = (await exchange(call, undefined, 401)) as { detail: string; field: string }
      assert.match(none.detail, /revsync token create/)
      assert.equal(none.field, 'header.authorization')
      await exchange(call, 'rsk_not-a-token', 401)
      const smaller = route.scope === 'operate' ? 'read' : route.scope === 'admin' ? 'operate' : undefined
      if (smaller) {
        const refused = (await exchange(call, f.tokens[smaller], 403)) as { detail: string }
        assert.match(refused.detail, new RegExp(`scope ${smaller}.*needs ${route.scope}`))
      } else {
        const response = await send(call, f.tokens.read)
        assert.ok(![401, 403].includes(response.status), `${route.path} takes a read token`)
        await response.body?.cancel()
      }
    }
    assert.ok(revoked)
    const keep = await openStore({ url: f.storePath })
    await keep.revokeToken(revoked.id, new Date().toISOString())
    await keep.close()
    await exchange({ method: 'GET', path: '/v1/runs' }, f.tokens.admin, 401)
  })

  it('a run started over the API writes like a CLI sync, and its progress streams as events', slow, async () => {
    const started = (await exchange({ method: 'POST', path: '/v1/runs', body: { mapping: 'people' } }, f.tokens.operate, 202)) as { run: string }
    const events = await readEvents(await send({ method: 'GET', path: '/v1/runs/{id}/events', params: { id: started.run } }, f.tokens.read))
    for (const e of events) runEventSchema.parse(e.data)
    assert.deepEqual(events.at(-1), { event: 'finished', data: { type: 'finished', status: 'succeeded' } })
    const { run, items } = (await exchange({ method: 'GET', path: '/v1/runs/{id}', params: { id: started.run.slice(0, 13) } }, f.tokens.read, 200)) as { run: { id: string; status: string; summary: { created: Record<string, number> } }; items: { action: string; reasons: unknown[] }[] }
    assert.equal(run.id, started.run, 'found by the prefix people see')
    assert.equal(run.status, 'succeeded')
    assert.ok((run.summary.created['hubspot'] ?? 0) > 0)
    assert.ok(items.some((i) => i.action === 'create' && i.reasons.length > 0))
    assert.deepEqual(duplicates(f.hubspotEmails()), [], 'no person twice in HubSpot')
    assert.deepEqual(duplicates(f.sugarEmails()), [], 'no person twice in SugarCRM')
    assert.deepEqual(new Set(f.hubspotEmails().filter(Boolean)), new Set(f.sugarEmails().filter(Boolean)), 'every person in both systems')
    const again = (await exchange({ method: 'POST', path: '/v1/runs', body: { mapping: 'people' } }, f.tokens.operate, 202)) as { run: string }
    await readEvents(await send({ method: 'GET', path: '/v1/runs/{id}/events', params: { id: again.run } }, f.tokens.read))
    const second = (await exchange({ method: 'GET', path: '/v1/runs/{id}', params: { id: again.run } }, f.tokens.read, 200)) as { run: { summary: { writes: number } } }
    assert.equal(second.run.summary.writes, 0, 'a second run writes nothing')
    const list = (await exchange({ method: 'GET', path: '/v1/runs', query: { limit: '5' } }, f.tokens.read, 200)) as { runs: { id: string }[] }
    assert.deepEqual(list.runs.map((r) => r.id), [again.run, started.run])
    const ended = await readEvents(await send({ method: 'GET', path: '/v1/runs/{id}/events', params: { id: started.run } }, f.tokens.read))
    assert.deepEqual(ended, [{ event: 'finished', data: { type: 'finished', status: 'succeeded' } }], 'a run over answers with its end alone')
  })

  it('a run the lease keeps out (another process holds the mapping) ends skipped, naming the holder, and writes nothing', slow, async () => {
    const store = service.context.app.store
    const now = new Date()
    const holder = { kind: 'sync' as const, name: 'people', runId: 'run-elsewhere', pid: 4321, host: 'worker-9', startedAt: now.toISOString(), expiresAt: new Date(now.getTime() + 3_600_000).toISOString() }
    assert.equal((await store.takeLease(holder, now.toISOString())).taken, true)
    try {
      const before = (await store.listRuns(100)).length
      const started = (await exchange({ method: 'POST', path: '/v1/runs', body: { mapping: 'people' } }, f.tokens.operate, 202)) as { run: string }
      const events = await readEvents(await send({ method: 'GET', path: '/v1/runs/{id}/events', params: { id: started.run } }, f.tokens.read))
      const end = events.at(-1)?.data as { status: string; error: string }
      assert.equal(end.status, 'skipped')
      assert.match(end.error, /mapping "people" is held by run run-elsewhere since \S+ \(pid 4321@worker-9\)/)
      assert.equal((await store.listRuns(100)).length, before, 'no run recorded')
      const shown = (await exchange({ method: 'GET', path: '/v1/runs/{id}', params: { id: started.run } }, f.tokens.read, 200)) as { run: { status: string; summary: { error: string } }; items: unknown[] }
      assert.equal(shown.run.status, 'skipped')
      assert.match(shown.run.summary.error, /held by run run-elsewhere/)
      assert.deepEqual(shown.items, [])
    } finally {
      await store.releaseLease(holder)
    }
  })

  it('review, explain, metrics and the OpenAPI document answer as documented', slow, async () => {
    const review = (await exchange({ method: 'GET', path: '/v1/review', query: { status: 'open' } }, f.tokens.read, 200)) as { items: unknown[] }
    assert.ok(Array.isArray(review.items))
    const contact = [...f.sandbox.hubspot.state.records.contacts.values()].find((r) => !r.archived)
    assert.ok(contact)
    const explained = (await exchange({ method: 'GET', path: '/v1/explain', query: { record: `hubspot:contacts/${contact.id}` } }, f.tokens.read, 200)) as { mapping: string; links: { system: string }[] }
    assert.equal(explained.mapping, 'people')
    assert.deepEqual(explained.links.map((l) => l.system).sort(), ['hubspot', 'sugar'])
    const unknown = (await exchange({ method: 'GET', path: '/v1/explain', query: { record: 'hubspot:contacts/999999999' } }, f.tokens.read, 404)) as { field: string }
    assert.equal(unknown.field, 'query.record')
    const metrics = (await exchange({ method: 'GET', path: '/metrics' }, f.tokens.read, 200)) as string
    assert.match(metrics, /^revsync_runs\{kind="sync",name="people",status="succeeded"\} 2$/m)
    assert.match(metrics, /^revsync_records\{system="hubspot",outcome="created"\} [1-9]\d*$/m)
    assert.match(metrics, /^revsync_queue_jobs\{state="queued"\} 0$/m)
    const doc = (await exchange({ method: 'GET', path: '/v1/openapi.json' }, f.tokens.read, 200)) as { openapi: string; paths: Record<string, unknown> }
    assert.equal(doc.openapi, '3.1.0')
    assert.deepEqual(Object.keys(doc.paths).sort(), [...new Set(routeTable().map((r) => r.path))].sort())
  })

  it('refuses bad requests with problem details that name the field and the fix', slow, async () => {
    const missing = (await exchange({ method: 'POST', path: '/v1/runs', body: { mapping: 'nobody' } }, f.tokens.operate, 404)) as { field: string; detail: string }
    assert.equal(missing.field, 'body.mapping')
    assert.match(missing.detail, /no mapping named "nobody"; revsync.yaml has: people/)
    const empty = await send({ method: 'POST', path: '/v1/runs', body: {} }, f.tokens.operate)
    const emptyBody = (await api.response('POST', '/v1/runs', empty)) as { field: string }
    assert.equal(empty.status, 400)
    assert.equal(emptyBody.field, 'body.mapping')
    const limit = await send({ method: 'GET', path: '/v1/runs', query: { limit: '0' } }, f.tokens.read)
    assert.equal(limit.status, 400)
    assert.equal(((await api.response('GET', '/v1/runs', limit)) as { field: string }).field, 'query.limit')
    const noRun = (await exchange({ method: 'GET', path: '/v1/runs/{id}', params: { id: 'ffff' } }, f.tokens.read, 404)) as { detail: string }
    assert.match(noRun.detail, /GET \/v1\/runs/)
    const noItem = (await exchange({ method: 'POST', path: '/v1/review/{id}/resolve', params: { id: 'abcd' }, body: { dismiss: true } }, f.tokens.operate, 404)) as { field: string }
    assert.equal(noItem.field, 'path.id')
    const bad = await send({ method: 'POST', path: '/v1/review/{id}/resolve', params: { id: 'abcd' }, body: { take: 'sugar', dismiss: true } }, f.tokens.operate)
    assert.equal(bad.status, 400)
    await api.response('POST', '/v1/review/{id}/resolve', bad)
    const nowhere = await send({ method: 'GET', path: '/v2/nothing' }, f.tokens.read)
    assert.equal(nowhere.status, 404)
    assert.equal(nowhere.headers.get('content-type'), 'application/problem+json')
    assert.doesNotMatch(await nowhere.text(), /at .*\.ts:\d+/, 'no stack trace')
  })

  it('limits each token: 429 with Retry-After once its burst is spent', slow, async () => {
    const limited = await startService({ loaded: await loadConfig(f.config, { ...process.env, ...f.env }), logger: silentLogger, port: 0, rateLimit: { burst: 2, perSecond: 0.01 } })
    try {
      const statuses: number[] = []
      let last: Response | undefined
      for (let i = 0; i < 3; i++) {
        last = await fetch(`${limited.url}/v1/runs`, { headers: { authorization: `Bearer ${f.tokens.operate}` } })
        statuses.push(last.status)
        if (i < 2) await last.body?.cancel()
      }
      assert.deepEqual(statuses, [200, 200, 429])
      assert.ok(last)
      assert.ok(Number(last.headers.get('retry-after')) >= 1)
      await api.response('GET', '/v1/runs', last)
      const other = await fetch(`${limited.url}/v1/runs`, { headers: { authorization: `Bearer ${f.tokens.read}` } })
      assert.equal(other.status, 200, 'another token has its own budget')
      await other.body?.cancel()
      const health = await fetch(`${limited.url}/healthz`)
      assert.equal(health.status, 200)
      await health.body?.cancel()
    } finally {
      await limited.stop()
    }
  })
})
