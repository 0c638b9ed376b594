/**
 * Salesforce record ids: 15 case-sensitive base-62 characters (key prefix, pod, counter) and
 * a 3-character suffix that encodes the case of the first 15, so the 18-character form can be
 * compared case-insensitively.
 */

/** Key prefixes of the objects the simulator serves, as Salesforce assigns them. */
export const keyPrefixes: Readonly<Record<string, string>> = {
  Account: '001',
  Contact: '003',
  Lead: '00Q',
  User: '005',
  Organization: '00D',
  Group: '00G',
  QueryLocator: '01g',
}

// Digits, then upper case, then lower case: the ASCII order, so string order is numeric order.
const base62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
const suffixAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345'
/** The pod part of every id the simulator makes (real ids carry the instance here). */
const pod = '8c0'

/** The 3-character checksum suffix of a 15-character id. */
export function idSuffix(id15: string): string {
  let out = ''
  for (let block = 0; block < 3; block++) {
    let bits = 0
    for (let i = 0; i < 5; i++) {
      const c = id15.charCodeAt(block * 5 + i)
      if (c >= 65 && c <= 90) bits |= 1 << i
    }
    out += suffixAlphabet[bits]
  }
  return out
}

/** Makes the n-th id of an object (n from 1), 18 characters with a valid suffix. */
export function makeId(prefix: string, n: number): string {
  let digits = ''
  let rest = n
  for (let i = 0; i < 9; i++) {
    digits = base62[rest % 62] + digits
    rest = Math.floor(rest / 62)
  }
  const id15 = prefix + pod + digits
  return id15 + idSuffix(id15)
}

/** The 18-character form of a 15- or 18-character id, or undefined when it is malformed. */
export function to18(id: string): string | undefined {
  if (!/^[0-9A-Za-z]{15}([0-9A-Za-z]{3})?$/.test(id)) return undefined
  const id15 = id.slice(0, 15)
  const full = id15 + idSuffix(id15)
  if (id.length === 18 && id.slice(15).toUpperCase() !== full.slice(15)) return undefined
  return full
}

/** The object an id belongs to by its key prefix, if the simulator knows it. */
export function objectOfId(id: string): string | undefined {
  const prefix = id.slice(0, 3)
  return Object.keys(keyPrefixes).find((name) => keyPrefixes[name] === prefix)
}

/** Reads the counter back out of an id the simulator made, so new ids continue after seeded ones. */
export function counterOf(id: string): number {
  let n = 0
  for (const ch of id.slice(6, 15)) n = n * 62 + base62.indexOf(ch)
  return n
}
