import { DESCRIPTOR_WORDS } from './data/descriptor-words.js'

const DESCRIPTORS: ReadonlySet<string> = new Set(DESCRIPTOR_WORDS)

/**
 * One reading for a word's plural or possessive and its singular: "jansons" and "janson",
 * "tonys" (Tony's, the apostrophe already gone) and "tony", "banks" and "bank". A final "s" is
 * dropped from words of four letters or more (not "ss"); descriptor words also lose "ing", so
 * "sporting" reads as "sport". The index files names under these stems, and the scorer pairs
 * two words with one stem only when it has the account index to weigh them.
 */
export function stemWord(word: string): string {
  const n = word.length
  if (n >= 6 && word.endsWith('ing') && DESCRIPTORS.has(word)) return word.slice(0, -3)
  if (n >= 4 && word.charCodeAt(n - 1) === 115 /* s */ && word.charCodeAt(n - 2) !== 115) return word.slice(0, -1)
  return word
}

/** True for industry and descriptor words ("pizza", "petroleum", "laboratories"). */
export function isDescriptorWord(word: string): boolean {
  return DESCRIPTORS.has(word) || DESCRIPTORS.has(stemWord(word))
}
