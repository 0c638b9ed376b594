import { assocTypes, isAllowedType } from './associations.js'
import type { SimObjectType } from './property-catalog.js'
import type { HubSpotState } from './state.js'

/** The object types a HubSpot-defined association type id links, from → to. */
export function typeEnds(typeId: number): { from: SimObjectType; to: SimObjectType } | undefined {
  if (typeId === 1 || typeId === 279) return { from: 'contacts', to: 'companies' }
  if (typeId === 2 || typeId === 280) return { from: 'companies', to: 'contacts' }
  if (typeId === 13 || typeId === 14 || typeId === 450) return { from: 'companies', to: 'companies' }
  return undefined
}

function live(state: HubSpotState, object: SimObjectType, id: string): boolean {
  const record = state.records[object].get(id)
  return record !== undefined && !record.archived
}

/**
 * HubSpot keeps read-only mirrors of two associations on the records themselves: a contact's
 * `associatedcompanyid` (its primary company) and a company's `hs_parent_company_id`. A change
 * of either is a change of the record, so it moves the last-modified time.
 */
export function refreshDerived(state: HubSpotState, object: SimObjectType, id: string, at: number): void {
  const record = state.records[object].get(id)
  if (!record) return
  const [name, wanted] =
    object === 'contacts' ? ['associatedcompanyid', assocTypes.contactToCompanyPrimary] : ['hs_parent_company_id', assocTypes.childToParent]
  let value: string | null = null
  for (const [toId, types] of state.associations.targets(object, id, 'companies')) {
    if (types.has(wanted)) value = toId
  }
  if ((record.properties[name] ?? null) === value) return
  if (value === null) delete record.properties[name]
  else record.properties[name] = value
  record.updatedAt = at
}

function clearType(state: HubSpotState, from: SimObjectType, fromId: string, typeId: number): void {
  for (const [toId, types] of state.associations.targets(from, fromId, 'companies')) {
    if (types.has(typeId)) state.associations.removeType(from, fromId, 'companies', toId, typeId)
  }
}

/**
 * Associates two records with one type, with HubSpot's rules: a contact has one primary
 * company (a new primary demotes the old one to unlabelled), a company has one parent, and a
 * labelled association also carries the unlabelled one. Answers an error message or nothing.
 */
export function associate(state: HubSpotState, from: SimObjectType, fromId: string, to: SimObjectType, toId: string, typeId: number, at: number): string | undefined {
  if (!isAllowedType(from, to, typeId)) return `association type ${typeId} does not link ${from} to ${to}`
  if (!live(state, from, fromId)) return `${from} ${fromId} does not exist`
  if (!live(state, to, toId)) return `${to} ${toId} does not exist`
  // Types seen from the other side are written as their reverse, so the rules live in one place.
  if (typeId === assocTypes.companyToContactPrimary) return associate(state, to, toId, from, fromId, assocTypes.contactToCompanyPrimary, at)
  if (typeId === assocTypes.parentToChild) return associate(state, to, toId, from, fromId, assocTypes.childToParent, at)
  if (typeId === assocTypes.childToParent && fromId === toId) return 'a company cannot be its own parent'
  if (typeId === assocTypes.contactToCompanyPrimary) {
    clearType(state, from, fromId, typeId)
    state.associations.add(from, fromId, to, toId, assocTypes.contactToCompany)
  }
  if (typeId === assocTypes.childToParent) clearType(state, from, fromId, typeId)
  state.associations.add(from, fromId, to, toId, typeId)
  refreshBoth(state, from, fromId, to, toId, at)
  return undefined
}

/** Removes one type (a label) or, without `typeId`, every association between the two records. */
export function dissociate(state: HubSpotState, from: SimObjectType, fromId: string, to: SimObjectType, toId: string, typeId: number | undefined, at: number): void {
  if (typeId === undefined) state.associations.removeAll(from, fromId, to, toId)
  else state.associations.removeType(from, fromId, to, toId, typeId)
  refreshBoth(state, from, fromId, to, toId, at)
}

function refreshBoth(state: HubSpotState, from: SimObjectType, fromId: string, to: SimObjectType, toId: string, at: number): void {
  refreshDerived(state, from, fromId, at)
  refreshDerived(state, to, toId, at)
}
