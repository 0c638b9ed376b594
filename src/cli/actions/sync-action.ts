import { openApp } from '../../app/open-app.js'
import { runSync } from '../../app/sync/run-sync.js'
import { syncOrder } from '../../app/sync/sync-order.js'
import { shortIds } from '../../app/short-ids.js'
import { LeaseHeldError } from '../../app/lease-held-error.js'
import type { GlobalFlags } from '../global-flags.js'
import { cliLogger } from '../cli-logger.js'
import { formatSyncReport } from '../format-report.js'
import { formatPlan } from '../format-plan.js'
import { createProgressLine } from '../progress.js'
import { waitSecondsOf } from '../wait-option.js'

/** `revsync sync`: runs the mappings (companies before people) and prints each report; sets the exit code. */
export async function syncAction(global: GlobalFlags, options: { mapping?: string; wait?: true | string }): Promise<void> {
  const waitSeconds = waitSecondsOf(options.wait)
  const app = await openApp(global.config, { logger: cliLogger(global) })
  const progress = createProgressLine()
  let failed = 0
  let held = false
  const stop = stopOnSignal()
  try {
    for (const name of options.mapping ? [options.mapping] : syncOrder(app.config)) {
      if (stop.signal.aborted) break
      try {
        const report = await runSync(app.config, name, app.syncDeps({ onProgress: progress.update, signal: stop.signal }), waitSeconds === undefined ? {} : { waitSeconds })
        progress.done()
        console.log(formatSyncReport(report, await shortIds(app.store, 'run', [report.runId])))
        failed += Object.values(report.failed).reduce((a, b) => a + b, 0)
      } catch (error) {
        // Each mapping has its own lease: one held by another run does not stop the others.
        if (!(error instanceof LeaseHeldError)) throw error
        progress.done()
        console.error(`revsync: ${error.message}`)
        held = true
      }
    }
  } finally {
    stop.dispose()
    await app.close()
  }
  // Failed records are retried by the next run, but cron and CI must notice them (as with
  // export). A mapping skipped because another run holds it wrote nothing at all: 4 first;
  // a run stopped by a signal did not finish: 5.
  process.exitCode = stop.signal.aborted ? 5 : held ? 4 : failed > 0 ? 3 : 0
}

/**
 * Ctrl-C (SIGINT) or SIGTERM stops a sync cleanly: the batch in hand is written and recorded,
 * the run ends `stopped` with its cursors consistent, and its lease is released at once
 * instead of blocking the mapping until it expires. A second signal quits at once; the lease
 * then expires on its own and the next run repairs the rest.
 */
function stopOnSignal(): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController()
  const onSignal = (name: NodeJS.Signals): void => {
    if (controller.signal.aborted) process.exit(name === 'SIGINT' ? 130 : 143)
    console.error(`revsync: ${name}: stopping after the batch in hand is recorded; send it again to quit at once`)
    controller.abort()
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  return {
    signal: controller.signal,
    dispose() {
      process.off('SIGINT', onSignal)
      process.off('SIGTERM', onSignal)
    },
  }
}

/** `revsync plan`: prints every write a sync would make; exit 2 when there is something to do. */
export async function planAction(global: GlobalFlags, options: { mapping?: string }): Promise<void> {
  const app = await openApp(global.config, { logger: cliLogger(global) })
  let writes = 0
  try {
    for (const name of options.mapping ? [options.mapping] : syncOrder(app.config)) {
      const report = await runSync(app.config, name, app.syncDeps(), { dryRun: true })
      console.log(formatPlan(report, await shortIds(app.store, 'entity', report.plans.map((p) => p.plan.entityId))))
      writes += report.writes
    }
  } finally {
    await app.close()
  }
  process.exitCode = writes > 0 ? 2 : 0
}
