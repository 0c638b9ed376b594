import type { Command } from 'commander'
import { userInfo } from 'node:os'
import { openApp } from '../../app/open-app.js'
import { settleReview } from '../../app/review/settle-review.js'
import type { ReviewChoice } from '../../app/review/settle-review.js'
import { showValue } from '../../app/sync/show-value.js'
import { shortIds } from '../../app/short-ids.js'
import { matchRowKey } from '../../domain/review.js'

/** `revsync review`: the rows held for a person, side by side, and how to settle them. */
export function registerReview(program: Command): void {
  const review = program
    .command('review')
    .description('list rows held for review (manual policy, or changes too close to call) and records whose match is ambiguous, side by side')
    .option('-m, --mapping <name>', 'only this mapping')
    .action(async (options: { mapping?: string }) => {
      const app = await openApp(program.opts<{ config: string }>().config)
      try {
        const items = await app.store.listReviews({ status: 'open', ...(options.mapping ? { mapping: options.mapping } : {}) })
        if (items.length === 0) console.log('the review queue is empty')
        const short = await shortIds(app.store, 'review', items.map((i) => i.id))
        const entity = await shortIds(app.store, 'entity', items.filter((i) => i.rowKey !== matchRowKey).map((i) => i.entityId))
        for (const item of items) {
          // A match item's entity is the held record's reference, which people need whole.
          const shown = item.rowKey === matchRowKey ? `record ${item.entityId}` : `entity ${entity(item.entityId)}`
          console.log(`${short(item.id)}  ${item.mapping}  ${shown}  row ${item.rowKey}  since ${item.createdAt}`)
          console.log(`          ${item.reason.detail}`)
          for (const c of item.candidates) console.log(`          ${c.system.padEnd(12)} ${showValue(c.value)}`)
        }
        if (items.length > 0) console.log('\nsettle one: revsync review resolve ID --take SYSTEM | --value TEXT | --dismiss; for a match (row @match), --take RECORD links that candidate; the next sync writes it')
      } finally {
        await app.close()
      }
    })
  review
    .command('resolve <id>')
    .description('settle a held row: take one system\'s value, give a value, or dismiss')
    .option('--take <system|record>', 'use this system\'s value; for a match, link this candidate record')
    .option('--value <text>', 'use this value (empty for blank)')
    .option('--dismiss', 'set the item aside')
    .action(async (id: string, options: { take?: string; value?: string; dismiss?: boolean }) => {
      const chosen = [options.take !== undefined, options.value !== undefined, options.dismiss === true].filter(Boolean).length
      if (chosen !== 1) throw new Error('give exactly one of --take SYSTEM, --value TEXT or --dismiss')
      const choice: ReviewChoice = options.take !== undefined ? { take: options.take } : options.value !== undefined ? { value: options.value === '' ? null : options.value } : { dismiss: true }
      const app = await openApp(program.opts<{ config: string }>().config)
      try {
        const item = await settleReview(app.store, id, choice, userInfo().username, new Date().toISOString())
        const short = await shortIds(app.store, 'review', [item.id])
        console.log(item.status === 'dismissed' ? `dismissed ${short(item.id)}` : `resolved ${short(item.id)}: ${item.rowKey} = ${showValue(item.resolution?.value)}; the next sync of ${item.mapping} writes it`)
      } finally {
        await app.close()
      }
    })
}
