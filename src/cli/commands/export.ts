import type { Command } from 'commander'
import type { ExportFlags } from '../actions/export-action.js'
import type { GlobalFlags } from '../global-flags.js'
import { waitHelp } from '../wait-option.js'

/** `revsync export --target NAME FILE`: exports a JSONL or CSV signal file into a CRM. */
export function registerExport(program: Command): void {
  program
    .command('export')
    .description('export people signals (JSONL or CSV) into a CRM as leads, contacts and accounts; each signal once (exit 3 when some failed or were invalid)')
    .argument('<file>', 'the signal file (.jsonl or .csv)')
    .requiredOption('-t, --target <name>', 'the export target under exports: in revsync.yaml')
    .option('--format <format>', 'jsonl or csv, when the file name does not say')
    .option('--retry-failed', 'process signals that failed in an earlier run again')
    .option('-v, --verbose', 'print every signal\'s outcome, not only failures')
    .option('--wait [seconds]', waitHelp)
    .action(async (file: string, flags: ExportFlags) => {
      const { exportAction } = await import('../actions/export-action.js')
      await exportAction(program.opts<GlobalFlags>(), file, flags)
    })
}
