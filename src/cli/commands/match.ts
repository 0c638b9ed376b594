import { InvalidArgumentError, Option } from 'commander'
import type { Command } from 'commander'
import { formatBadLine, formatMatchRun } from '../../app/match/format-match.js'
import type { AccountsSource } from '../../app/match/load-accounts.js'
import { runMatch } from '../../app/match/run-match.js'

interface MatchFlags {
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

function score(value: string): number {
  const n = Number(value)
  if (value.trim() === '' || !Number.isFinite(n)) throw new InvalidArgumentError('give a name score such as 0.9')
  return n
}

function count(value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('give a whole number such as 5')
  return n
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

/** `revsync match INPUT`: previews account matching for a file of companies or people, before an export is turned on. */
export function registerMatch(program: Command): void {
  program
    .command('match')
    .description('match a file of companies or people (JSONL or CSV) to accounts — from a file, or read from a configured system — and write a JSONL report (one line per input line: status, rule, score, account, evidence, nearest miss) with a readable summary; writes nothing to any system')
    .argument('<input>', 'the companies ({id?, name?, domain?, website?}) or people ({id?, email, firstName?, lastName?, company?: {name?, domain?}}, or export signals) to match, .jsonl or .csv')
    .addOption(new Option('-a, --accounts <file>', 'accounts to match against, .jsonl or .csv: {id, name?, domain?|website?, parentId?, contactCount?, contactEmailDomains?}').conflicts(['system', 'export']))
    .option('-s, --system <name>', 'read the accounts from this system of revsync.yaml (HubSpot companies, Salesforce Account, Sugar Accounts)')
    .option('-e, --export <target>', 'read the accounts from this export target\'s system and use its matching settings (name threshold, free-mail changes)')
    .option('--with-contacts', 'with --system/--export: also read the contacts, for the "majority of contacts" rule and "more contacts" among several accounts (one more full read)')
    .addOption(new Option('-k, --kind <kind>', 'what the input holds (default: guessed from its field names)').choices(['companies', 'people']))
    .option('-o, --out <path>', 'the JSONL report; - writes it to stdout and the summary to stderr (default: INPUT-NAME.match.jsonl next to the input)')
    .option('--threshold <score>', 'lowest name score that matches, 0.5 to 1 (default 0.9, or the export target\'s)', score)
    .addOption(new Option('--tie-break <how>', 'accounts still tied after parent and contact count: pick the lowest id and say so, or report them as ambiguous').choices(['lowest-id', 'ambiguous']))
    .option('--format <format>', 'jsonl or csv: the input\'s format, when its name does not say')
    .option('--accounts-format <format>', 'jsonl or csv: the accounts file\'s format, when its name does not say')
    .option('--samples <n>', 'unmatched and ambiguous lines to show in the summary', count, 5)
    .addHelpText('after', `
Exit 0 when the input was matched (bad lines are reported with their line and field and skipped);
exit 1 when a file cannot be read, no input line is usable, or the system cannot be read.

Examples:
  revsync match people.csv --accounts accounts.jsonl
  revsync match signals.jsonl --export hubspot --with-contacts --out preview.jsonl
  revsync match companies.csv --system salesforce --threshold 0.95 --out - | jq 'select(.status != "matched")'`)
    .action(async (input: string, flags: MatchFlags) => {
      const toStdout = flags.out === '-'
      const print = (line: string) => (toStdout ? console.error(line) : console.log(line))
      const run = await runMatch(
        {
          input,
          accounts: accountsSource(flags, program.opts<{ config: string }>().config),
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
    })
}
