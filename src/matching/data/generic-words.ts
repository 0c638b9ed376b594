/**
 * Words that many unrelated companies share, so they say little about which company is
 * meant. They stay in the normalized name but weigh less: "Acme Group" still matches "Acme",
 * while "Acme Bank" (bank is not generic) does not. Each maps to one canonical spelling, so
 * plurals and translations agree ("ING Groep" = "ING Group"). Curated for this project from
 * the words that most often follow a brand in company registers, in the main CRM languages.
 */
export const GENERIC_WORDS: Readonly<Record<string, string>> = {
  ...same('group', ['group', 'groupe', 'gruppe', 'grupo', 'gruppo', 'groep', 'grupa']),
  ...same('holding', ['holding', 'holdings']),
  ...same('technology', ['technologies', 'technology', 'tech', 'technologie', 'technologien', 'tecnologia', 'tecnologias']),
  ...same('solution', ['solutions', 'solution', 'soluciones', 'solucoes']),
  ...same('system', ['systems', 'system', 'systemes', 'systeme', 'sistemas']),
  ...same('service', ['services', 'service', 'servicios', 'servicos']),
  ...same('international', ['international', 'internacional', 'internationale', 'intl']),
  ...same('industry', ['industries', 'industry', 'industrie']),
  ...same('enterprise', ['enterprises', 'enterprise']),
  ...same('partner', ['partners', 'partner']),
  ...same('associate', ['associates']),
  ...same('consulting', ['consulting', 'consultants']),
  ...same('lab', ['labs', 'lab']),
  ...same('venture', ['ventures']),
  ...same('network', ['networks']),
  ...same('product', ['products']),
  ...same('brand', ['brands']),
  ...same('company', ['companies']),
  global: 'global',
  worldwide: 'worldwide',
  software: 'software',
  digital: 'digital',
  interactive: 'interactive',
  online: 'online',
}

/** Spellings and translations of one generic word, all read as `canonical`. */
function same(canonical: string, words: readonly string[]): Record<string, string> {
  return Object.fromEntries(words.map((w) => [w, canonical]))
}

/**
 * Connecting words that carry almost no identity ("Bank of America" = "Bank America"). They
 * are kept in the compact key (so "DuPont" = "Du Pont") but weigh almost nothing.
 */
export const STOP_WORDS: readonly string[] = [
  'of', 'the', 'de', 'del', 'della', 'di', 'da', 'do', 'dos', 'das', 'du', 'des', 'la', 'le', 'les', 'el',
  'los', 'las', 'der', 'die', 'den', 'van', 'von', 'zu', 'zum', 'zur',
]

/** Conjunctions that are dropped outright: "&", "+", "and", "und", "et" all mean the same. */
export const CONJUNCTIONS: readonly string[] = ['and', 'und', 'et']
