import type { Command } from 'commander'

/** `revsync demo`: a real sync between simulated CRMs on the embedded SQLite store. */
export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('start the sandbox CRMs, sync SugarCRM and HubSpot twice on a fresh SQLite store, edit a record on each side, sync again')
    .option('--store <path>', 'the demo\'s SQLite file', '.revsync/demo.db')
    .action(async (options: { store: string }) => {
      const { demoAction } = await import('../actions/demo-action.js')
      await demoAction(options)
    })
}
