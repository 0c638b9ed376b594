import type { AccountCandidate, AccountMatchResult, AccountMatchRule, NearMiss } from './match-result.js'
import type { Contender, Resolution } from './resolve-contenders.js'

/** The candidate as results report it. */
export function toCandidate(rule: AccountMatchRule, c: Contender): AccountCandidate {
  return { accountId: c.account.id, accountName: c.account.name, rule, score: round(c.score), evidence: c.evidence }
}

/**
 * The result of a rule that found accounts: matched when the resolution chose one (the others
 * listed as candidates), ambiguous otherwise (all of them listed).
 */
export function decidedResult(rule: AccountMatchRule, contenders: readonly Contender[], resolution: Resolution): AccountMatchResult {
  const winner = resolution.winner
  const notes = resolution.note === null ? [] : [resolution.note]
  if (winner === null) {
    const best = Math.max(...contenders.map((c) => c.score))
    return {
      status: 'ambiguous',
      rule,
      score: round(best),
      accountId: null,
      accountName: null,
      evidence: [`${contenders.length} accounts match by ${rule} and none can be preferred; not guessed`, ...notes],
      decidedBy: null,
      candidates: contenders.map((c) => toCandidate(rule, c)),
      nearMiss: null,
    }
  }
  return {
    status: 'matched',
    rule,
    score: round(winner.score),
    accountId: winner.account.id,
    accountName: winner.account.name,
    evidence: [...winner.evidence, ...notes],
    decidedBy: resolution.decidedBy,
    candidates: contenders.filter((c) => c !== winner).map((c) => toCandidate(rule, c)),
    nearMiss: null,
  }
}

/** The result when no rule matched, with the nearest miss if there was one. */
export function unmatchedResult(notes: readonly string[], nearMiss: NearMiss | null): AccountMatchResult {
  const evidence = [...notes]
  if (nearMiss !== null) evidence.push(`nearest: ${nearMiss.accountName ?? nearMiss.accountId} by ${nearMiss.rule} — ${nearMiss.shortfall}`)
  else evidence.push('no account shares a domain, a name or a contact domain')
  return {
    status: 'unmatched',
    rule: 'none',
    score: nearMiss?.score ?? 0,
    accountId: null,
    accountName: null,
    evidence,
    decidedBy: null,
    candidates: [],
    nearMiss,
  }
}

/** A near miss from a contender and the reason it fell short. */
export function toNearMiss(rule: AccountMatchRule, c: Contender, shortfall: string): NearMiss {
  return { ...toCandidate(rule, c), shortfall }
}

/** Scores are reported to four decimals; explanations print two. */
export function round(score: number): number {
  return Math.round(score * 10000) / 10000
}
