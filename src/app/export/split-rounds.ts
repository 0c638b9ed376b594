import { normalizeEmail, normalizePersonName } from '../../matching/index.js'
import { companyDomain } from '../../engine/export/read-source.js'
import type { Signal } from '../../domain/export/signal.js'

/** The keys that say two signals are about one person: the normalized email, and the name at the company domain. */
function personKeys(signal: Signal): string[] {
  const keys: string[] = []
  const email = normalizeEmail(signal.person.email)
  if (email) keys.push(`email:${email}`)
  const name = normalizePersonName(signal.person)
  const domain = companyDomain(signal)
  if (name && domain) keys.push(`name:${name}|${domain}`)
  return keys
}

/**
 * Splits a batch into rounds so that two signals about one person never go out together: the
 * later one waits for a later round, when the first one's record exists and is updated
 * instead of created twice. Order within the file is kept for each person.
 */
export function splitRounds<T extends { readonly signal: Signal }>(items: readonly T[]): T[][] {
  const rounds: T[][] = []
  const lastRound = new Map<string, number>()
  for (const item of items) {
    const keys = personKeys(item.signal)
    const round = keys.reduce((r, k) => Math.max(r, (lastRound.get(k) ?? -1) + 1), 0)
    for (const k of keys) lastRound.set(k, round)
    ;(rounds[round] ??= []).push(item)
  }
  return rounds
}
