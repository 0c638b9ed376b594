import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { openStore } from '../store/open-store.js'
import type { Store } from '../store/store.js'
import { LeaseHeldError } from './lease-held-error.js'
import { silentLogger } from './logger.js'
import { RunLease } from './run-lease.js'
import type { RunLeaseDeps } from './run-lease.js'

/** A clock that stands still until a test moves it. */
function manualClock(start = '2026-01-01T10:00:00.000Z') {
  let t = Date.parse(start)
  return { now: () => new Date(t), advance: (seconds: number) => void (t += seconds * 1000) }
}

async function withStore(test: (store: Store) => Promise<void>): Promise<void> {
  const store = await openStore({ url: ':memory:' })
  try {
    await test(store)
  } finally {
    await store.close()
  }
}

const deps = (store: Store, now: () => Date, extra: Partial<RunLeaseDeps> = {}): RunLeaseDeps => ({ store, now, logger: silentLogger, leaseSeconds: 60, pid: 101, host: 'box-a', ...extra })

describe('a run lease', () => {
  it('refuses a second run with the holder named, and frees the mapping on release', () =>
    withStore(async (store) => {
      const clock = manualClock()
      const first = new RunLease('sync', 'people', deps(store, clock.now))
      await first.take('run-1')
      const second = new RunLease('sync', 'people', deps(store, clock.now, { pid: 202, host: 'box-b' }))
      const refused = await second.take('run-2').then(() => undefined, (e: unknown) => e)
      assert.ok(refused instanceof LeaseHeldError)
      assert.equal(refused.message.split(';')[0], 'mapping "people" is held by run run-1 since 2026-01-01T10:00:00.000Z (pid 101@box-a)')
      await first.release()
      await second.take('run-2')
      await second.release()
      assert.deepEqual(await store.listLeases(), [])
    }))

  it('renews itself while the run runs, from the run\'s clock, and frees the mapping on release', () =>
    withStore(async (store) => {
      const clock = manualClock()
      let renewed!: () => void
      const renewal = new Promise<void>((resolve) => (renewed = resolve))
      // The store as the lease sees it, telling the test when a renewal went through.
      const watched = new Proxy(store, {
        get: (target, p) =>
          p === 'renewLease'
            ? async (...args: Parameters<Store['renewLease']>) => {
                const ok = await target.renewLease(...args)
                renewed()
                return ok
              }
            : (Reflect.get(target, p, target) as unknown as (...a: unknown[]) => unknown).bind(target),
      })
      const lease = new RunLease('sync', 'people', deps(watched, clock.now, { leaseSeconds: 0.03 }))
      await lease.take('run-1')
      clock.advance(10)
      // The heartbeat is unref'd (it must never keep a process alive), so the test keeps the
      // event loop alive while it waits for the renewal.
      const keepAlive = setInterval(() => {}, 60_000)
      await renewal.finally(() => clearInterval(keepAlive))
      assert.equal((await store.listLeases())[0]?.expiresAt, '2026-01-01T10:00:10.030Z', 'the heartbeat moved the expiry on from the run clock')
      await lease.release()
      assert.deepEqual(await store.listLeases(), [])
    }))

  it('stops the run at its next commit once another run took over its expired lease', () =>
    withStore(async (store) => {
      const clock = manualClock()
      const stalled = new RunLease('sync', 'people', deps(store, clock.now, { leaseSeconds: 3600 }))
      await stalled.take('run-1')
      await stalled.store.startRun({ id: 'run-1', kind: 'sync', name: 'people', startedAt: clock.now().toISOString() })
      await stalled.store.commit({ cursors: [{ mapping: 'people', system: 'hubspot', object: 'contacts', cursor: { value: '1' } }] })
      // The process stalls past its lease; another run takes it and marks it interrupted.
      clock.advance(3601)
      const next = new RunLease('sync', 'people', deps(store, clock.now))
      await next.take('run-2')
      assert.equal((await store.getRun('run-1'))?.status, 'interrupted')
      await assert.rejects(
        stalled.store.commit({ cursors: [{ mapping: 'people', system: 'hubspot', object: 'contacts', cursor: { value: '2' } }] }),
        /run run-1 lost its lease on mapping "people"/,
      )
      assert.deepEqual(await store.getCursor({ mapping: 'people', system: 'hubspot', object: 'contacts' }), { value: '1' }, 'nothing of the refused commit was written')
      await stalled.release()
      assert.equal((await store.listLeases())[0]?.runId, 'run-2', 'releasing a lost lease leaves the new holder alone')
      await next.release()
    }))

  it('waits for the holder when asked, and gives up after the time it was given', () =>
    withStore(async (store) => {
      // Every reading of this clock is a second later: the waits below end in a few polls.
      let t = Date.parse('2026-01-01T10:00:00.000Z')
      const ticking = () => new Date((t += 1000))
      const holder = new RunLease('export', 'champions', deps(store, ticking, { leaseSeconds: 5 }))
      await holder.take('run-1')
      const patient = new RunLease('export', 'champions', deps(store, ticking))
      const gaveUp = await patient.take('run-2', 2).then(() => undefined, (e: unknown) => e)
      assert.ok(gaveUp instanceof LeaseHeldError)
      assert.match(gaveUp.message, /export target "champions" is held by run run-1 .*waited \d+ s for it/)
      // The holder is never released (killed): once its lease expires, the waiter takes it.
      await patient.take('run-3', 60)
      assert.equal((await store.listLeases())[0]?.runId, 'run-3')
      await patient.release()
      await holder.release()
    }))
})
