import type { FieldValue } from '../domain/records.js'
import type { FieldRow } from '../domain/mapping.js'
import type { Reason } from '../domain/reason.js'
import { normalizeValue, sameValue, showValue } from '../domain/normalize-value.js'

/** One system's side of a row for one entity, in System of Record order. */
export interface RowSide {
  readonly system: string
  /** Current value, or undefined when the record does not exist there yet. */
  readonly value: FieldValue | undefined
  /** When the record (or the field, where history exists) last changed, in ms. */
  readonly changedAt: number
  /** May revsync read this side as a source of the row? */
  readonly source: boolean
  /** May revsync write this side? */
  readonly target: boolean
}

/** What to do with one row of one entity. */
export type RowDecision =
  | {
      readonly kind: 'set'
      /** The value every written side must hold; becomes the row's last-synced value. */
      readonly winner: FieldValue
      /** The sides to write (existing records whose value differs, and records being created). */
      readonly writes: readonly string[]
      readonly reason: Reason
    }
  | { readonly kind: 'hold'; readonly reason: Reason; readonly candidates: readonly { system: string; value: FieldValue }[] }

/**
 * Settles one field row for one entity, per SPEC.md "Semantics of one field row": picks the
 * winner by the row's policy and lists the sides that must be written to hold it.
 * `last` is the value revsync last saw agreed (undefined before the first sync).
 */
export function decideRow(row: FieldRow, sides: readonly RowSide[], last: FieldValue | undefined): RowDecision {
  const sources = sides.filter((s) => s.source && s.value !== undefined)
  const outcome = pickWinner(row, sources, last)
  if ('hold' in outcome) return outcome.hold
  const winner = normalizeValue(outcome.winner)
  // Outside `always` a blank never wins: with no value to win, every side keeps its own, so a
  // one-way target (or a record being created elsewhere) never costs a side the value it holds.
  const blankWins = winner !== null || outcome.blankWins === true
  const writes = sides
    .filter((s) => s.target && (s.value === undefined ? winner !== null : blankWins && !sameValue(s.value, winner, row.compare)))
    .map((s) => s.system)
  return { kind: 'set', winner, writes, reason: outcome.reason }
}

/** A winner (`blankWins` only when `always` takes a blank top system), or a hold. */
type Outcome = { winner: FieldValue; reason: Reason; blankWins?: true } | { hold: RowDecision & { kind: 'hold' } }

function pickWinner(row: FieldRow, sources: readonly RowSide[], last: FieldValue | undefined): Outcome {
  switch (row.policy) {
    case 'always':
      return sources[0]
        ? { winner: normalizeValue(sources[0].value), blankWins: true, reason: { rule: 'always', detail: `${sources[0].system} is the System of Record and always wins, blank included` } }
        : keep(last, 'no source record exists yet')
    case 'system-of-record':
      return systemOfRecord(sources, last)
    case 'most-recent':
      return mostRecent(row, sources, last)
    case 'manual':
      return manual(row, sources, last)
  }
}

/**
 * No source offers a value to win. A value synced before stays (and refills a side that lost it);
 * with none, the row is left blank where it is blank and untouched where it is not.
 */
function keep(last: FieldValue | undefined, detail = 'no source holds a value'): Outcome {
  const kept = normalizeValue(last)
  return kept === null
    ? { winner: null, reason: { rule: 'no-value', detail: `${detail} and none was synced before; nothing is written, since a blank never wins` } }
    : { winner: kept, reason: { rule: 'unchanged', detail: `${detail}; the last synced value ${showValue(kept)} stays` } }
}

function systemOfRecord(sources: readonly RowSide[], last: FieldValue | undefined): Outcome {
  const top = sources.find((s) => normalizeValue(s.value) !== null)
  if (!top) return keep(last)
  const higherBlank = sources.slice(0, sources.indexOf(top)).map((s) => s.system)
  const detail = higherBlank.length === 0
    ? `${top.system} is highest in System of Record order with a value`
    : `${top.system} holds ${showValue(top.value)} while ${higherBlank.join(', ')} above it ${higherBlank.length === 1 ? 'is' : 'are'} blank`
  return { winner: normalizeValue(top.value), reason: { rule: 'system-of-record', detail } }
}

/** Sides whose value differs from the last synced one: the changes since the last run. */
function changedSides(row: FieldRow, sources: readonly RowSide[], last: FieldValue | undefined): RowSide[] {
  return sources.filter((s) => last === undefined || !sameValue(s.value, last, row.compare))
}

function mostRecent(row: FieldRow, sources: readonly RowSide[], last: FieldValue | undefined): Outcome {
  // A change to blank never wins: the blanked side is refilled from the others.
  const changed = changedSides(row, sources, last).filter((s) => normalizeValue(s.value) !== null)
  if (changed.length === 0) return blankIgnored('most-recent', sources, last) ?? keep(last, 'no side changed to a value since the last sync')
  const latest = [...changed].sort((a, b) => b.changedAt - a.changedAt)
  const first = latest[0] as RowSide
  const rival = latest.find((s) => !sameValue(s.value, first.value, row.compare))
  if (rival && first.changedAt - rival.changedAt <= row.toleranceMs) {
    return hold(`${first.system} and ${rival.system} changed within ${row.toleranceMs / 1000}s of each other; not guessed`, 'most-recent.too-close', sources)
  }
  const detail = rival
    ? `${first.system} changed to ${showValue(first.value)} after ${rival.system} changed to ${showValue(rival.value)}`
    : `${first.system} changed to ${showValue(first.value)}`
  return { winner: normalizeValue(first.value), reason: { rule: 'most-recent', detail } }
}

function manual(row: FieldRow, sources: readonly RowSide[], last: FieldValue | undefined): Outcome {
  // As everywhere outside `always`, a change to blank never wins: it is not a conflict either.
  const changed = changedSides(row, sources, last).filter((s) => normalizeValue(s.value) !== null)
  const distinct = changed.filter((s, i) => changed.findIndex((o) => sameValue(o.value, s.value, row.compare)) === i)
  if (distinct.length > 1) {
    return hold(`${distinct.map((s) => `${s.system} has ${showValue(s.value)}`).join(', ')}; held for review`, 'manual.conflict', sources)
  }
  const only = distinct[0]
  if (!only) return blankIgnored('manual', sources, last) ?? keep(last, 'no side changed to a value since the last sync')
  return { winner: normalizeValue(only.value), reason: { rule: 'manual.one-side', detail: `only ${only.system} changed (to ${showValue(only.value)}); it propagates` } }
}

/** Sides blanked since a value was synced: the blank never wins, and they are refilled with it. */
function blankIgnored(policy: string, sources: readonly RowSide[], last: FieldValue | undefined): Outcome | undefined {
  const blanked = sources.filter((s) => normalizeValue(s.value) === null).map((s) => s.system)
  if (blanked.length === 0 || normalizeValue(last) === null) return undefined
  return { winner: normalizeValue(last), reason: { rule: `${policy}.blank-ignored`, detail: `${blanked.join(', ')} changed to blank, which never wins; refilled with ${showValue(last)}` } }
}

/** Holds a row; every source's value is kept, so a person sees them side by side and a later change to any of them is noticed. */
function hold(detail: string, rule: string, sides: readonly RowSide[]): Outcome {
  return {
    hold: {
      kind: 'hold',
      reason: { rule, detail },
      candidates: sides.map((s) => ({ system: s.system, value: normalizeValue(s.value) })),
    },
  }
}
