import type { FieldRow } from '../domain/mapping.js'
import { pathFor } from '../domain/mapping.js'
import type { FieldValue, RemoteRecord } from '../domain/records.js'
import type { UserDirectory } from './user-directory.js'
import { fullName } from './user-directory.js'

/** True for a path read through a relationship (`owner.fullName`): readable, never written. */
export function isRelatedPath(path: string): boolean {
  return path.includes('.')
}

/**
 * The value a row reads from one record: a native field, or an attribute of the record's
 * owner (SPEC 2.6). `undefined` when the row has no path for this record's object.
 */
export function readRowValue(row: FieldRow, system: string, record: RemoteRecord, users: UserDirectory | undefined): FieldValue | undefined {
  const path = pathFor(row, system, record.object)
  if (path === undefined) return undefined
  if (!isRelatedPath(path)) return record.fields[path] ?? null
  const owner = users?.user(system, record.refs?.owner)
  if (!owner) return null
  switch (path.slice('owner.'.length)) {
    case 'fullName':
      return fullName(owner)
    case 'email':
      return owner.email
    case 'firstName':
      return owner.firstName
    case 'lastName':
      return owner.lastName
    case 'id':
      return owner.id
    default:
      return null
  }
}
