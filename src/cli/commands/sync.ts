import type { Command } from 'commander'
import { openApp } from '../../app/open-app.js'
import { cliLogger } from '../cli-logger.js'
import { runSync } from '../../app/sync/run-sync.js'
import { syncOrder } from '../../app/sync/sync-order.js'
import { formatSyncReport } from '../format-report.js'
import { createProgressLine } from '../progress.js'
import { formatPlan } from '../format-plan.js'
import { planExport } from './export.js'
import { shortIds } from '../../app/short-ids.js'
import { LeaseHeldError } from '../../app/lease-held-error.js'
import { waitHelp, waitSecondsOf } from '../wait-option.js'

/** `revsync sync` and `revsync plan`: run the mappings, or show what a run would write. */
export function registerSync(program: Command): void {
  program
    .command('sync')
    .description('run the mappings once (all of them, companies before people, or one with --mapping); exit 3 when some records failed')
    .option('-m, --mapping <name>', 'run only this mapping')
    .option('--wait [seconds]', waitHelp)
    .action(async (options: { mapping?: string; wait?: true | string }) => {
      const waitSeconds = waitSecondsOf(options.wait)
      const app = await openApp(program.opts<{ config: string }>().config, cliLogger(program))
      const progress = createProgressLine()
      let failed = 0
      let held = false
      try {
        for (const name of options.mapping ? [options.mapping] : syncOrder(app.config)) {
          try {
            const report = await runSync(app.config, name, app.syncDeps({ onProgress: progress.update }), waitSeconds === undefined ? {} : { waitSeconds })
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
        await app.close()
      }
      // Failed records are retried by the next run, but cron and CI must notice them (as with
      // export). A mapping skipped because another run holds it wrote nothing at all: 4 first.
      process.exitCode = held ? 4 : failed > 0 ? 3 : 0
    })

  program
    .command('plan')
    .description('print every write a sync would make, per record, with the rule behind it; changes nothing (exit 2 when there is something to do)')
    .option('-m, --mapping <name>', 'plan only this mapping')
    .option('--export <target>', 'plan an export of FILE into this target instead: every record, account, owner and field, with reasons')
    .argument('[file]', 'the signal file, with --export')
    .action(async (file: string | undefined, options: { mapping?: string; export?: string }) => {
      if (options.export !== undefined) {
        if (file === undefined) throw new Error('plan --export NAME needs the signal file: revsync plan --export NAME FILE')
        process.exitCode = await planExport(program.opts<{ config: string }>().config, options.export, file)
        return
      }
      const app = await openApp(program.opts<{ config: string }>().config, cliLogger(program))
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
    })
}
