import { DEFAULT_FREE_MAIL } from './free-mail.js'
import type { FreeMailSet } from './free-mail.js'
import { DEFAULT_NAME_SCORE_OPTIONS } from './name-score-options.js'
import type { NameScoreOptions } from './name-score-options.js'

/** What to do when candidates on one rule stay tied after hierarchy and contact counts. */
export type TieBreak = 'lowest-id' | 'ambiguous'

/** Thresholds and switches of account matching; every field has a default. */
export interface AccountMatchOptions extends NameScoreOptions {
  /** Lowest name score that matches. Default 0.9. */
  readonly nameThreshold?: number
  /**
   * Name candidates scoring within this of the best are tied and go to the hierarchy rules;
   * different names tied this closely are ambiguous. Default 0.005, so the exact name wins
   * over one that differs only by a stop word ("La Halle" over "Halle").
   */
  readonly ambiguityMargin?: number
  /** Share of an account's contacts at a domain above which the contacts rule matches. Default 0.5 (a majority). */
  readonly contactMajority?: number
  /** Fewest contacts at the domain for the contacts rule. Default 1. */
  readonly minContactsAtDomain?: number
  /** Tied candidates: pick the lowest id and say so (default, deterministic), or report them as ambiguous. */
  readonly tieBreak?: TieBreak
  /** Free-mail domains, which never match. Default: the built-in list. */
  readonly freeMail?: FreeMailSet
  /** Related names scored to report the nearest miss when nothing matched. Default 5; 0 turns it off. */
  readonly nearMissCandidates?: number
}

/** Account-match options with every default filled in. */
export type ResolvedAccountMatchOptions = Required<AccountMatchOptions>

/** The defaults of account matching. */
export const DEFAULT_ACCOUNT_MATCH_OPTIONS: ResolvedAccountMatchOptions = {
  ...DEFAULT_NAME_SCORE_OPTIONS,
  nameThreshold: 0.9,
  ambiguityMargin: 0.005,
  contactMajority: 0.5,
  minContactsAtDomain: 1,
  tieBreak: 'lowest-id',
  freeMail: DEFAULT_FREE_MAIL,
  nearMissCandidates: 5,
}

/** Fills in the defaults. */
export function resolveAccountMatchOptions(options: AccountMatchOptions = {}): ResolvedAccountMatchOptions {
  if (options === DEFAULT_ACCOUNT_MATCH_OPTIONS || Object.keys(options).length === 0) return DEFAULT_ACCOUNT_MATCH_OPTIONS
  const defined = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined))
  return { ...DEFAULT_ACCOUNT_MATCH_OPTIONS, ...defined }
}
