import { createHash, timingSafeEqual } from 'node:crypto'

/**
 * True when two secrets or signatures are equal, compared in constant time. Both sides are
 * hashed first, so strings of different lengths take the same time too (timingSafeEqual
 * itself throws on a length mismatch, which would tell the length away).
 */
export function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given, 'utf8').digest()
  const b = createHash('sha256').update(expected, 'utf8').digest()
  return timingSafeEqual(a, b)
}
