#!/usr/bin/env node
import { Command } from 'commander'
import { registerSync } from './commands/sync.js'
import { registerRuns } from './commands/runs.js'
import { registerExplain } from './commands/explain.js'
import { registerValidate } from './commands/validate.js'
import { registerSandbox } from './commands/sandbox.js'
import { registerDemo } from './commands/demo.js'
import { registerExport } from './commands/export.js'
import { registerReview } from './commands/review.js'
import { registerMatch } from './commands/match.js'
import { registerServe } from './commands/serve.js'
import { registerToken } from './commands/token.js'

// Only command definitions load here (commander and a few small files): a command's code,
// the store, vendor clients and the engine are imported by its action when it runs, so
// `revsync --help` or a typo answers in about the time node itself starts.
const program = new Command()
  .name('revsync')
  .description('keep revenue records in sync across CRMs, and export new people into a CRM')
  .option('-c, --config <path>', 'the config file', process.env.REVSYNC_CONFIG ?? 'revsync.yaml')
  .option('--log', 'write JSON log lines (runs, counts, warnings) to stderr; also REVSYNC_LOG=json')
  .showHelpAfterError()

registerValidate(program)
registerSync(program)
registerRuns(program)
registerExplain(program)
registerReview(program)
registerSandbox(program)
registerDemo(program)
registerExport(program)
registerMatch(program)
registerServe(program)
registerToken(program)

try {
  await program.parseAsync()
} catch (error) {
  const { ConfigError } = await import('../app/config/config-error.js')
  // Config errors already name the file, line, path and fix; anything else gets its message only.
  console.error(error instanceof ConfigError ? error.message : `revsync: ${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = 1
}
