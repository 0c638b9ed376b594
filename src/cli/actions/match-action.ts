import type { AccountsSource } from '../../app/match/load-accounts.js'
import { runMatch } from '../../app/match/run-match.js'
import { formatBadLine, formatMatchRun } from '../format-match.js'
import type { GlobalFlags } from '../global-flags.js'

/** The flags of `revsync match`. */
export interface MatchFlags {
  readonly accounts?: string
  readonly accountsFormat?: string
  readonly system?: string
  readonly export?: string
  readonly withContacts?: boolean
  readonly kind?: 'companies' | 'people'
  readonly format?: string
  readonly out?: string
  readonly threshold?: number
  readonly tieBreak?: 'lowest-id' | 'ambiguous'
  readonly samples?: number
}

/** The accounts flags as one source; exactly one of a file, a system or an export target. */
function accountsSource(flags: MatchFlags, configPath: string): AccountsSource {
  if (flags.accounts !== undefined) {
    if (flags.withContacts) throw new Error('--with-contacts reads contacts from a system; with --accounts FILE give each account\'s contactEmailDomains (and contactCount) in the file')
    return { file: flags.accounts, ...(flags.accountsFormat ? { format: flags.accountsFormat } : {}) }
  }
  if (flags.system === undefined && flags.export === undefined) throw new Error('say what to match against: --accounts FILE, --system NAME (a system in revsync.yaml) or --export TARGET (an export target\'s system and matching settings)')
  return { configPath, withContacts: flags.withContacts ?? false, ...(flags.system ? { system: flags.system } : {}), ...(flags.export ? { exportTarget: flags.export } : {}) }
}

/** `revsync match INPUT`: matches the input, writes the JSONL report and prints the summary. */
export async function matchAction(global: GlobalFlags, input: string, flags: MatchFlags): Promise<void> {
  const toStdout = flags.out === '-'
  const print = (line: string) => (toStdout ? console.error(line) : console.log(line))
  const run = await runMatch(
    {
      input,
      accounts: accountsSource(flags, global.config),
      ...(flags.format ? { format: flags.format } : {}),
      ...(flags.kind ? { kind: flags.kind } : {}),
      ...(toStdout ? { out: process.stdout } : flags.out ? { out: flags.out } : {}),
      ...(flags.threshold !== undefined ? { threshold: flags.threshold } : {}),
      ...(flags.tieBreak ? { tieBreak: flags.tieBreak } : {}),
      ...(flags.samples !== undefined ? { samples: flags.samples } : {}),
    },
    { onInvalid: (where, errors) => console.error(formatBadLine(where, errors)) },
  )
  print(formatMatchRun(run).join('\n'))
}
