import { userInfo } from 'node:os'
import { openApp } from '../../app/open-app.js'
import { settleReview } from '../../app/review/settle-review.js'
import type { ReviewChoice } from '../../app/review/settle-review.js'
import { shortIds } from '../../app/short-ids.js'
import { showValue } from '../../domain/normalize-value.js'
import { matchRowKey } from '../../domain/review.js'
import type { GlobalFlags } from '../global-flags.js'

/** `revsync review`: prints the open review items, side by side, and how to settle them. */
export async function reviewAction(global: GlobalFlags, options: { mapping?: string }): Promise<void> {
  const app = await openApp(global.config)
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
}

/** `revsync review resolve ID`: settles one item as the person running it, at the app's time. */
export async function resolveAction(global: GlobalFlags, id: string, options: { take?: string; value?: string; dismiss?: boolean }): Promise<void> {
  const chosen = [options.take !== undefined, options.value !== undefined, options.dismiss === true].filter(Boolean).length
  if (chosen !== 1) throw new Error('give exactly one of --take SYSTEM, --value TEXT or --dismiss')
  const choice: ReviewChoice = options.take !== undefined ? { take: options.take } : options.value !== undefined ? { value: options.value === '' ? null : options.value } : { dismiss: true }
  const app = await openApp(global.config)
  try {
    const item = await settleReview(app.store, id, choice, userInfo().username, app.now().toISOString())
    const short = await shortIds(app.store, 'review', [item.id])
    console.log(item.status === 'dismissed' ? `dismissed ${short(item.id)}` : `resolved ${short(item.id)}: ${item.rowKey} = ${showValue(item.resolution?.value)}; the next sync of ${item.mapping} writes it`)
  } finally {
    await app.close()
  }
}
