import { openApp } from '../../app/open-app.js'
import { exportDepsOf } from '../../app/export/export-deps-of.js'
import { writesOf } from '../../app/export/export-report.js'
import { runExport } from '../../app/export/run-export.js'
import { LeaseHeldError } from '../../app/lease-held-error.js'
import { cliLogger } from '../cli-logger.js'
import { formatExportSummary, formatInvalid, formatOutcome } from '../format-export.js'
import type { GlobalFlags } from '../global-flags.js'
import { waitSecondsOf } from '../wait-option.js'

/** The flags of `revsync export`. */
export interface ExportFlags {
  readonly target: string
  readonly format?: string
  readonly retryFailed?: boolean
  readonly verbose?: boolean
  readonly wait?: true | string
}

/**
 * `plan --export NAME FILE`: prints, per signal, the record it would create or update, the
 * account and the owner with the rule behind each, and every field; writes nothing. Exit 2
 * when there is something to write, 0 when not.
 */
export async function planExportAction(global: GlobalFlags, target: string, file: string): Promise<void> {
  const app = await openApp(global.config, { logger: cliLogger(global) })
  try {
    const report = await runExport(app.loaded, target, file, exportDepsOf(app), {
      dryRun: true,
      onOutcome: (o) => console.log(formatOutcome(o, true).join('\n')),
      onInvalid: (l) => console.log(formatInvalid(l).join('\n')),
    })
    console.log(formatExportSummary(report).join('\n'))
    process.exitCode = writesOf(report) > 0 ? 2 : 0
  } finally {
    await app.close()
  }
}

/** `revsync export --target NAME FILE`: exports a signal file; exit 3 when some signals failed or were invalid, 4 when the target is held. */
export async function exportAction(global: GlobalFlags, file: string, flags: ExportFlags): Promise<void> {
  const waitSeconds = waitSecondsOf(flags.wait)
  const app = await openApp(global.config, { logger: cliLogger(global) })
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
}
