import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { nextCronTime, parseCron } from './parse-cron.js'
import type { CronSpec } from './parse-cron.js'
import { parseEvery } from './parse-every.js'
import { nextRunAt } from './next-run-at.js'

const cron = (text: string): CronSpec => {
  const spec = parseCron(text)
  if (typeof spec === 'string') throw new Error(spec)
  return spec
}

describe('schedules', () => {
  it('reads intervals and refuses what is not one', () => {
    assert.equal(parseEvery('30s'), 30)
    assert.equal(parseEvery('5m'), 300)
    assert.equal(parseEvery('2h'), 7200)
    assert.equal(parseEvery('1d'), 86_400)
    for (const bad of ['0m', '5', 'm', '5 minutes', '-1m', '1.5h']) assert.equal(parseEvery(bad), undefined, bad)
  })

  it('finds the next minute a cron expression allows', () => {
    const at = new Date('2026-03-10T10:07:30Z') // a Tuesday
    assert.equal(nextCronTime(cron('*/15 * * * *'), at)?.toISOString(), '2026-03-10T10:15:00.000Z')
    assert.equal(nextCronTime(cron('0 * * * *'), at)?.toISOString(), '2026-03-10T11:00:00.000Z')
    assert.equal(nextCronTime(cron('30 2 * * *'), at)?.toISOString(), '2026-03-11T02:30:00.000Z')
    assert.equal(nextCronTime(cron('0 9 * * 1-5'), new Date('2026-03-13T09:00:00Z'))?.toISOString(), '2026-03-16T09:00:00.000Z', 'Friday 9:00 -> Monday')
    assert.equal(nextCronTime(cron('0 0 1 1 *'), at)?.toISOString(), '2027-01-01T00:00:00.000Z')
    assert.equal(nextCronTime(cron('0 0 29 2 *'), at)?.toISOString(), '2028-02-29T00:00:00.000Z')
    assert.equal(nextCronTime(cron('0 12 * * 7'), at)?.toISOString(), '2026-03-15T12:00:00.000Z', '7 is Sunday too')
    assert.equal(nextCronTime(cron('0 0 31 2 *'), at), undefined, 'never')
  })

  it('says what is wrong with a bad cron expression', () => {
    assert.match(parseCron('* * * *') as string, /has 4 fields.*5/)
    assert.match(parseCron('61 * * * *') as string, /minute field "61".*0-59/)
    assert.match(parseCron('* * * jan *') as string, /month field "jan"/)
  })

  it('is due at once when the mapping never ran, then after its interval', () => {
    const now = new Date('2026-03-10T10:00:00Z')
    assert.equal(nextRunAt({ every: '5m' }, undefined, now).toISOString(), now.toISOString())
    assert.equal(nextRunAt({ every: '5m' }, new Date('2026-03-10T09:58:00Z'), now).toISOString(), '2026-03-10T10:03:00.000Z')
    assert.equal(nextRunAt({ cron: '0 * * * *' }, new Date('2026-03-10T09:58:00Z'), now).toISOString(), '2026-03-10T10:00:00.000Z')
  })
})
