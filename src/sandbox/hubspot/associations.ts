import type { SimObjectType } from './property-catalog.js'

/** HubSpot-defined association type ids the simulator knows (they are the real ones). */
export const assocTypes = {
  contactToCompanyPrimary: 1,
  companyToContactPrimary: 2,
  parentToChild: 13,
  childToParent: 14,
  contactToCompany: 279,
  companyToContact: 280,
  companyToCompany: 450,
} as const

/** Each type id and the id of the same association seen from the other side. */
const reverse: ReadonlyMap<number, number> = new Map([
  [1, 2],
  [2, 1],
  [13, 14],
  [14, 13],
  [279, 280],
  [280, 279],
  [450, 450],
])

/** The id of the same association type seen from the other record. */
export function reverseType(typeId: number): number {
  return reverse.get(typeId) ?? typeId
}

/** Which type ids may link two object types, in that direction. */
const allowed: Readonly<Record<string, readonly number[]>> = {
  'contacts>companies': [1, 279],
  'companies>contacts': [2, 280],
  'companies>companies': [13, 14, 450],
}

/** HubSpot's labels for the labelled types; unlabelled ones have none. */
export const assocLabels: Readonly<Record<number, string>> = {
  1: 'Primary',
  2: 'Primary',
  13: 'Child Company',
  14: 'Parent Company',
}

/** Whether `typeId` may link `from` to `to`. */
export function isAllowedType(from: SimObjectType, to: SimObjectType, typeId: number): boolean {
  return allowed[`${from}>${to}`]?.includes(typeId) ?? false
}

/** The type a default (unlabelled) association between the two object types has. */
export function defaultType(from: SimObjectType, to: SimObjectType): number | undefined {
  if (from === 'contacts' && to === 'companies') return assocTypes.contactToCompany
  if (from === 'companies' && to === 'contacts') return assocTypes.companyToContact
  if (from === 'companies' && to === 'companies') return assocTypes.companyToCompany
  return undefined
}

type Edges = Map<string, Map<string, Set<number>>>

/** Directed association edges; every write also records the reverse edge. */
export interface AssociationStore {
  /** Type ids from one record to another (empty when none). */
  types(from: SimObjectType, fromId: string, to: SimObjectType, toId: string): ReadonlySet<number>
  /** Every record of type `to` associated with the record, with the type ids. */
  targets(from: SimObjectType, fromId: string, to: SimObjectType): ReadonlyMap<string, ReadonlySet<number>>
  add(from: SimObjectType, fromId: string, to: SimObjectType, toId: string, typeId: number): void
  removeType(from: SimObjectType, fromId: string, to: SimObjectType, toId: string, typeId: number): void
  removeAll(from: SimObjectType, fromId: string, to: SimObjectType, toId: string): void
}

const key = (type: SimObjectType, id: string): string => `${type}:${id}`

/** Creates an empty association store. */
export function createAssociationStore(): AssociationStore {
  const edges: Edges = new Map()

  function set(fromKey: string, toKey: string, create: boolean): Set<number> | undefined {
    let row = edges.get(fromKey)
    if (!row) {
      if (!create) return undefined
      row = new Map()
      edges.set(fromKey, row)
    }
    let types = row.get(toKey)
    if (!types && create) {
      types = new Set()
      row.set(toKey, types)
    }
    return types
  }

  function drop(fromKey: string, toKey: string, typeId: number | undefined): void {
    const row = edges.get(fromKey)
    const types = row?.get(toKey)
    if (!row || !types) return
    if (typeId === undefined) types.clear()
    else types.delete(typeId)
    if (types.size === 0) row.delete(toKey)
  }

  return {
    types: (from, fromId, to, toId) => set(key(from, fromId), key(to, toId), false) ?? new Set(),
    targets(from, fromId, to) {
      const out = new Map<string, ReadonlySet<number>>()
      for (const [toKey, types] of edges.get(key(from, fromId)) ?? []) {
        if (toKey.startsWith(`${to}:`)) out.set(toKey.slice(to.length + 1), types)
      }
      return out
    },
    add(from, fromId, to, toId, typeId) {
      set(key(from, fromId), key(to, toId), true)?.add(typeId)
      set(key(to, toId), key(from, fromId), true)?.add(reverseType(typeId))
    },
    removeType(from, fromId, to, toId, typeId) {
      drop(key(from, fromId), key(to, toId), typeId)
      drop(key(to, toId), key(from, fromId), reverseType(typeId))
    },
    removeAll(from, fromId, to, toId) {
      drop(key(from, fromId), key(to, toId), undefined)
      drop(key(to, toId), key(from, fromId), undefined)
    },
  }
}
