/**
 * Why the engine decided something. Every decision carries one; plans, explanations and
 * audit rows are built from these, never reconstructed afterwards.
 */
export interface Reason {
  /** A stable rule id, e.g. `system-of-record`, `match.email`, `echo`, `direction`. */
  readonly rule: string
  /** One readable sentence for a person. */
  readonly detail: string
  /** The fields this reason decided, when it decided values (one reason can cover several). */
  readonly fields?: readonly string[]
  /**
   * Set on a warning that a later run may clear by itself (a lookup to a company not linked
   * yet): the entity stays on the retry list and is planned again until it clears.
   */
  readonly retry?: true
}
