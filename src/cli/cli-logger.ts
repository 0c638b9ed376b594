import { createJsonLogger, silentLogger } from '../app/logger.js'
import type { Logger } from '../app/logger.js'
import type { GlobalFlags } from './global-flags.js'

/** JSON log lines on stderr when `--log` or `REVSYNC_LOG=json` asks for them; silence otherwise, so the output stays readable. */
export function cliLogger(global: GlobalFlags): Logger {
  return global.log === true || process.env.REVSYNC_LOG === 'json' ? createJsonLogger() : silentLogger
}
