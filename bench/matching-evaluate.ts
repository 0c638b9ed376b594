/** Scores a matcher's answers against the benchmark's ground truth. */
import type { AccountMatchRule } from '../src/matching/index.js'

/** One benchmark lookup: the query, the account it should find (null: none), and what it tests. */
export interface LabeledQuery<Q> {
  readonly query: Q
  readonly expect: string | null
  /** The rule the query is meant to exercise. */
  readonly rule: AccountMatchRule
  readonly kind: string
}

/** A matcher's answer, reduced to what the tally needs. */
export interface Answer {
  readonly status: 'matched' | 'ambiguous' | 'unmatched'
  readonly rule: AccountMatchRule | 'none'
  readonly accountId: string | null
}

/** Precision and recall of one rule. */
export interface RuleFigures {
  readonly precision: number
  readonly recall: number
  readonly positives: number
  readonly negatives: number
  readonly truePositives: number
  readonly falsePositives: number
  readonly ambiguous: number
}

/** Tallies answers per rule: precision over the matches a rule made, recall over the queries meant for it. */
export function tally<Q>(queries: readonly LabeledQuery<Q>[], answers: readonly Answer[]): Record<string, RuleFigures> {
  const rules = [...new Set(queries.map((q) => q.rule))]
  const out: Record<string, RuleFigures> = {}
  for (const rule of rules) {
    let positives = 0
    let negatives = 0
    let found = 0
    let tp = 0
    let fp = 0
    let ambiguous = 0
    queries.forEach((q, i) => {
      const a = answers[i] as Answer
      if (q.rule === rule) {
        if (q.expect === null) negatives += 1
        else positives += 1
        if (a.status === 'ambiguous') ambiguous += 1
        if (q.expect !== null && a.status === 'matched' && a.accountId === q.expect) found += 1
      }
      if (a.status !== 'matched' || a.rule !== rule) return
      if (a.accountId === q.expect) tp += 1
      else fp += 1
    })
    out[rule] = { precision: ratio(tp, tp + fp), recall: ratio(found, positives), positives, negatives, truePositives: tp, falsePositives: fp, ambiguous }
  }
  return out
}

/** Recall per variant kind, over positive queries. */
export function recallByKind<Q>(queries: readonly LabeledQuery<Q>[], answers: readonly Answer[]): Record<string, number> {
  const hits = new Map<string, [number, number]>()
  queries.forEach((q, i) => {
    if (q.expect === null) return
    const a = answers[i] as Answer
    const [h, n] = hits.get(q.kind) ?? [0, 0]
    hits.set(q.kind, [h + (a.status === 'matched' && a.accountId === q.expect ? 1 : 0), n + 1])
  })
  return Object.fromEntries([...hits].map(([kind, [h, n]]) => [kind, ratio(h, n)]))
}

/** False-match rate per negative kind. */
export function falseMatchesByKind<Q>(queries: readonly LabeledQuery<Q>[], answers: readonly Answer[]): Record<string, { queries: number; falseMatches: number }> {
  const out: Record<string, { queries: number; falseMatches: number }> = {}
  queries.forEach((q, i) => {
    if (q.expect !== null) return
    const a = answers[i] as Answer
    const row = out[q.kind] ?? { queries: 0, falseMatches: 0 }
    out[q.kind] = { queries: row.queries + 1, falseMatches: row.falseMatches + (a.status === 'matched' ? 1 : 0) }
  })
  return out
}

/** A ratio to four decimals; 1 when there is nothing to count. */
export function ratio(a: number, b: number): number {
  return b === 0 ? 1 : Math.round((a / b) * 10000) / 10000
}
