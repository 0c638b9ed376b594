import { openAppFrom } from '../../app/open-app.js'
import { loadConfig } from '../../app/config/load-config.js'
import { resolveId, shortIds } from '../../app/short-ids.js'
import { shownStatus } from '../../domain/run.js'
import { formatRunItem } from '../format-run-item.js'
import type { GlobalFlags } from '../global-flags.js'

/** Runs only read the store, so the systems' secrets need not be set. */
async function openStoreOnly(configPath: string): ReturnType<typeof openAppFrom> {
  return openAppFrom(await loadConfig(configPath, process.env, { secrets: 'deferred' }))
}

/** `revsync runs`: the latest runs, one line each, with their status as of the app's clock. */
export async function runsAction(global: GlobalFlags, options: { limit: string }): Promise<void> {
  const app = await openStoreOnly(global.config)
  try {
    const list = await app.store.listRuns(Number(options.limit))
    const leases = await app.store.listLeases()
    const now = app.now()
    if (list.length === 0) console.log('no runs yet: try revsync sync')
    for (const run of list) {
      const s = run.summary as { writes?: number; held?: number; failed?: Record<string, number> }
      const failed = Object.values(s.failed ?? {}).reduce((a, b) => a + b, 0)
      console.log(`${run.id}  ${run.startedAt}  ${run.kind} ${run.name}  ${shownStatus(run, leases, now)}  writes ${s.writes ?? 0} · failed ${failed} · held ${s.held ?? 0}`)
    }
  } finally {
    await app.close()
  }
}

/** `revsync runs show ID`: every record a run touched, with before/after values and reasons. */
export async function runShowAction(global: GlobalFlags, id: string): Promise<void> {
  const app = await openStoreOnly(global.config)
  try {
    const run = await app.store.getRun(await resolveId(app.store, 'run', id))
    if (!run) throw new Error(`no run ${id}; see revsync runs`)
    console.log(`run ${run.id}`)
    console.log(`${run.kind} ${run.name}  ${shownStatus(run, await app.store.listLeases(), app.now())}  ${run.startedAt} -> ${run.finishedAt ?? '…'}`)
    const items = await app.store.getRunItems(run.id)
    const entity = await shortIds(app.store, 'entity', items.flatMap((i) => (i.entityId && !i.recordId ? [i.entityId] : [])))
    for (const item of items) console.log(formatRunItem(item, entity).join('\n'))
  } finally {
    await app.close()
  }
}
