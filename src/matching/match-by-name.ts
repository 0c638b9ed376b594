import { decidedResult, toNearMiss } from './build-result.js'
import type { CompanyIndex, IndexedAccount } from './company-index.js'
import { explainNameMatch, formatScore, nameShortfall } from './explain-name-match.js'
import type { ResolvedAccountMatchOptions } from './match-options.js'
import type { AccountMatchResult, NearMiss } from './match-result.js'
import type { NormalizedCompanyName } from './normalize-company-name.js'
import { resolveContenders } from './resolve-contenders.js'
import type { Contender } from './resolve-contenders.js'
import { scoreWithOptions } from './score-company-names.js'
import type { NameScore } from './score-company-names.js'

/** What the name rule decided, or the nearest name when it decided nothing. */
export interface NameRuleOutcome {
  readonly result: AccountMatchResult | null
  readonly nearMiss: NearMiss | null
}

/** Related names read for matching even when near-miss reports are off. */
const RELATED_FOR_MATCHING = 4

interface Scored {
  readonly account: IndexedAccount
  readonly score: NameScore
}

/**
 * Rule (b): accounts with the same name or a variation of it. Only candidates sharing a
 * blocking key are scored. A candidate matches when every distinctive word has a counterpart
 * and the score reaches the threshold; candidates within the ambiguity margin of the best
 * are tied. Tied accounts of one name go to the hierarchy rules; tied different names
 * ("Acme Group" and "Acme Holdings" for "Acme") are ambiguous unless one is the other's parent.
 */
export function matchByName(name: NormalizedCompanyName, index: CompanyIndex, opts: ResolvedAccountMatchOptions): NameRuleOutcome {
  // Related names (a shared rare word, initials) can match too: a descriptor on one side or initials one account alone has.
  const { likely, related } = index.nameCandidates(name, Math.max(opts.nearMissCandidates, RELATED_FOR_MATCHING))
  const scored = scoreAll(name, likely, index, opts)
  let passing = scored.filter((s) => passes(s.score, opts))
  if (passing.length === 0) {
    const nearby = [...scored, ...scoreAll(name, related, index, opts)]
    passing = nearby.filter((s) => passes(s.score, opts))
    if (passing.length === 0) return { result: null, nearMiss: nearestMiss(name, nearby, opts) }
  }
  const best = Math.max(...passing.map((s) => s.score.score))
  const tied = passing.filter((s) => s.score.score >= best - opts.ambiguityMargin).sort((a, b) => b.score.score - a.score.score)
  const contenders: Contender[] = tied.map((s) => toContender(name, s))
  const oneName = new Set(tied.map((s) => s.account.shape?.tokens.join('') ?? '')).size === 1
  const lead = contenders[0]
  const runnerUp = passing.find((s) => !tied.includes(s))
  if (contenders.length === 1 && lead !== undefined && runnerUp !== undefined) {
    const note = `best of ${passing.length} names; next: ${runnerUp.account.name ?? runnerUp.account.id} ${formatScore(runnerUp.score.score)}`
    return { result: decidedResult('name', [lead], { winner: lead, decidedBy: 'score', note }), nearMiss: null }
  }
  const resolution = resolveContenders(contenders, index, oneName ? opts.tieBreak : 'ambiguous', oneName)
  return { result: decidedResult('name', contenders, resolution), nearMiss: null }
}

function scoreAll(name: NormalizedCompanyName, accounts: readonly IndexedAccount[], index: CompanyIndex, opts: ResolvedAccountMatchOptions): Scored[] {
  const out: Scored[] = []
  for (const account of accounts) if (account.shape !== null) out.push({ account, score: scoreWithOptions(name, account.shape, opts, index) })
  return out
}

function passes(score: NameScore, opts: ResolvedAccountMatchOptions): boolean {
  if (score.score < opts.nameThreshold) return false
  return score.unmatched.length === 0 || score.likeness === 'acronym'
}

function toContender(name: NormalizedCompanyName, s: Scored): Contender {
  return { account: s.account, score: s.score.score, evidence: explainNameMatch(name, { name: s.account.name ?? '', legalForms: s.account.shape?.legalForms ?? [] }, s.score) }
}

function nearestMiss(name: NormalizedCompanyName, scored: readonly Scored[], opts: ResolvedAccountMatchOptions): NearMiss | null {
  let best: Scored | null = null
  for (const s of scored) {
    if (best === null || s.score.score > best.score.score || (s.score.score === best.score.score && s.account.id < best.account.id)) best = s
  }
  if (best === null || best.score.score <= 0) return null
  return toNearMiss('name', toContender(name, best), nameShortfall(best.score, opts.nameThreshold))
}
