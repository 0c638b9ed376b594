/**
 * Abbreviations written in company names, read as the full word so "Univ. of Leeds" =
 * "University of Leeds" and "Acme Mfg" = "Acme Manufacturing" in both directions. Keys are
 * normalized words (dots and apostrophes already gone: "Int'l" → intl). Where a word has two readings ("St." is
 * Saint or Street) the one company names use most is taken; words that are also brands or
 * legal forms ("Co", "Uni", "Med") are left alone.
 */
export const ABBREVIATIONS: Readonly<Record<string, string>> = {
  univ: 'university',
  intl: 'international',
  internat: 'international',
  natl: 'national',
  dept: 'department',
  svcs: 'services',
  svc: 'service',
  srvcs: 'services',
  mfg: 'manufacturing',
  mfrs: 'manufacturers',
  bros: 'brothers',
  assn: 'association',
  assoc: 'association',
  ctr: 'center',
  cntr: 'center',
  centre: 'center',
  centres: 'centers',
  hosp: 'hospital',
  st: 'saint',
  ste: 'sainte',
  mt: 'mount',
  ft: 'fort',
  inst: 'institute',
  mgmt: 'management',
  mktg: 'marketing',
  engg: 'engineering',
  elec: 'electric',
  govt: 'government',
  pharm: 'pharmaceutical',
}
