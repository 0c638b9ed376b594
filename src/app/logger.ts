import { systemClock } from './system-clock.js'

/** A structured logger: one line per event, fields as data. */
export interface Logger {
  info(message: string, fields?: Readonly<Record<string, unknown>>): void
  warn(message: string, fields?: Readonly<Record<string, unknown>>): void
  error(message: string, fields?: Readonly<Record<string, unknown>>): void
}

/** Logs nothing; for tests and for commands whose output is their result. */
export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} }

/**
 * Writes JSON lines to stderr. Fields named like credentials are masked, as a second guard:
 * connectors never hand secrets to the logger in the first place.
 */
export function createJsonLogger(write: (line: string) => void = (l) => process.stderr.write(l)): Logger {
  const secretKey = /token|password|secret|authorization|apikey|api_key/i
  const log = (level: string) => (message: string, fields: Readonly<Record<string, unknown>> = {}) => {
    const safe = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, secretKey.test(k) ? '[redacted]' : v]))
    write(`${JSON.stringify({ time: systemClock().toISOString(), level, message, ...safe })}\n`)
  }
  return { info: log('info'), warn: log('warn'), error: log('error') }
}
