import type { Command } from 'commander'
import { createJsonLogger, silentLogger } from '../app/logger.js'
import type { Logger } from '../app/logger.js'

/** JSON log lines on stderr when `--log` or `REVSYNC_LOG=json` asks for them; silence otherwise, so the output stays readable. */
export function cliLogger(program: Command): Logger {
  return program.opts<{ log?: boolean }>().log === true || process.env.REVSYNC_LOG === 'json' ? createJsonLogger() : silentLogger
}
