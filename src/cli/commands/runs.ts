import type { Command } from 'commander'
import type { GlobalFlags } from '../global-flags.js'

/** `revsync runs`: the latest runs, or one run's per-record outcomes. */
export function registerRuns(program: Command): void {
  const runs = program.command('runs').description('list recent runs; `runs show ID` for one run\'s records and reasons')
  runs
    .option('-n, --limit <n>', 'how many runs', '20')
    .action(async (options: { limit: string }) => {
      const { runsAction } = await import('../actions/runs-action.js')
      await runsAction(program.opts<GlobalFlags>(), options)
    })
  runs
    .command('show <id>')
    .description('every record a run touched, with before/after values and reasons')
    .action(async (id: string) => {
      const { runShowAction } = await import('../actions/runs-action.js')
      await runShowAction(program.opts<GlobalFlags>(), id)
    })
}
