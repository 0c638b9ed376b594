import type { Command } from 'commander'
import { openApp } from '../../app/open-app.js'
import { exportDepsOf } from '../../app/export/export-deps-of.js'
import { formatExportSummary, formatInvalid, formatOutcome } from '../../app/export/format-export.js'
import { writesOf } from '../../app/export/export-report.js'
import { runExport } from '../../app/export/run-export.js'
import { LeaseHeldError } from '../../app/lease-held-error.js'
import { waitHelp, waitSecondsOf } from '../wait-option.js'

interface ExportFlags {
  readonly target: string
  readonly format?: string
  readonly retryFailed?: boolean
  readonly verbose?: boolean
  readonly wait?: true | string
}

/**
 * `plan --export NAME FILE`: prints, per signal, the record it would create or update, the
 * account and the owner with the rule behind each, and every field; writes nothing. Returns
 * the exit code: 2 when there is something to write, 0 when not.
 */
export async function planExport(configPath: string, target: string, file: string, format?: string): Promise<number> {
  const app = await openApp(configPath)
  try {
    const report = await runExport(app.loaded, target, file, exportDepsOf(app), {
      dryRun: true,
      ...(format ? { format } : {}),
      onOutcome: (o) => console.log(formatOutcome(o, true).join('\n')),
      onInvalid: (l) => console.log(formatInvalid(l).join('\n')),
    })
    console.log(formatExportSummary(report).join('\n'))
    return writesOf(report) > 0 ? 2 : 0
  } finally {
    await app.close()
  }
}

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
      const waitSeconds = waitSecondsOf(flags.wait)
      const app = await openApp(program.opts<{ config: string }>().config)
      try {
        const report = await runExport(app.loaded, flags.target, file, exportDepsOf(app), {
          ...(waitSeconds === undefined ? {} : { waitSeconds }),
          ...(flags.format ? { format: flags.format } : {}),
          ...(flags.retryFailed ? { retryFailed: true } : {}),
          onOutcome: (o) => {
            if (flags.verbose || o.outcome === 'failed') console.log(formatOutcome(o, false).join('\n'))
          },
          onInvalid: (l) => console.log(formatInvalid(l).join('\n')),
        })
        console.log(formatExportSummary(report).join('\n'))
        process.exitCode = report.counts.failed > 0 || report.invalidCount > 0 ? 3 : 0
      } catch (error) {
        if (!(error instanceof LeaseHeldError)) throw error
        console.error(`revsync: ${error.message}`)
        process.exitCode = 4
      } finally {
        await app.close()
      }
    })
}
