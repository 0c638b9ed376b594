import { basename } from 'node:path'
import { createFreeMailSet } from '../../matching/index.js'
import type { AccountMatchOptions, AccountRecord } from '../../matching/index.js'
import { loadConfig } from '../config/load-config.js'
import { createConnector } from '../connectors/create-connector.js'
import { readAccountsFile } from './read-accounts-file.js'
import type { BadLine } from './read-accounts-file.js'
import { readSystemAccounts } from './read-system-accounts.js'
import { MatchError } from './read-records.js'

/** Where the accounts come from: a file, or a system of revsync.yaml (named, or an export target's). */
export type AccountsSource =
  | { readonly file: string; readonly format?: string }
  | { readonly configPath: string; readonly system?: string; readonly exportTarget?: string; readonly withContacts: boolean }

/** Accounts to match against, where they came from, and the matching settings that come with them. */
export interface LoadedAccounts {
  readonly accounts: readonly AccountRecord[]
  /** E.g. `accounts.jsonl` or `system "crm" (hubspot companies, 40 contacts read)`. */
  readonly label: string
  /** Bad lines of an accounts file, skipped. */
  readonly invalid: readonly BadLine[]
  /** Fields of an accounts file that nothing read. */
  readonly ignored: readonly string[]
  /** An export target's matching settings (threshold, free-mail changes). */
  readonly options: AccountMatchOptions
  /** Where those settings came from, for the summary. */
  readonly optionsFrom: string | null
}

/**
 * Loads the accounts: from a JSONL/CSV file, or by reading a configured system's companies
 * through its connector (only that system is connected; no store is opened, nothing is
 * written). With an export target, its system and its `matching:` settings are used, so the
 * preview decides as the export will.
 */
export async function loadAccounts(source: AccountsSource): Promise<LoadedAccounts> {
  if ('file' in source) {
    const file = await readAccountsFile(source.file, source.format)
    return { accounts: file.accounts, label: basename(source.file), invalid: file.invalid, ignored: file.ignored, options: {}, optionsFrom: null }
  }
  const { config, unresolved } = await loadConfig(source.configPath)
  let systemName = source.system
  let options: AccountMatchOptions = {}
  let optionsFrom: string | null = null
  if (source.exportTarget !== undefined) {
    const target = config.exports[source.exportTarget]
    if (target === undefined) throw new MatchError(`no export target named "${source.exportTarget}"; ${source.configPath} has: ${Object.keys(config.exports).join(', ') || 'none'} (see exports: in revsync.yaml)`)
    if (systemName !== undefined && systemName !== target.system) throw new MatchError(`export target "${source.exportTarget}" exports into system "${target.system}", not "${systemName}"; pass one of --system and --export`)
    systemName = target.system
    const m = target.matching
    options = {
      ...(m?.nameThreshold !== undefined ? { nameThreshold: m.nameThreshold } : {}),
      ...(m?.freeMail ? { freeMail: createFreeMailSet(m.freeMail) } : {}),
    }
    optionsFrom = `export target "${source.exportTarget}"`
  }
  const names = Object.keys(config.systems)
  if (systemName === undefined) throw new MatchError(`name the accounts: --accounts FILE, --system NAME (${names.join(', ') || 'no systems configured'}) or --export TARGET`)
  const system = config.systems[systemName]
  if (system === undefined) throw new MatchError(`no system named "${systemName}" in ${source.configPath}; it has: ${names.join(', ') || 'none'}`)
  const read = await readSystemAccounts(createConnector(system, { missing: unresolved.get(systemName) ?? [] }), source.withContacts)
  const contacts = read.contacts ? `, ${read.contacts.read} ${read.contacts.object} read, ${read.contacts.onAccounts} on an account` : ''
  return { accounts: read.accounts, label: `system "${systemName}" (${system.kind} ${read.companyObject}${contacts})`, invalid: [], ignored: [], options, optionsFrom }
}
