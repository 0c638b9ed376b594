import { foldText } from './fold-text.js'

/** A person's name in one of the shapes CRMs and signals give it. */
export interface PersonNameFields {
  readonly firstName?: string | null
  readonly lastName?: string | null
  /** The full name, used when first and last are both empty. */
  readonly name?: string | null
}

/**
 * A person's name folded for comparison: first and last (or the full name), case and accents
 * folded, punctuation dropped, spaces collapsed: "José  O'Neil" → `jose oneil`. Null when empty.
 */
export function normalizePersonName(fields: PersonNameFields): string | null {
  const parts = [fields.firstName, fields.lastName].filter((p): p is string => typeof p === 'string' && p.trim() !== '')
  const raw = parts.length > 0 ? parts.join(' ') : (fields.name ?? '')
  const folded = foldText(raw)
    .replace(/['’‘`´ʼ]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
  return folded === '' ? null : folded
}
