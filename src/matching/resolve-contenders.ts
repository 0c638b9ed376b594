import type { CompanyIndex, IndexedAccount } from './company-index.js'
import type { TieBreak } from './match-options.js'
import type { DecidedBy } from './match-result.js'

/** An account a rule found, with its score and evidence. */
export interface Contender {
  readonly account: IndexedAccount
  readonly score: number
  readonly evidence: readonly string[]
}

/** Which contender wins, how, and the sentence that says so. */
export interface Resolution {
  readonly winner: Contender | null
  readonly decidedBy: DecidedBy | null
  readonly note: string | null
}

/** How far up a parent chain to look; CRM hierarchies are shallow and may contain cycles. */
const MAX_DEPTH = 25

/**
 * Chooses among accounts found by the same rule, as the seed orders it: a parent over its
 * children (and grandchildren), then the account with more contacts, then — when still tied —
 * the lowest id (reported) or no choice at all. `byContacts` is off for names that differ,
 * where more contacts would be a guess.
 */
export function resolveContenders(
  contenders: readonly Contender[],
  index: CompanyIndex,
  tieBreak: TieBreak,
  byContacts = true,
): Resolution {
  const only = contenders.length === 1 ? contenders[0] : undefined
  if (only !== undefined) return { winner: only, decidedBy: 'single', note: null }
  const ids = new Set(contenders.map((c) => c.account.id))
  const tops = contenders.filter((c) => !ancestorsOf(c.account, index).some((a) => ids.has(a)))
  const top = tops.length === 1 ? tops[0] : undefined
  if (top !== undefined) {
    const children = contenders.filter((c) => c !== top).map((c) => label(c.account))
    const noun = children.length === 1 ? 'child' : 'children'
    return { winner: top, decidedBy: 'parent', note: `parent ${label(top.account)} chosen over its ${noun} ${children.join(', ')}` }
  }
  if (byContacts) {
    const most = Math.max(...tops.map((c) => c.account.contactCount))
    const withMost = tops.filter((c) => c.account.contactCount === most)
    const leader = withMost.length === 1 ? withMost[0] : undefined
    if (leader !== undefined) {
      const others = tops.filter((c) => c !== leader).map((c) => `${label(c.account)} ${c.account.contactCount}`)
      return { winner: leader, decidedBy: 'contacts', note: `most contacts: ${label(leader.account)} ${most} vs ${others.join(', ')}` }
    }
    if (tieBreak === 'lowest-id') return lowestId(withMost, `${withMost.length} accounts with ${most} contacts each`)
  }
  return { winner: null, decidedBy: null, note: `${tops.length} accounts tied: ${tops.map((c) => label(c.account)).join(', ')}` }
}

function lowestId(tied: readonly Contender[], why: string): Resolution {
  const sorted = [...tied].sort((a, b) => (a.account.id < b.account.id ? -1 : a.account.id > b.account.id ? 1 : 0))
  const winner = sorted[0] ?? null
  const note = winner === null ? null : `tie-break: ${why}; chose the lowest id, ${winner.account.id}`
  return { winner, decidedBy: 'tie-break', note }
}

/** Ids above the account in its hierarchy, nearest first. */
export function ancestorsOf(account: IndexedAccount, index: CompanyIndex): string[] {
  const seen = new Set<string>([account.id])
  const out: string[] = []
  let parentId = account.parentId
  while (parentId !== null && !seen.has(parentId) && out.length < MAX_DEPTH) {
    out.push(parentId)
    seen.add(parentId)
    parentId = index.get(parentId)?.parentId ?? null
  }
  return out
}

/** `Acme Inc (acc-1)`: how explanations name an account. */
export function label(account: IndexedAccount): string {
  return account.name === null ? account.id : `${account.name} (${account.id})`
}
