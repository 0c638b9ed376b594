import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { normalizeCompanyName } from './normalize-company-name.js'
import { scoreCompanyNames } from './score-company-names.js'

/** The name rule's decision: every distinctive word has a counterpart and the score reaches 0.9. */
function sameCompany(a: string, b: string): { same: boolean; score: number } {
  const na = normalizeCompanyName(a)
  const nb = normalizeCompanyName(b)
  assert.ok(na !== null && nb !== null)
  const s = scoreCompanyNames(na, nb)
  return { same: s.unmatched.length === 0 && s.score >= 0.9, score: s.score }
}

/** Real company names written two ways: the same company. */
const MATCHES: [string, string][] = [
  ['UserGems', 'UserGems, Inc.'],
  ['Acme Corp', 'ACME, Inc.'],
  ['Amazon.com, Inc.', 'Amazon'],
  ['The Coca-Cola Company', 'Coca Cola'],
  ['Siemens AG', 'Siemens Aktiengesellschaft'],
  ['Volkswagen AG', 'VOLKSWAGEN'],
  ['Robert Bosch GmbH', 'Robert Bosch'],
  ['Dr. Oetker GmbH & Co. KG', 'Dr Oetker'],
  ['Nestlé S.A.', 'Nestle'],
  ['Société Générale S.A.', 'Societe Generale'],
  ["L'Oréal S.A.", "L'Oreal"],
  ['Grupo Bimbo, S.A.B. de C.V.', 'Grupo Bimbo'],
  ['Cemex S.A.B. de C.V.', 'CEMEX'],
  ['Fomento Económico Mexicano, S.A.B. de C.V.', 'Fomento Economico Mexicano'],
  ['BHP Group Limited', 'BHP'],
  ['Woolworths Group Limited', 'Woolworths'],
  ['Telstra Corporation Ltd', 'Telstra'],
  ['Commonwealth Bank of Australia', 'Commonwealth Bank of Australia Pty Ltd'],
  ['Tata Consultancy Services Limited', 'Tata Consultancy Services'],
  ['Infosys Ltd.', 'Infosys Limited'],
  ['Reliance Industries Ltd', 'Reliance Industries Limited'],
  ['PT Bank Central Asia Tbk', 'Bank Central Asia'],
  ['OOO Yandex', 'Yandex LLC'],
  ['CD Projekt S.A.', 'CD PROJEKT'],
  ['Asseco Poland Spółka Akcyjna', 'Asseco Poland S.A.'],
  ['Żabka Polska Sp. z o.o.', 'Zabka Polska'],
  ['Koninklijke Philips N.V.', 'Koninklijke Philips'],
  ['Heineken N.V.', 'Heineken'],
  ['ING Groep N.V.', 'ING Group'],
  ['Spotify Technology S.A.', 'Spotify'],
  ['Nokia Oyj', 'Nokia Corporation'],
  ['Novo Nordisk A/S', 'Novo Nordisk'],
  ['A.P. Møller - Mærsk A/S', 'AP Moller Maersk'],
  ['Equinor ASA', 'Equinor'],
  ['H&M Hennes & Mauritz AB', 'H & M Hennes and Mauritz'],
  ['Skanska AB (publ)', 'Skanska'],
  ['Toyota Motor Corporation', 'Toyota Motor Corp.'],
  ['Sony Group Corporation', 'Sony'],
  ['Samsung Electronics Co., Ltd.', 'Samsung Electronics'],
  ['Hyundai Motor Company', 'Hyundai Motor Co.'],
  ['Tencent Holdings Ltd.', 'Tencent'],
  ['Alibaba Group Holding Limited', 'Alibaba Group'],
  ["McDonald's Corporation", 'McDonalds'],
  ['AT&T Inc.', 'AT and T'],
  ['Procter & Gamble Co.', 'Procter and Gamble'],
  ['Johnson & Johnson', 'Johnson and Johnson'],
  ['Ernst & Young LLP', 'Ernst and Young'],
  ['PricewaterhouseCoopers LLP', 'Pricewaterhouse Coopers'],
  ['JPMorgan Chase & Co.', 'JP Morgan Chase'],
  ['The Home Depot, Inc.', 'Home Depot'],
  ['Booking Holdings Inc.', 'Booking.com'],
  ['Müller Holding GmbH & Co. KG', 'Mueller Holding'],
  ['Bayerische Motoren Werke AG', 'Bayerische Motoren Werke Aktiengesellschaft'],
  ['Deutsche Bank Aktiengesellschaft', 'Deutsche Bank AG'],
  ['Banco Santander, S.A.', 'Banco Santander'],
  ['Itaú Unibanco Holding S.A.', 'Itau Unibanco'],
  ['Telefónica, S.A.', 'Telefonica'],
  ['UniCredit S.p.A.', 'Unicredit SpA'],
  ['Saudi Arabian Oil Company', 'Saudi Arabian Oil Co'],
  ['Emirates Telecommunications Group Company PJSC', 'Emirates Telecommunications'],
  ['Naspers Limited', 'Naspers'],
  ['MTN Group Ltd', 'MTN'],
  ['Accenture plc', 'Accenture'],
  ['Mitsubishi UFJ Financial Group, Inc.', 'Mitsubishi UFJ Financial Group'],
  ['トヨタ自動車株式会社', 'トヨタ自動車'],
  ['Kabushiki Kaisha Toshiba', 'Toshiba Corporation'],
  ['SAP SE', 'SAP'],
  ['Airbus SE', 'AIRBUS'],
  ['Ørsted A/S', 'Oersted'],
  ['Hewlett Packard Enterprise Company', 'Hewlett-Packard Enterprise'],
  ['Shopify Inc.', 'Shopify'],
  ['Acme Technologies', 'Acme Technology'],
  ['Bank of America, N.A.', 'Bank America Corp'],
  ['Hamburger Verkehrsverbund GmbH', 'Hamburger Verkehrsvebrund'],
]

