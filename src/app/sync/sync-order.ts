import type { RevsyncConfig } from '../../domain/config/config-schema.js'

/**
 * Mappings in the order a full sync runs them: companies before people, so a person's
 * company link can point at an already synced company.
 */
export function syncOrder(config: RevsyncConfig): string[] {
  const rank = { company: 0, person: 1 } as const
  return Object.entries(config.mappings)
    .sort(([, a], [, b]) => rank[a.entity] - rank[b.entity])
    .map(([name]) => name)
}
