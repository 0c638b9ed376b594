import { InvalidArgumentError, Option } from 'commander'
import type { Command } from 'commander'
import type { MatchFlags } from '../actions/match-action.js'
import type { GlobalFlags } from '../global-flags.js'

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
      const { matchAction } = await import('../actions/match-action.js')
      await matchAction(program.opts<GlobalFlags>(), input, flags)
    })
}
