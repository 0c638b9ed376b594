/** One record of an entity in one system: a row of the entity's link. */
export interface LinkRow {
  readonly mapping: string
  readonly entityId: string
  readonly system: string
  readonly object: string
  readonly recordId: string
}
