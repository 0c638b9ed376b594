import type { RevsyncConfig } from '../../domain/config/config-schema.js'
import type { ConfigIssue } from '../../domain/config/config-issue.js'
import { checkExportFields } from '../../domain/export/check-export-fields.js'
import { isExportKind, objectOf, tabObjects } from '../../domain/export/record-sync.js'
import type { ExportTab } from '../../domain/export/export-config.js'
import { resolveExportTarget } from '../../domain/export/resolve-target.js'
import type { ExportTarget } from '../../domain/export/resolve-target.js'
import type { ObjectSchema } from '../../domain/object-schema.js'
import { createOwnerDirectory } from '../../engine/export/owner-directory.js'
import type { OwnerDirectory } from '../../engine/export/owner-directory.js'
import type { PlanContext } from '../../engine/export/plan-context.js'
import { resolveOwners } from '../../engine/export/resolve-owners.js'
import type { ResolvedOwners } from '../../engine/export/resolve-owners.js'
import { createFreeMailSet } from '../../matching/index.js'
import type { AccountMatchOptions } from '../../matching/index.js'
import { ConfigError } from '../config/config-error.js'
import type { LocatedIssue } from '../config/config-error.js'
import type { CrmIndex } from './build-crm-index.js'
import { refreshCrmIndex } from './refresh-crm-index.js'
import type { IndexRefresh, IndexRefreshDeps } from './refresh-crm-index.js'
import { ExistingPeople } from './existing-people.js'
import type { LeadIndexMode } from './existing-people.js'

/** How the world is loaded: how many signals are coming, and how to find leads. */
export interface WorldOptions {
  /** About how many signals the run will process (the file's lines). */
  readonly expectedSignals: number
  readonly leadIndex?: LeadIndexMode | 'auto'
  /** Whether the refreshed account index is saved to the store (not in `plan --export`). */
  readonly persistIndex: boolean
}

/** Leads looked up per batch cost two calls per 150 signals; read in full, one per 2,000 leads (taking as many leads as contacts). */
export function chooseLeadIndex(options: WorldOptions, contacts: number): LeadIndexMode {
  if (options.leadIndex === 'lookup' || options.leadIndex === 'read') return options.leadIndex
  return (options.expectedSignals * 2) / 150 > Math.ceil(contacts / 2000) + 1 ? 'read' : 'lookup'
}

/** A loaded config as the export needs it: the parsed config and a way to place issues in the file. */
export interface ExportConfigSource {
  readonly config: RevsyncConfig
  locate(issues: readonly ConfigIssue[]): LocatedIssue[]
}

/** The target with its system kind and defaults, without any I/O. */
export function targetOf(source: ExportConfigSource, name: string): ExportTarget {
  const target = source.config.exports[name]
  if (!target) throw new Error(`no export target named "${name}"; the config has: ${Object.keys(source.config.exports).join(', ') || 'none'} (see exports: in revsync.yaml)`)
  const kind = source.config.systems[target.system]?.kind
  if (kind === undefined || !isExportKind(kind)) throw new Error(`export target "${name}" needs a Salesforce or HubSpot system`)
  return resolveExportTarget(name, target, kind)
}

/** Everything the export decides with, loaded once before the first write. */
export interface ExportWorld {
  readonly target: ExportTarget
  readonly schemas: ReadonlyMap<string, ObjectSchema>
  readonly users: OwnerDirectory
  readonly owners: ResolvedOwners
  readonly crm: CrmIndex
  /** How the account index was brought up to date this run. */
  readonly indexRefresh: IndexRefresh
  readonly people: ExistingPeople
  readonly matchOptions: AccountMatchOptions
  /** Pre-mapped fields the system does not have, dropped. */
  readonly droppedDefaults: readonly string[]
  readonly leadIndex: LeadIndexMode
  /** The engine's view of the world, for `planSignal`. */
  readonly context: PlanContext
}

/**
 * Loads the target's world: the schemas of its objects (re-read every run, like "Refresh
 * field info", so a field created in the CRM a minute ago is known), the users, and the
 * account and contact index, kept in the store and refreshed from the CRM's cursors. Config problems found against the schemas or the users (a
 * required field no row fills, an unknown default owner) throw a `ConfigError` naming the
 * file line, the field and the fix; nothing has been written when they do.
 */
export async function loadExportWorld(source: ExportConfigSource, name: string, deps: IndexRefreshDeps, options: WorldOptions): Promise<ExportWorld> {
  const { connector } = deps
  const resolved = targetOf(source, name)
  const schemas = new Map<string, ObjectSchema>()
  for (const tab of Object.keys(tabObjects[resolved.kind]) as ExportTab[]) {
    const object = objectOf(resolved.kind, tab)
    schemas.set(object, await connector.describe(object))
  }
  const checked = checkExportFields(resolved, schemas)
  if (checked.issues.length > 0) throw new ConfigError(source.locate(checked.issues))
  const target = checked.target
  const users = createOwnerDirectory(await connector.users())
  const { owners, issues } = resolveOwners(target, users)
  if (!owners) throw new ConfigError(source.locate(issues))
  const { crm, refresh: indexRefresh } = await refreshCrmIndex(target, schemas, deps, { overlapSeconds: source.config.sync.overlapSeconds, persist: options.persistIndex })
  const leadIndex = chooseLeadIndex(options, crm.counts.contacts)
  const people = new ExistingPeople(target.kind, connector, crm.contacts, leadIndex, (ids) => indexRefresh.forget(ids.map((id) => ({ kind: 'contact', id }))))
  const m = target.config.matching
  const matchOptions: AccountMatchOptions = {
    ...(m?.nameThreshold !== undefined ? { nameThreshold: m.nameThreshold } : {}),
    ...(m?.freeMail ? { freeMail: createFreeMailSet(m.freeMail) } : {}),
  }
  const context: PlanContext = {
    target,
    schemas,
    companies: crm.companies,
    matchOptions,
    people: people.peopleOf(),
    record: (object, id) => people.record(object, id),
    accountOwnerValue: (id) => crm.accountOwners.get(id) ?? null,
    owners,
    users,
  }
  const droppedDefaults = checked.droppedDefaults.map((d) => `${d.tab}.${d.field}`)
  return { target, schemas, users, owners, crm, indexRefresh, people, matchOptions, droppedDefaults, leadIndex, context }
}
