import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { normalizeCompanyName } from './normalize-company-name.js'

describe('normalizeCompanyName: the normalized key', () => {
  const cases: [string, string][] = [
    ['UserGems, Inc.', 'user gems'],
    ['Usergems', 'usergems'],
    ['Amazon.com, Inc.', 'amazon'],
    ['Booking.com B.V.', 'booking'],
    ['The Home Depot, Inc.', 'home depot'],
    ['Home Depot, The', 'home depot'],
    ['The Limited', 'limited'],
    ['ACME GmbH & Co. KG', 'acme'],
    ['Acme GmbH&Co.KG', 'acme'],
    ['Acme Holding AG & Co. KGaA', 'acme holding'],
    ['Grupo Bimbo, S.A.B. de C.V.', 'grupo bimbo'],
    ['Acme S. de R.L. de C.V.', 'acme'],
    ['Acme Pty Ltd', 'acme'],
    ['Acme (Pty) Ltd', 'acme'],
    ['Acme Pvt. Ltd.', 'acme'],
    ['MPK Poznań Sp. z o.o.', 'mpk poznan'],
    ['Acme Sp.z.o.o.', 'acme'],
    ['Luxottica S.p.A.', 'luxottica'],
    ['Philips N.V.', 'philips'],
    ['Acme B.V.', 'acme'],
    ['Maersk A/S', 'maersk'],
    ['Nokia Oyj', 'nokia'],
    ['Volvo AB (publ)', 'volvo'],
    ['Toshiba K.K.', 'toshiba'],
    ['Samsung Electronics Co., Ltd.', 'samsung electronics'],
    ['Acme Corp.', 'acme'],
    ['Acme Corporation', 'acme'],
    ['Acme Incorporated', 'acme'],
    ['Acme Limited', 'acme'],
    ['Shell PLC', 'shell'],
    ['Acme LLP', 'acme'],
    ['Acme L.P.', 'acme'],
    ['Acme SARL', 'acme'],
    ['Acme SAS', 'acme'],
    ['Acme S.L.', 'acme'],
    ['Acme Ltda.', 'acme'],
    ['PT Bank Central Asia Tbk', 'bank central asia'],
    ['OOO Yandex', 'yandex'],
    ['ООО «Ромашка»', 'ромашка'],
    ['トヨタ自動車株式会社', 'トヨタ自動車'],
    ['Kabushiki Kaisha Toshiba', 'toshiba'],
    ['Lincoln Motor Company Holdings', 'lincoln motor holdings'],
    ['Acme GmbH Berlin', 'acme berlin'],
    ['Nestlé S.A.', 'nestle'],
    ['Société Générale', 'societe generale'],
    ['Straße & Bäckerei', 'strasse backerei'],
    ['Ørsted A/S', 'orsted'],
    ['Łódź Logistics', 'lodz logistics'],
    ['ＡＣＭＥ', 'acme'],
    ["McDonald's Corporation", 'mcdonalds'],
    ['H & M', 'hm'],
    ['A. O. Smith Corporation', 'ao smith'],
    ['I.B.M.', 'ibm'],
    ['AT&T Inc.', 'at t'],
    ['Procter & Gamble Co.', 'procter gamble'],
    ['Procter and Gamble', 'procter gamble'],
    ['Pérez y Cía', 'perez'],
    ['LinkedIn Corporation', 'linked in'],
    ['LoveSac', 'love sac'],
    ['Hero MotoCorp', 'hero moto corp'],
    ['Katholische Kita gGmbH Trier', 'katholische kita trier'],
    ['ING Groep N.V.', 'ing groep'],
    ['Acme Holdings', 'acme holdings'],
  ]
  for (const [input, key] of cases) {
    it(`${input} → ${key}`, () => assert.equal(normalizeCompanyName(input)?.key, key))
  }

  for (const input of ['', '   ', '&', '...', null, undefined]) {
    it(`${JSON.stringify(input)} → null`, () => assert.equal(normalizeCompanyName(input), null))
  }
})

describe('normalizeCompanyName: weighted words and what was done', () => {
  it('weighs generic words less and gives distinctive words a share by length', () => {
    const n = normalizeCompanyName('Acme Software Group')
    assert.deepEqual(
      n?.words.map((w) => [w.text, w.kind, Math.round(w.weight * 100) / 100]),
      [['acme', 'distinctive', 1], ['software', 'generic', 0.1], ['group', 'generic', 0.1]],
    )
    assert.equal(n?.core, 'acme')
    assert.equal(n?.compact, 'acmesoftwaregroup')
  })

  it('treats generic words as distinctive when the name has nothing else', () => {
    assert.equal(normalizeCompanyName('Global Solutions Inc')?.kinds, 'dd')
    assert.equal(normalizeCompanyName('Bank of America')?.kinds, 'dsd')
  })

  it('reports the legal forms removed, with their families', () => {
    const n = normalizeCompanyName('Acme Holding GmbH & Co. KG')
    assert.deepEqual(n?.legalForms, ['kg'])
    assert.deepEqual(n?.removedLegalForms, ['gmbh co kg'])
    assert.ok(n?.steps.includes('legal-form'))
  })

  it('records the steps that changed the name', () => {
    const n = normalizeCompanyName('The UserGems.com & Co')
    for (const step of ['the', 'camel-case', 'dot-com', 'ampersand', 'legal-form'] as const) assert.ok(n?.steps.includes(step), step)
  })

  it('gives initials of three or more words as the acronym', () => {
    assert.equal(normalizeCompanyName('International Business Machines Corp.')?.acronym, 'ibm')
    assert.equal(normalizeCompanyName('Hewlett Packard')?.acronym, null)
  })

  it('spells umlauts as two letters in a second reading', () => {
    assert.deepEqual(normalizeCompanyName('Müller GmbH')?.digraph?.tokens, ['mueller'])
    assert.equal(normalizeCompanyName('Acme GmbH')?.digraph, null)
  })
})
