import { createAssociationStore } from './associations.js'
import type { AssociationStore } from './associations.js'
import { defaultProperties } from './property-catalog.js'
import type { SimObjectType, SimProperty } from './property-catalog.js'
import { createUsage } from './usage.js'
import type { Usage } from './usage.js'
import type { ParsedHubSpotSeed } from './seed.js'

/** One CRM record as the simulator keeps it. Timestamps are epoch milliseconds. */
export interface SimRecord {
  readonly id: string
  readonly properties: Record<string, string | null>
  readonly createdAt: number
  updatedAt: number
  archived: boolean
  archivedAt?: number
}

/** An owner (a HubSpot user who can own records). */
export interface SimOwner {
  readonly id: string
  readonly email: string
  readonly firstName: string
  readonly lastName: string
  readonly userId: number
  archived: boolean
  readonly createdAt: number
  updatedAt: number
}

/** Switches a test may flip to reproduce behaviours of other accounts or API versions. */
export interface SimSettings {
  /**
   * Batch create/update answer 207 with per-input errors when every input carries an
   * `objectWriteTraceId` (HubSpot's multi-status mode). Off: one bad input fails the batch.
   */
  multiStatus: boolean
}

/** One change to a record, as HubSpot's webhooks report it. */
export interface RecordChange {
  readonly object: SimObjectType
  readonly id: string
  readonly kind: 'creation' | 'propertyChange' | 'deletion'
  readonly propertyName?: string
  readonly propertyValue?: string | null
  readonly at: number
}

/** Who hears of record changes (the webhook sender, once configured). */
export interface ChangeFeed {
  listener: ((change: RecordChange) => void) | undefined
}

/** The whole in-memory portal. */
export interface HubSpotState {
  readonly token: string
  readonly portalId: number
  readonly records: Readonly<Record<SimObjectType, Map<string, SimRecord>>>
  readonly owners: Map<string, SimOwner>
  readonly properties: Readonly<Record<SimObjectType, Map<string, SimProperty>>>
  readonly associations: AssociationStore
  /** Contact id by lower-cased email; HubSpot keeps emails unique. */
  readonly emails: Map<string, string>
  readonly settings: SimSettings
  readonly usage: Usage
  readonly changes: ChangeFeed
  /** Milliseconds, never going backwards. */
  now(): number
  nextId(object: SimObjectType | 'owners'): string
  /** Moves an id counter past a seeded id so generated ids never collide with it. */
  reserveId(object: SimObjectType | 'owners', id: string): void
  /** Ids of owners that may own records (not archived). */
  activeOwnerIds(): ReadonlySet<string>
  /** A correlation id for an error body, deterministic per simulator. */
  correlationId(): string
}

const idBase: Readonly<Record<SimObjectType | 'owners', number>> = { contacts: 70_100_000_000, companies: 21_400_000_000, owners: 41_600_000 }

/** Creates the empty portal; `seedState` fills it. */
export function createState(seed: ParsedHubSpotSeed, clock: () => number): HubSpotState {
  const counters = { ...idBase }
  let last = 0
  let errors = 0
  const owners = new Map<string, SimOwner>()
  const at = clock()
  const properties = {
    contacts: new Map(defaultProperties('contacts', at).map((p) => [p.name, p])),
    companies: new Map(defaultProperties('companies', at).map((p) => [p.name, p])),
  }
  return {
    token: seed.token,
    portalId: seed.portalId,
    records: { contacts: new Map(), companies: new Map() },
    owners,
    properties,
    associations: createAssociationStore(),
    emails: new Map(),
    settings: { multiStatus: true },
    usage: createUsage(seed.limits ?? {}),
    changes: { listener: undefined },
    now() {
      last = Math.max(last, clock())
      return last
    },
    nextId(object) {
      counters[object] += 1
      return String(counters[object])
    },
    reserveId(object, id) {
      counters[object] = Math.max(counters[object], Number(id))
    },
    activeOwnerIds: () => new Set([...owners.values()].filter((o) => !o.archived).map((o) => o.id)),
    correlationId() {
      errors++
      return `6f1c2e0a-5b7d-4c3e-9a1f-${errors.toString(16).padStart(12, '0')}`
    },
  }
}

