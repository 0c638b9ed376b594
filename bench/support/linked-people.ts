// The people of bench/sync-incremental: one deterministic SugarCRM seed, and the same people as
// HubSpot contacts with the same values and modification times, so both sides already agree.
import { generateSugarSeed } from '../../src/sandbox/sugarcrm/generate-seed.js'
import type { HubSpotSeed } from '../../src/sandbox/hubspot/seed.js'
import type { SugarSeed } from '../../src/sandbox/sugarcrm/seed.js'
import { benchCredentials } from './bench-credentials.js'
import { benchFields } from './transfer-floor.js'

/** A person's record id on each side. */
export interface PersonPair {
  readonly sugarId: string
  readonly hubspotId: string
}

export interface LinkedPeople {
  readonly sugar: SugarSeed
  readonly hubspotContacts: NonNullable<HubSpotSeed['contacts']>
  readonly pairs: readonly PersonPair[]
  /** The newest seeded modification time, ISO-8601 UTC: where cursors of a linked store stand. */
  readonly newestModifiedAt: string
}

/** HubSpot ids are numeric strings; these start far from the simulator's own counters. */
export const hubspotIdOf = (index: number): string => String(5_000_001 + index)

/** The same `count` people on both sides (same options, same people, in the parent and the child). */
export function linkedPeople(count: number): LinkedPeople {
  const sugar = generateSugarSeed({ contacts: count, leads: 0, password: benchCredentials.sugarPassword, seed: 17 })
  const contacts = sugar.contacts ?? []
  let newest = 0
  const hubspotContacts = contacts.map((c, i) => {
    const modified = Date.parse(String(c.date_modified))
    newest = Math.max(newest, modified)
    const properties = Object.fromEntries(benchFields.map(([from, to]) => [to, (c[from] as string | null | undefined) ?? null]))
    return { id: hubspotIdOf(i), properties: { ...properties, createdate: String(modified), lastmodifieddate: String(modified) } }
  })
  const pairs = contacts.map((c, i) => ({ sugarId: String(c.id), hubspotId: hubspotIdOf(i) }))
  return { sugar, hubspotContacts, pairs, newestModifiedAt: new Date(newest).toISOString() }
}
