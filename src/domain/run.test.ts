import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { shownStatus } from './run.js'
import type { RunLease, RunRecord } from './run.js'

const run = (overrides: Partial<RunRecord> = {}): RunRecord => ({ id: 'r1', kind: 'sync', name: 'people', startedAt: '2026-01-01T10:00:00.000Z', finishedAt: null, status: 'running', summary: {}, ...overrides })
const lease = (overrides: Partial<RunLease> = {}): RunLease => ({ kind: 'sync', name: 'people', runId: 'r1', pid: 1, host: 'h', startedAt: '2026-01-01T10:00:00.000Z', expiresAt: '2026-01-01T10:01:00.000Z', ...overrides })
const at = (iso: string) => new Date(iso)

describe('the status runs shows', () => {
  it('is running only while the run holds a live lease of its own', () => {
    const before = at('2026-01-01T10:00:30.000Z')
    assert.equal(shownStatus(run(), [lease()], before), 'running')
    assert.equal(shownStatus(run(), [lease()], at('2026-01-01T10:01:00.000Z')), 'interrupted', 'its lease expired: killed')
    assert.equal(shownStatus(run(), [], before), 'interrupted', 'no lease at all: killed before a release, or from before leases')
    assert.equal(shownStatus(run(), [lease({ runId: 'r2' })], before), 'interrupted', 'another run holds the mapping now')
    assert.equal(shownStatus(run(), [lease({ kind: 'export' })], before), 'interrupted', 'an export target of the same name is another lease')
    assert.equal(shownStatus(run({ kind: 'export', name: 'champions' }), [lease({ kind: 'export', name: 'champions' })], before), 'running')
  })

  it('is the stored status for a run that ended', () => {
    for (const status of ['succeeded', 'failed', 'stopped', 'interrupted'] as const) assert.equal(shownStatus(run({ status }), [], at('2026-01-01T10:00:30.000Z')), status)
  })
})
