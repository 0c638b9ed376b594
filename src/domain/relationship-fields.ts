import type { SystemKind } from './connector.js'
import type { RelationshipName } from './records.js'

/**
 * The native lookup fields each connector kind exposes as relationships. Mapping one of them
 * as a plain field row would copy a raw id that means nothing in the other system (the
 * seed's "DO NOT map the Owner fields"), so config checks refuse it.
 */
export const relationshipFieldsByKind: Readonly<Record<SystemKind, Readonly<Record<string, RelationshipName>>>> = {
  hubspot: { hubspot_owner_id: 'owner' },
  salesforce: { OwnerId: 'owner', AccountId: 'company', ParentId: 'parent' },
  sugarcrm: { assigned_user_id: 'owner', account_id: 'company', parent_id: 'parent' },
}