/** Names that overlap but belong to different companies: they must not match. */
const NEAR_MISSES: [string, string][] = [
  ['Acme Corp', 'Acme Bank'],
  ['Acme', 'Acme Bank'],
  ['General Motors', 'General Mills'],
  ['American Airlines', 'American Express'],
  ['Delta Air Lines', 'Delta Dental'],
  ['Bank of America', 'Bank of China'],
  ['Deutsche Bank', 'Deutsche Post'],
  ['Johnson & Johnson', 'Johnson Controls'],
  ['United Airlines', 'United Technologies'],
  ['Apple Inc.', 'Apple Hospitality REIT'],
  ['Amazon', 'Amazon Web Services'],
  ['Siemens', 'Siemens Healthineers'],
  ['Ford Motor Company', 'Ford Foundation'],
  ['Compaq', 'Compal Electronics'],
  ['Mattel', 'Martel'],
  ['Zenith Bank', 'Zenit Bank'],
  ['Acme Systems', 'Acme Solutions'],
  ['IBM', 'International Business Machines'],
  ['Microsoft', 'Mircosoft'],
  ['Stadtwerke Bühl', 'Stadtwerke Brühl'],
  ['Communauto', 'Communauté'],
  ["Valentino's", 'Valentino'],
  ['Air France', 'Air China'],
  ['China Mobile', 'China Unicom'],
  ['Sony Music', 'Sony Pictures'],
  ['Banco Santander', 'Banco Sabadell'],
  ['First National Bank of Omaha', 'First National Bank of Texas'],
  ['Samsung Electronics', 'Samsung SDI'],
  ['Toyota Motor', 'Toyota Tsusho'],
  ['Coca-Cola', 'Coca-Cola Europacific Partners'],
  ['Volkswagen AG', 'Volkswagen Financial Services AG'],
  ['LoveSac', 'Love Sacks'],
  ['China Bank', 'Bank of China'],
]

