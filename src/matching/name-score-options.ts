/** Weights and limits of the company-name score; every field has a default. */
export interface NameScoreOptions {
  /** Weight of a generic word (group, holdings, solutions) found on one side only. Default 0.1. */
  readonly genericWeight?: number
  /** Weight of a stop word (of, de, der) found on one side only. Default 0.02. */
  readonly stopWeight?: number
  /**
   * Factor on the generic words when both names have generic words the other lacks ("Acme
   * Systems" vs "Acme Solutions"): they contradict each other rather than add detail. Default 3.
   */
  readonly conflictFactor?: number
  /** Taken off when both names carry legal forms of different families (GmbH vs Inc). Default 0.03. */
  readonly legalFormPenalty?: number
  /** Taken off when the distinctive words agree but stand in another order ("China Bank" vs "Bank of China"). Default 0.1. */
  readonly wordOrderPenalty?: number
  /** Score of an acronym-only likeness (IBM ~ International Business Machines). Default 0.8: a weak signal, below the threshold. */
  readonly acronymScore?: number
  /** Most one-letter typos tolerated across a name's distinctive words. Default 1. */
  readonly maxTypos?: number
  /**
   * Shortest word in which a typo is tolerated. Default 8: in shorter words one letter is
   * often the whole difference between two companies (Zenit/Zenith, Loire/Loiret).
   */
  readonly minTypoLength?: number
  /**
   * Let a descriptor word on one side only through ("Hollis Pizza" ~ "Hollis") when the index
   * shows the shared words belong to one account. Default false: on the million-account
   * benchmark it matched held-out real companies to another company of the same brand word
   * ("Patagonia Bank" → Patagonia, Inc.) and near misses with a word dropped, where the strict
   * rule (every distinctive word finds a counterpart) made no false match.
   */
  readonly descriptorMatching?: boolean
  /**
   * Weight of a descriptor word (pizza, petroleum, laboratories, or a word at least
   * `commonWordAccounts` accounts carry) on one side only, when the index shows the shared
   * words belong to one account. Default 0.1, as a generic word: "Hollis Pizza" ~ "Hollis" scores 0.95.
   */
  readonly descriptorWeight?: number
  /** Accounts carrying a word from which it counts as a descriptor, like an industry word. Default 50. */
  readonly commonWordAccounts?: number
  /** Most accounts the shared words may belong to for a descriptor to be let through. Default 1. */
  readonly uniqueWordAccounts?: number
  /**
   * Let initials that one account alone has match ("ICBMC" ~ "International Copper Bearing
   * Machines Consortium", at `uniqueAcronymScore`). Default false: at a million accounts a
   * near miss's initials spelled another company's one-word name ("Brihanmumbai Electric
   * Supply and Transport établissements" → Beste Inc.); without it initials score
   * `acronymScore` and are reported as the nearest miss. An alias of initials a name carries
   * ("Northgate Medical Centre (NMC)") still matches when one account alone has it.
   */
  readonly initialsMatching?: boolean
  /** Score of initials that one account alone has ("FSA" ~ "Federal Systems Agency"). Default 0.92. */
  readonly uniqueAcronymScore?: number
  /**
   * Fewest letters initials need for `uniqueAcronymScore`; shorter ones keep `acronymScore`.
   * Default 5: three- and four-letter initials ("CRV", "RCBC", "KCPL") too often belong to an
   * unrelated organization that is the only one in the index with them (measured in
   * bench/matching-recall: four letters found 104 right accounts and 4 wrong ones).
   */
  readonly minUniqueAcronymLength?: number
  /**
   * Pair plural and possessive forms of a word ("Marlow Banks" ~ "Marlow Bank", "Tony's" ~
   * "Tony") with the index's word counts. Default false: on the million-account benchmark it
   * matched held-out real companies to another one ("Valentino's" → Valentino, "Bonobos" →
   * Bonobo, "Domino's Pizza" → Domino Pizza), where the strict rule made no false match.
   */
  readonly pluralStems?: boolean
  /** Likeness of a plural or possessive pair ("Tony's" ~ "Tony"). Default 0.98. */
  readonly stemSimilarity?: number
}

/** The name-score options with every default filled in. */
export type ResolvedNameScoreOptions = Required<NameScoreOptions>

/** The defaults of the name score. */
export const DEFAULT_NAME_SCORE_OPTIONS: ResolvedNameScoreOptions = {
  genericWeight: 0.1,
  stopWeight: 0.02,
  conflictFactor: 3,
  legalFormPenalty: 0.03,
  wordOrderPenalty: 0.1,
  acronymScore: 0.8,
  maxTypos: 1,
  minTypoLength: 8,
  descriptorMatching: false,
  descriptorWeight: 0.1,
  commonWordAccounts: 50,
  uniqueWordAccounts: 1,
  initialsMatching: false,
  uniqueAcronymScore: 0.92,
  minUniqueAcronymLength: 5,
  pluralStems: false,
  stemSimilarity: 0.98,
}
