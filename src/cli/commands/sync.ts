import type { Command } from 'commander'
import type { GlobalFlags } from '../global-flags.js'
import { waitHelp } from '../wait-option.js'

/**
 * `revsync sync` and `revsync plan`: run the mappings, or show what a run would write. Only
 * the definitions load with the CLI; each action imports its code when it runs.
 */
export function registerSync(program: Command): void {
  program
    .command('sync')
    .description('run the mappings once (all of them, companies before people, or one with --mapping); exit 3 when some records failed')
    .option('-m, --mapping <name>', 'run only this mapping')
    .option('--wait [seconds]', waitHelp)
    .action(async (options: { mapping?: string; wait?: true | string }) => {
      const { syncAction } = await import('../actions/sync-action.js')
      await syncAction(program.opts<GlobalFlags>(), options)
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
        const { planExportAction } = await import('../actions/export-action.js')
        await planExportAction(program.opts<GlobalFlags>(), options.export, file)
        return
      }
      const { planAction } = await import('../actions/sync-action.js')
      await planAction(program.opts<GlobalFlags>(), options)
    })
}
