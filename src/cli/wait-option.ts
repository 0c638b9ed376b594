import { InvalidArgumentError } from 'commander'

/** How long `--wait` waits when no seconds are given: ten minutes. */
export const DEFAULT_WAIT_SECONDS = 600

/** `--wait [seconds]` as commander hands it over (true when given bare), in seconds. */
export function waitSecondsOf(wait: true | string | undefined): number | undefined {
  if (wait === undefined) return undefined
  if (wait === true) return DEFAULT_WAIT_SECONDS
  const seconds = Number(wait)
  if (!Number.isFinite(seconds) || seconds <= 0) throw new InvalidArgumentError(`--wait takes a number of seconds above 0, got "${wait}"`)
  return seconds
}

/** The `--wait` flag's help text, shared by `sync` and `export`. */
export const waitHelp = `when another run holds it, wait up to SECONDS (default ${DEFAULT_WAIT_SECONDS}) for that run to end instead of exiting 4`
