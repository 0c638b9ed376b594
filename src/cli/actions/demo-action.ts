import { runDemo } from '../../app/demo/run-demo.js'
import { formatExplanation } from '../format-explanation.js'
import { formatExportSummary, formatInvalid, formatOutcome } from '../format-export.js'
import { formatSyncReport } from '../format-report.js'
import { createProgressLine } from '../progress.js'

/** `revsync demo`: runs the demo and prints each step as a person follows it; exit 1 when it did not behave. */
export async function demoAction(options: { store: string }): Promise<void> {
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
  console.log('4) job changes of past champions exported into Salesforce (examples/signals.jsonl): a contact on the matched account, else a lead\n')
  for (const o of result.exported.outcomes) console.log(formatOutcome(o, false).filter((l) => !l.startsWith('    ') || l.startsWith('    [')).join('\n'))
  for (const l of result.exported.invalid) console.log(formatInvalid(l).join('\n'))
  console.log(`\n${formatExportSummary(result.exported.report).join('\n')}\n`)
  console.log('5) the same file again: every signal was processed once, so nothing changes\n')
  console.log(`${formatExportSummary(result.exportedAgain.report).join('\n')}\n`)
  const again = result.exportedAgain.report.counts
  const ok = result.second.writes === 0 && again.created + again.updated === 0
  const c = result.exported.report.counts
  console.log(`${ok ? 'demo complete' : 'demo FAILED'}: sync runs wrote ${result.first.writes}, ${result.second.writes}, ${result.third.writes}; the export created ${c.created} and updated ${c.updated}, its rerun changed nothing. Store: ${result.storePath}`)
  if (!ok) process.exitCode = 1
}
