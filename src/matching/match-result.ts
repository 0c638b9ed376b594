/** The account-matching rules of the seed, in the order they are tried. */
export type AccountMatchRule = 'domain' | 'name' | 'contacts'

/** Whether a lookup found one account, several it would not choose between, or none. */
export type MatchStatus = 'matched' | 'ambiguous' | 'unmatched'

/** How one account among several on the same rule was chosen. */
export type DecidedBy = 'single' | 'score' | 'parent' | 'contacts' | 'tie-break'

/** One account considered by a rule, with its score and the evidence for it. */
export interface AccountCandidate {
  readonly accountId: string
  readonly accountName: string | null
  readonly rule: AccountMatchRule
  readonly score: number
  readonly evidence: readonly string[]
}

/** The nearest account when nothing matched, and why it fell short. */
export interface NearMiss extends AccountCandidate {
  readonly shortfall: string
}

/**
 * The outcome of matching one company (or person's company) to the accounts. Every outcome
 * carries the rule, the score and readable evidence; ambiguous ones list the candidates, and
 * unmatched ones the nearest miss.
 */
export interface AccountMatchResult {
  readonly status: MatchStatus
  /** The rule that decided, or `none` when no rule matched. */
  readonly rule: AccountMatchRule | 'none'
  /** 1 for a domain match, the name score, or the share of contacts at the domain. */
  readonly score: number
  readonly accountId: string | null
  readonly accountName: string | null
  readonly evidence: readonly string[]
  /** For several accounts on the deciding rule: how one was chosen (null when ambiguous or unmatched). */
  readonly decidedBy: DecidedBy | null
  /** The accounts the deciding rule found: the tied ones when ambiguous, the others when one was chosen. */
  readonly candidates: readonly AccountCandidate[]
  readonly nearMiss: NearMiss | null
}
