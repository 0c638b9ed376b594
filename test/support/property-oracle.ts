/**
 * An oracle for one field row of one entity, written from SPEC.md section 2 "Semantics of one
 * field row" and nothing else: it shares no code with `src/engine`, so a mistake in the engine
 * is not repeated here. Property tests compare the engine's decisions and the systems' state
 * after a run with what this oracle says.
 */

/** A field value as systems hold it. */
export type OracleValue = string | number | boolean | null

export type OraclePolicy = 'system-of-record' | 'always' | 'most-recent' | 'manual'

/** One row as the oracle needs it. */
export interface OracleRow {
  readonly policy: OraclePolicy
  readonly compare: 'exact' | 'ignore-case'
  readonly toleranceMs: number
  /** One-way rows: the only system read, and the only system written. */
  readonly oneWay?: { readonly from: string; readonly to: string }
}

/** One system's side of the row, in System of Record order; only systems that hold a record. */
export interface OracleSide {
  readonly system: string
  readonly value: OracleValue
  /** The record's modification time in ms (the SPEC's fallback when there is no field history). */
  readonly changedAt: number
}

/**
 * What SPEC.md says must happen to the row: a winner every written system must hold, a hold
 * (review queue, nothing written), `keep` where no value wins and none was agreed before (a
 * blank never wins outside `always`, so nothing is written and every side keeps what it holds),
 * or `unspecified` where the SPEC names no winner (every source blank after they agreed on a
 * value, or no source record while a value was agreed): there the tests only ask the systems to agree.
 */
export type OracleVerdict =
  | { readonly kind: 'set'; readonly winner: OracleValue; readonly rule: string }
  | { readonly kind: 'hold'; readonly rule: string }
  | { readonly kind: 'keep'; readonly rule: string }
  | { readonly kind: 'unspecified'; readonly rule: string }

/** "normalized: trimmed, blank = empty or null". */
export function norm(value: OracleValue | undefined): OracleValue {
  if (value === undefined || value === null) return null
  if (typeof value !== 'string') return value
  const t = value.trim()
  return t === '' ? null : t
}

/** Equality after normalization; systems disagree on types, so non-blank values compare as text. */
export function same(a: OracleValue | undefined, b: OracleValue | undefined, compare: OracleRow['compare']): boolean {
  const x = norm(a)
  const y = norm(b)
  if (x === null || y === null) return x === y
  return compare === 'ignore-case' ? String(x).toLowerCase() === String(y).toLowerCase() : String(x) === String(y)
}

const set = (winner: OracleValue | undefined, rule: string): OracleVerdict => ({ kind: 'set', winner: norm(winner), rule })

/**
 * The verdict for one row. `sides` are the systems the row names that hold a record, in System
 * of Record order; `last` is L, the value last agreed (undefined before the first sync).
 */
export function oracleRow(row: OracleRow, sides: readonly OracleSide[], last: OracleValue | undefined): OracleVerdict {
  // "direction A -> B: only B is written, and it mirrors A per the policy": only A is read.
  const sources = row.oneWay ? sides.filter((s) => s.system === row.oneWay?.from) : [...sides]
  if (sources.length === 0) return norm(last ?? null) === null ? noWinner(last, 'no source record') : { kind: 'unspecified', rule: 'no source record' }
  // "A system changed when Vi ≠ L"; before the first sync there is no L, so every side counts.
  const changed = sources.filter((s) => last === undefined || !same(s.value, last, row.compare))
  switch (row.policy) {
    case 'always':
      // "the winner is V1, blank included."
      return set(sources[0]?.value, 'always: V1')
    case 'system-of-record': {
      // "the winner is Vi of the first system in order with a non-blank value".
      const top = sources.find((s) => norm(s.value) !== null)
      if (top) return set(top.value, `system-of-record: ${top.system} is the first non-blank`)
      return norm(last ?? null) === null ? noWinner(last, 'system-of-record: every source blank') : { kind: 'unspecified', rule: 'system-of-record: every source blanked a value' }
    }
    case 'most-recent':
      return mostRecent(row, changed, last)
    case 'manual': {
      // "a change on one side propagates; different changes on two sides go to the review queue";
      // a blank never wins outside `always`, so a change to blank is no change that propagates.
      const toValue = changed.filter((s) => norm(s.value) !== null)
      const distinct = toValue.filter((s, i) => toValue.findIndex((o) => same(o.value, s.value, row.compare)) === i)
      if (distinct.length > 1) return { kind: 'hold', rule: 'manual: different changes' }
      if (distinct.length === 1) return set(distinct[0]?.value, `manual: only ${distinct[0]?.system} changed`)
      return noWinner(last, 'manual: nothing changed to a value')
    }
  }
}

/** No value wins: a value agreed before stays (`L` refills), and with none, a blank never wins, so nothing is written. */
function noWinner(last: OracleValue | undefined, rule: string): OracleVerdict {
  return norm(last ?? null) === null ? { kind: 'keep', rule: `${rule}; nothing agreed before, so a blank never wins` } : set(last, `${rule}; L stays`)
}

/**
 * "among systems that changed to a non-blank value, the latest change wins; changes to blank
 * are ignored and the blanked system is refilled; two changes within the configured clock
 * tolerance are not guessed: they go to the review queue."
 */
function mostRecent(row: OracleRow, changed: readonly OracleSide[], last: OracleValue | undefined): OracleVerdict {
  const candidates = changed.filter((s) => norm(s.value) !== null)
  if (candidates.length === 0) return noWinner(last, 'most-recent: no change to a value')
  const latestAt = Math.max(...candidates.map((s) => s.changedAt))
  const latest = candidates.filter((s) => s.changedAt === latestAt)
  const value = latest[0]?.value ?? null
  // A different value changed within the tolerance of the latest one (a tie included): not guessed.
  const rival = candidates.some((s) => !same(s.value, value, row.compare) && latestAt - s.changedAt <= row.toleranceMs)
  if (rival) return { kind: 'hold', rule: 'most-recent: two changes within the tolerance' }
  return set(value, 'most-recent: the latest change')
}

/**
 * revsync's rule on top of the SPEC for rows in the review queue: a held row stays held until
 * one of its sides changes value (a side that was not there when it was held counts as
 * unchanged while blank), so an unrelated edit, or revsync's own write to the record, never
 * settles it on a person's behalf. `held` is each side's value when the row was held.
 */
export function stillHeld(held: ReadonlyMap<string, OracleValue> | undefined, sides: readonly OracleSide[], compare: OracleRow['compare']): boolean {
  if (!held) return false
  const present = [...held.keys()].every((system) => sides.some((side) => side.system === system))
  return present && sides.every((side) => (held.has(side.system) ? same(side.value, held.get(side.system) ?? null, compare) : norm(side.value) === null))
}
