import type { Command } from 'commander'
import { runDemo } from '../../app/demo/run-demo.js'
import { formatSyncReport } from '../format-report.js'
import { createProgressLine } from '../progress.js'
import { formatExplanation } from './explain.js'

/** `revsync demo`: a real sync between simulated CRMs on the embedded SQLite store. */
export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('start the sandbox CRMs, sync SugarCRM and HubSpot twice on a fresh SQLite store, edit a record on each side, sync again')
    .option('--store <path>', 'the demo\'s SQLite file', '.revsync/demo.db')
    .action(async (options: { store: string }) => {
      const progress = createProgressLine()
      const result = await runDemo({ storePath: options.store, say: (line) => console.log(line), progress: progress.update })
      progress.done()
      console.log('1) first run: people matched by email, created where missing, owners translated\n')
      console.log(`${formatSyncReport(result.first)}\n`)
      console.log('2) second run, nothing changed outside revsync: it writes nothing\n')
      console.log(`${formatSyncReport(result.second)}\n`)
      console.log('3) a rep retitles a contact in Sugar; a marketer overwrites another title in HubSpot (Sugar is the System of Record)\n')
      console.log(`${formatSyncReport(result.third)}\n`)
      result.explanations.forEach((explanation, i) => {
        console.log(`revsync explain ${result.edited[i] ?? ''}   (the title row)`)
        const title = explanation.rows.find((r) => r.values.some((v) => v.field === 'title'))
        for (const line of formatExplanation({ ...explanation, rows: title ? [title] : [], history: [] }).slice(0, -2)) console.log(`  ${line}`)
        console.log('')
      })
      const ok = result.second.writes === 0
      console.log(`\n${ok ? 'demo complete' : 'demo FAILED'}: first run ${result.first.writes} writes, second run ${result.second.writes}, third run ${result.third.writes}. Store: ${result.storePath}`)
      if (!ok) process.exitCode = 1
    })
}
