import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { createInProcessQueue } from '../../queue/in-process-queue.js'
import type { RunRecord } from '../../domain/run.js'
import { silentLogger } from '../logger.js'
import type { App } from '../open-app.js'
import { startScheduler } from './scheduler.js'

/** Just what the scheduler reads of an app: the mappings' schedules and the runs so far. */
function fakeApp(runs: RunRecord[]): App {
  const mapping = (entity: 'person' | 'company', schedule?: object) => ({ entity, systems: [], match: [], fields: [], relationships: {}, filters: [], deletes: 'record', ...(schedule ? { schedule } : {}) })
  const config = { mappings: { people: mapping('person', { every: '5m' }), companies: mapping('company', { cron: '0 * * * *' }), manual: mapping('person') } }
  return { config, store: { listRuns: async () => runs } } as unknown as App
}

describe('scheduler', () => {
  it('queues each due mapping once, companies first, never while it is queued or running, and again when due', async () => {
    let now = new Date('2026-03-10T10:30:00Z')
    const runs: RunRecord[] = []
    const queue = createInProcessQueue({ newId: randomUUID, now: () => now })
    const scheduler = startScheduler({ app: fakeApp(runs), queue, logger: silentLogger, now: () => now, newId: randomUUID, tickMs: 3_600_000 })
    try {
      assert.deepEqual(await scheduler.tick(), ['companies', 'people'], 'never ran: due at once; the unscheduled mapping is left alone')
      assert.deepEqual(await scheduler.tick(), [], 'queued: not queued again')
      const job = await queue.take()
      assert.equal(job?.mapping, 'companies')
      assert.deepEqual(await scheduler.tick(), [], 'running: not queued again')
      await queue.complete(job?.id ?? '')
      const people = await queue.take()
      await queue.complete(people?.id ?? '')
      runs.push({ id: 'r1', kind: 'sync', name: 'people', startedAt: '2026-03-10T10:30:05Z', finishedAt: '2026-03-10T10:31:00Z', status: 'succeeded', summary: {} })
      now = new Date('2026-03-10T10:35:00Z')
      assert.deepEqual(await scheduler.tick(), [], 'people counts from its last start (10:30:05), companies waits for 11:00')
      now = new Date('2026-03-10T10:35:05Z')
      assert.deepEqual(await scheduler.tick(), ['people'])
      now = new Date('2026-03-10T11:00:00Z')
      assert.deepEqual(await scheduler.tick(), ['companies'])
    } finally {
      scheduler.stop()
    }
  })
})
