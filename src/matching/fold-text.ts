/**
 * Letters that Unicode decomposition leaves alone (they are letters of their own, not a base
 * letter plus a mark), with the Latin spelling people type instead. Upper case is handled by
 * lower-casing first.
 */
const SPECIAL_LETTERS: Readonly<Record<string, string>> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ħ: 'h', ŀ: 'l', ĸ: 'k',
  ŋ: 'n', ſ: 's', ŧ: 't', ƒ: 'f',
}

/** German and Scandinavian spellings without the diacritic: Müller = Mueller, Møller = Moeller. */
const DIGRAPH_LETTERS: Readonly<Record<string, string>> = {
  ä: 'ae', ö: 'oe', ü: 'ue', ø: 'oe', å: 'aa', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue', Ø: 'Oe', Å: 'Aa',
}

const SPECIAL_PATTERN = /[ßæœøłđðþıħŀĸŋſŧƒ]/g
const DIGRAPH_PATTERN = /[äöüøåÄÖÜØÅ]/g
const MARKS = /\p{M}+/gu
// eslint-disable-next-line no-control-regex
const ASCII = /^[\x00-\x7f]*$/

/**
 * Lower-cases and folds accents: NFKD, then combining marks dropped, then the letters that
 * do not decompose (ß, æ, ø, ł, …) spelled out. Full-width and other compatibility forms
 * become plain letters. Scripts without a Latin spelling (CJK, Cyrillic) are kept as they are.
 */
export function foldText(text: string): string {
  // Most names are plain ASCII: nothing to decompose.
  if (ASCII.test(text)) return text.toLowerCase()
  return stripMarks(text.toLowerCase().replace(SPECIAL_PATTERN, (ch) => SPECIAL_LETTERS[ch] ?? ch))
}

/**
 * The text with umlauts and å written as two letters (Müller → Mueller, Ålesund → Aalesund),
 * or null when it has none, so callers index the second spelling only when there is one.
 */
export function spellDigraphs(text: string): string | null {
  const composed = text.normalize('NFC')
  if (!/[äöüøåÄÖÜØÅ]/.test(composed)) return null
  return composed.replace(DIGRAPH_PATTERN, (ch) => DIGRAPH_LETTERS[ch] ?? ch)
}

function stripMarks(text: string): string {
  return text.normalize('NFKD').replace(MARKS, '').normalize('NFC')
}
