import type { RelationshipName } from './records.js'

/** Field types revsync distinguishes when it validates mappings. */
export type FieldType =
  | 'string'
  | 'text'
  | 'email'
  | 'phone'
  | 'url'
  | 'number'
  | 'boolean'
  | 'date'
  | 'datetime'
  | 'enum'
  | 'reference'
  | 'id'

/** One field of a native object, as discovered from the system ("Refresh field info"). */
export interface FieldSchema {
  readonly name: string
  readonly label: string
  readonly type: FieldType
  /** Must be given on create (not nillable and not defaulted by the system). */
  readonly required: boolean
  readonly createable: boolean
  readonly updateable: boolean
  /** Allowed values of a picklist / enumeration. */
  readonly options?: readonly string[]
  /** For a lookup: the object it points to. */
  readonly referenceTo?: string
}

/** A lookup the connector exposes as a relationship rather than a plain field. */
export interface RelationshipSchema {
  readonly name: RelationshipName
  /** The native field holding the id, e.g. `OwnerId`, `hubspot_owner_id`, `assigned_user_id`. */
  readonly field: string
  /** The entity kind it points to. */
  readonly target: 'user' | 'company'
}

/** Everything revsync knows about one native object of one system. */
export interface ObjectSchema {
  readonly object: string
  readonly label: string
  readonly fields: readonly FieldSchema[]
  readonly relationships: readonly RelationshipSchema[]
}
