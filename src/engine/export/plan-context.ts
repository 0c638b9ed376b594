import type { ExportTarget } from '../../domain/export/resolve-target.js'
import type { ObjectSchema } from '../../domain/object-schema.js'
import type { RemoteRecord } from '../../domain/records.js'
import type { AccountMatchOptions, CompanyIndex } from '../../matching/index.js'
import type { PeopleOf } from './choose-existing.js'
import type { OwnerDirectory } from './owner-directory.js'
import type { ResolvedOwners } from './resolve-owners.js'

/** What planning a signal reads: the target, the CRM as indexed at the start of the run, and its users. */
export interface PlanContext {
  readonly target: ExportTarget
  /** Discovered schemas of the target's objects, by object. */
  readonly schemas: ReadonlyMap<string, ObjectSchema>
  readonly companies: CompanyIndex
  readonly matchOptions: AccountMatchOptions
  /** Existing people, contacts before leads. */
  readonly people: readonly PeopleOf[]
  /** The full current record of an existing person. */
  record(object: string, id: string): RemoteRecord | undefined
  /** The user id in the account owner field of an existing account, or null. */
  accountOwnerValue(accountId: string): string | null
  readonly owners: ResolvedOwners
  readonly users: OwnerDirectory
}

