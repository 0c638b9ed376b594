/**
 * The baseline the matcher is compared with: brute-force fuzzy matching with fuzzball's
 * `token_set_ratio` (every query against every account name), the usual first attempt.
 */
import * as fuzzball from 'fuzzball'
import type { Answer } from './matching-evaluate.js'

/** Score (0–100) at or above which the baseline calls two names the same; fuzzball's common cut-off. */
export const BASELINE_CUTOFF = 90

/** Matches each name against all names by `token_set_ratio`, best first. */
export function runBaseline(names: readonly string[], ids: readonly string[], queries: readonly string[]): Answer[] {
  const choices = [...names]
  return queries.map((q) => {
    const best = fuzzball.extract(q, choices, { scorer: fuzzball.token_set_ratio, limit: 1, cutoff: BASELINE_CUTOFF }) as [string, number, number][]
    const top = best[0]
    if (top === undefined) return { status: 'unmatched', rule: 'none', accountId: null }
    return { status: 'matched', rule: 'name', accountId: ids[top[2]] ?? null }
  })
}