describe('company names: real-world pairs that are the same company', () => {
  for (const [a, b] of MATCHES) {
    it(`"${a}" ~ "${b}"`, () => {
      const r = sameCompany(a, b)
      assert.ok(r.same, `scored ${r.score}`)
      assert.deepEqual(sameCompany(b, a), r, 'the score is symmetric')
    })
  }
})

describe('company names: near misses that must not match', () => {
  for (const [a, b] of NEAR_MISSES) {
    it(`"${a}" ≁ "${b}"`, () => {
      const r = sameCompany(a, b)
      assert.equal(r.same, false, `scored ${r.score}`)
    })
  }
})

describe('scoreCompanyNames: how the score is built', () => {
  it('is 1 for the same name after normalization', () => {
    const s = scoreCompanyNames(normalizeCompanyName('User Gems')!, normalizeCompanyName('UserGems, Inc.')!)
    assert.equal(s.score, 1)
    assert.equal(s.likeness, 'same-name')
  })

  it('takes a small penalty for legal forms of different families', () => {
    const s = scoreCompanyNames(normalizeCompanyName('Acme Corp')!, normalizeCompanyName('ACME, Inc.')!)
    assert.equal(Math.round(s.score * 100), 97)
    assert.equal(s.legalFormsDiffer, true)
    assert.equal(scoreCompanyNames(normalizeCompanyName('Acme Inc')!, normalizeCompanyName('Acme Incorporated')!).score, 1)
  })

  it('weighs a generic word on one side lightly and contradicting generic words heavily', () => {
    const one = scoreCompanyNames(normalizeCompanyName('Acme')!, normalizeCompanyName('Acme Group')!)
    assert.equal(Math.round(one.score * 1000), 952)
    assert.deepEqual(one.extraWords, ['group'])
    const two = scoreCompanyNames(normalizeCompanyName('Acme Systems')!, normalizeCompanyName('Acme Solutions')!)
    assert.ok(two.score < 0.8)
  })

  it('names the distinctive words without a counterpart', () => {
    const s = scoreCompanyNames(normalizeCompanyName('Acme Corp')!, normalizeCompanyName('Acme Bank')!)
    assert.deepEqual(s.unmatched, ['bank'])
    assert.equal(s.score, 0.75)
  })

  it('tolerates one typo in a long word when another word agrees, and says so', () => {
    const s = scoreCompanyNames(normalizeCompanyName('Hamburger Verkehrsverbund')!, normalizeCompanyName('Hamburger Verkehrsvebrund')!)
    assert.deepEqual(s.typos, [['verkehrsverbund', 'verkehrsvebrund']])
    assert.ok(s.score > 0.95)
  })

  it('gives initials the acronym score, a weak signal below the threshold', () => {
    const s = scoreCompanyNames(normalizeCompanyName('IBM')!, normalizeCompanyName('International Business Machines Corp')!)
    assert.equal(s.likeness, 'acronym')
    assert.equal(s.score, 0.8)
    const raised = scoreCompanyNames(normalizeCompanyName('IBM')!, normalizeCompanyName('International Business Machines')!, { acronymScore: 0.92 })
    assert.equal(raised.score, 0.92)
  })

  it('lets generic words agree in another spelling, a little below the same spelling', () => {
    const s = scoreCompanyNames(normalizeCompanyName('ING Groep')!, normalizeCompanyName('ING Group')!)
    assert.equal(Math.round(s.score * 100), 99)
    assert.deepEqual(s.extraWords, [])
  })

  it('takes the word-order penalty when the same words stand in another order', () => {
    const s = scoreCompanyNames(normalizeCompanyName('Lambeth London Borough')!, normalizeCompanyName('London Borough of Lambeth')!)
    assert.equal(s.reordered, true)
    assert.equal(Math.round(s.score * 100), 89)
  })

  it('reads umlauts both ways', () => {
    const s = scoreCompanyNames(normalizeCompanyName('Müller')!, normalizeCompanyName('Mueller')!)
    assert.equal(s.score, 1)
    assert.equal(s.digraphs, true)
  })
})
