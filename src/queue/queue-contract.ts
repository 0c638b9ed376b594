import assert from 'node:assert/strict'
import { it } from 'node:test'
import type { JobSpec, Queue } from './queue.js'

const spec = (mapping: string, runId = `run-${mapping}`): JobSpec => ({ kind: 'sync', mapping, runId, trigger: 'test' })

/**
 * The behaviour every `Queue` has, run by each implementation's test with a factory of
 * fresh, empty queues (the in-process one now, a PostgreSQL one later).
 */
export function queueContract(fresh: () => Promise<Queue>): void {
  it('hands out jobs oldest first, each once, and tracks their state', async () => {
    const queue = await fresh()
    const a = await queue.enqueue(spec('companies'))
    const b = await queue.enqueue(spec('people'))
    assert.equal(a.state, 'queued')
    assert.deepEqual((await queue.active()).map((j) => j.id), [a.id, b.id])
    const first = await queue.take()
    assert.equal(first?.id, a.id)
    assert.equal(first?.state, 'running')
    assert.equal((await queue.take())?.id, b.id)
    assert.equal(await queue.take(), undefined, 'nothing left to take')
    await queue.complete(a.id)
    await queue.fail(b.id, 'boom')
    const c = await queue.enqueue(spec('titles'))
    await queue.take()
    await queue.skip(c.id, 'held elsewhere')
    assert.deepEqual({ state: (await queue.findByRun('run-titles'))?.state, error: (await queue.findByRun('run-titles'))?.error }, { state: 'skipped', error: 'held elsewhere' })
    assert.equal((await queue.findByRun('run-companies'))?.id, a.id)
    assert.equal(await queue.findByRun('run-none'), undefined)
    assert.equal((await queue.get(a.id))?.state, 'done')
    assert.deepEqual({ state: (await queue.get(b.id))?.state, error: (await queue.get(b.id))?.error }, { state: 'failed', error: 'boom' })
    assert.deepEqual(await queue.active(), [])
  })

  it('keeps what a job names and refuses to finish a job that is not running', async () => {
    const queue = await fresh()
    const job = await queue.enqueue(spec('people', 'r-1'))
    assert.deepEqual({ kind: job.kind, mapping: job.mapping, runId: job.runId, trigger: job.trigger }, spec('people', 'r-1'))
    await assert.rejects(queue.complete(job.id), /not running/)
    await queue.take()
    await queue.complete(job.id)
    await assert.rejects(queue.fail(job.id, 'late'), /not running/)
    await assert.rejects(queue.complete('missing'), /no job/)
  })

  it('wakes a waiting worker when a job arrives, and on abort', async () => {
    const queue = await fresh()
    const waiting = queue.waitForJob(new AbortController().signal)
    await queue.enqueue(spec('people'))
    await waiting
    await queue.take()
    const stop = new AbortController()
    const idle = queue.waitForJob(stop.signal)
    stop.abort()
    await idle
    await queue.enqueue(spec('companies'))
    await queue.waitForJob(new AbortController().signal) // a job already waits: returns at once
  })
}
