/**
 * Industry and descriptor words: what a company does or sells, written after (or before) its
 * brand by some sources and left out by others ("Shellmark Petroleum" = "Shellmark", "Hollis
 * Pizza" = "Hollis"). Unlike generic words they often tell two companies apart ("Delta
 * Dental", "Delta Air Lines"), so they stay distinctive; only when the account index shows the
 * brand word belongs to a single account may one name carry them and the other not.
 *
 * Curated for this project from the words that most often follow a brand in business
 * registers and points-of-interest data; the account index adds its own frequent words.
 * Each entry is a normalized (folded, lower-case) word.
 */
export const DESCRIPTOR_WORDS: readonly string[] = [
  // energy, utilities, transport
  'petroleum', 'oil', 'gas', 'energy', 'energie', 'power', 'electric', 'electrical', 'electricity', 'utilities', 'utility',
  'water', 'fuel', 'fuels', 'station', 'stations', 'motor', 'motors', 'auto', 'automotive', 'cars', 'car', 'tires',
  'airlines', 'airline', 'airways', 'air', 'lines', 'line', 'transport', 'transportation', 'logistics', 'shipping',
  'freight', 'trucking', 'express', 'rail', 'railway', 'railways', 'bus', 'transit', 'taxi', 'mail', 'post', 'parcel',
  // food, retail, hospitality
  'pizza', 'pizzeria', 'restaurant', 'restaurants', 'cafe', 'coffee', 'bakery', 'bar', 'grill', 'kitchen', 'burger',
  'burgers', 'chicken', 'foods', 'food', 'market', 'markets', 'supermarket', 'supermarkets', 'store', 'stores', 'shop',
  'shops', 'retail', 'outlet', 'mart', 'pharmacy', 'drug', 'drugs', 'hotel', 'hotels', 'resort', 'resorts', 'inn',
  'travel', 'tours', 'beverages', 'brewery', 'brewing', 'wines', 'winery', 'dairy', 'farms', 'farm', 'fashion',
  'apparel', 'clothing', 'furniture', 'home', 'homes', 'garden', 'books', 'music', 'records', 'toys', 'goods',
  'sport', 'sports', 'sporting', 'fitness', 'gym', 'salon', 'beauty', 'cosmetics', 'jewelry', 'jewellers', 'optical',
  // finance, property, services
  'bank', 'banks', 'banking', 'bancorp', 'financial', 'finance', 'capital', 'credit', 'insurance', 'assurance',
  'investments', 'investment', 'securities', 'trust', 'savings', 'mortgage', 'realty', 'properties', 'property',
  'real', 'estate', 'construction', 'builders', 'engineering', 'contractors', 'management', 'marketing', 'media',
  'advertising', 'communications', 'telecom', 'telecommunications', 'wireless', 'mobile', 'cable', 'broadcasting',
  'publishing', 'press', 'news', 'studios', 'studio', 'entertainment', 'pictures', 'films', 'games', 'gaming',
  'design', 'creative', 'agency', 'staffing', 'recruitment', 'legal', 'law', 'accounting', 'security', 'cleaning',
  'printing', 'packaging', 'chemicals', 'chemical', 'steel', 'metals', 'mining', 'materials', 'plastics', 'paper',
  'textiles', 'manufacturing', 'machinery', 'equipment', 'tools', 'instruments', 'electronics', 'semiconductor',
  'computer', 'computers', 'data', 'cloud', 'web', 'internet', 'analytics', 'robotics', 'aerospace', 'defense',
  // health, science, education, public bodies
  'laboratories', 'laboratory', 'pharmaceuticals', 'pharmaceutical', 'pharma', 'biotech', 'therapeutics',
  'biosciences', 'sciences', 'science', 'medical', 'health', 'healthcare', 'hospital', 'clinic', 'care', 'dental',
  'veterinary', 'center', 'centers', 'institute', 'foundation', 'school', 'college', 'university', 'academy',
  'department', 'agency', 'authority', 'council', 'association', 'society', 'club', 'church', 'ministry',
  // public bodies and places, in the main CRM languages
  'city', 'town', 'village', 'county', 'municipality', 'municipal', 'municipalidad', 'municipio', 'prefeitura',
  'kommune', 'gemeinde', 'stadt', 'ville', 'hall', 'office', 'bureau', 'police', 'government', 'state', 'province',
  'region', 'regional', 'national', 'public', 'commercial', 'trading', 'trade', 'collection', 'plus', 'park',
  // shops and trades in other languages
  'lojas', 'loja', 'tienda', 'tiendas', 'magasin', 'supermercado', 'supermarche', 'supermarkt', 'markt', 'backerei',
  'baeckerei', 'boulangerie', 'panaderia', 'padaria', 'apotheke', 'farmacia', 'pharmacie', 'drogaria', 'drogeria',
  'restaurante', 'ristorante', 'banco', 'banque', 'seguros', 'viagens', 'hotelaria', 'autohaus', 'reformhaus',
]
