import type { RemoteUser } from '../../domain/records.js'
import type { OwnerDecision } from '../../engine/export/export-plan.js'
import { emptyPoolReason, roundRobinReason } from '../../engine/export/decide-owner.js'
import type { ExportWorld } from './export-world.js'
import type { Store } from '../../store/store.js'

/** The store key of a target's round-robin turn. */
export function poolKey(target: string): string {
  return `export:${target}`
}

/**
 * Gives the next active pool member the record (seed: "route them by round robin"). Turns
 * are taken from the store, so they persist across runs and are shared by concurrent
 * workers; an inactive member's turn is taken and skipped, so the rotation keeps its place
 * when the member comes back. With every member inactive, the default owner takes it.
 */
export async function takeRoundRobin(world: ExportWorld, store: Store): Promise<OwnerDecision> {
  const pool = world.owners.pool
  const skipped: RemoteUser[] = []
  for (let attempt = 0; attempt < pool.length; attempt++) {
    const turn = await store.takeTurn(poolKey(world.target.name), pool.length)
    const member = pool[turn]
    if (!member) continue
    if (member.user.active) return { kind: 'user', userId: member.user.id, reason: roundRobinReason(world.users, pool.length, turn, member.user, skipped) }
    skipped.push(member.user)
  }
  return { kind: 'user', userId: world.owners.defaultOwner.id, reason: emptyPoolReason(world.users, world.owners) }
}
