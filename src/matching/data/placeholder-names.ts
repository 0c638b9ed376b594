/**
 * What people type in a company field when they have no company to name: these never match
 * an account, and an account carrying one is never matched by name. Written as people write
 * them; the matcher normalizes them with the company-name pipeline and also catches one typo
 * in the longer ones ("Self-emplyed"). Curated for this project in the languages revsync's
 * users write most.
 */
export const PLACEHOLDER_NAMES: readonly string[] = [
  // English
  'Self-employed', 'Self employed', 'Selfemployed', 'Self', 'Freelance', 'Freelancer', 'Freelancing', 'Independent',
  'Independent Consultant', 'Independent Contractor', 'Consultant', 'Contractor', 'Sole Trader', 'Sole Proprietor',
  'N/A', 'NA', 'N.A.', 'None', 'Nothing', 'Null', 'Nil', 'No Company', 'No', 'Unknown', 'Not Applicable',
  'Not Available', 'Not Employed', 'Unemployed', 'Retired', 'Retiree', 'Student', 'Homemaker', 'Stay at home',
  'Stay at home parent', 'Between jobs', 'Looking for work', 'Open to work', 'Job seeker', 'Seeking opportunities',
  'Stealth', 'Stealth Startup', 'Stealth Mode', 'Stealth Mode Startup', 'Confidential', 'Private', 'Undisclosed',
  'Individual', 'Myself', 'Me', 'Test', 'Test Company', 'Company', 'My Company', 'Various',
  'Other', 'TBD', 'TBA', 'Xxx', 'Asdf', 'Default', 'Sample', 'Example', 'Dummy',
  // Spanish, Portuguese, Italian
  'Autónomo', 'Autonoma', 'Trabajador autónomo', 'Independiente', 'Jubilado', 'Jubilada', 'Ninguna', 'Ninguno',
  'Desempleado', 'Particular', 'Autônomo', 'Autonomo', 'Aposentado', 'Nenhuma', 'Desempregado', 'Libero professionista',
  'Pensionato', 'Nessuna', 'Disoccupato',
  // German, Dutch
  'Selbstständig', 'Selbständig', 'Selbststaendig', 'Freiberufler', 'Freiberuflich', 'Rentner', 'Rentnerin',
  'Ruhestand', 'Im Ruhestand', 'Keine', 'Privat', 'Arbeitslos', 'Zzp', 'Zzp er', 'Zelfstandige', 'Zelfstandig',
  'Zelfstandig ondernemer', 'Gepensioneerd', 'Geen',
  // French
  'Indépendant', 'Indépendante', 'Auto-entrepreneur', 'Autoentrepreneur', 'Micro-entrepreneur', 'Freelance indépendant',
  'Retraité', 'Retraitée', 'Aucune', 'Aucun', 'Sans emploi', 'Particulier', 'Libéral',
  // Nordic, Polish
  'Egenföretagare', 'Selvstændig', 'Selvstendig', 'Pensionär', 'Pensjonist', 'Pensionist', 'Ingen', 'Yrittäjä', 'Eläkeläinen',
  'Samozatrudniony', 'Emeryt', 'Brak',
  // Punctuation-only entries ("-", "?", "...") are no name at all and never reach the matcher.
]
