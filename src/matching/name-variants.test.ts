import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { createCompanyIndex } from './company-index.js'
import { isPlaceholderName } from './is-placeholder-name.js'
import { matchAccount } from './match-account.js'
import type { AccountRecord } from './account-record.js'
import type { AccountMatchOptions } from './match-options.js'

/**
 * Real-world name variants against an index of accounts, one table per kind the matcher must
 * recall (issue 14), and the confusables and placeholders it must keep apart. Each account's
 * brand word is on that account alone, as a rare word is in a real CRM.
 */
const ACCOUNTS: AccountRecord[] = [
  'Shellmark', 'Orvella', 'Brightwell', 'Hollis', 'Norcliff Sporting Goods', 'Delta Air Lines', 'Marlow Bank',
  'Janson', 'Tony', 'Federal Systems Agency', 'Halden Regional Transit Authority', 'KLMP', 'Northgate Medical Centre (NMC)', 'Canada Mail / Poste Canada',
  'KVX (Kessler Vantage Exchange)', 'University of Leeds', 'Pellworth International', 'Korvath National Bank',
  'Ostrander Department of Health', 'Greyfield Services', 'Ardent Manufacturing', 'Calloway Brothers',
  'Vexley Company', 'Quillon Corporation', 'Halvard Association', 'Brisbane Heart Center', 'Saint Agnes Hospital',
  'Lumera Technology', 'Saint Albans Press', 'Ferrox Ltée', 'Zanetti S.R.L.', 'Tamberg OÜ', 'Novak d.o.o.',
  'Hoshino K.K.', 'Sharma Private Limited', 'Gupta (P) Ltd', 'Iberlux S.L.', 'Self-employed',
].map((name, i) => ({ id: `a${i}`, name }))

const index = createCompanyIndex(ACCOUNTS)

const VARIANTS: Record<string, [string, string][]> = {
  'descriptor on one side': [
    ['Shellmark Petroleum', 'Shellmark'],
    ['Orvella Service Station', 'Orvella'],
    ['Brightwell Laboratories', 'Brightwell'],
    ['Hollis Pizza', 'Hollis'],
  ],
  'each side its own word': [['Norcliff Sports', 'Norcliff Sporting Goods']],
  abbreviation: [
    ['Univ. of Leeds', 'University of Leeds'],
    ["Pellworth Int'l", 'Pellworth International'],
    ['Pellworth Intl', 'Pellworth International'],
    ["Korvath Nat'l Bank", 'Korvath National Bank'],
    ['Ostrander Dept. of Health', 'Ostrander Department of Health'],
    ['Greyfield Svcs', 'Greyfield Services'],
    ['Ardent Mfg', 'Ardent Manufacturing'],
    ['Calloway Bros', 'Calloway Brothers'],
    ['Vexley Co.', 'Vexley Company'],
    ['Quillon Corp.', 'Quillon Corporation'],
    ['Halvard Assn.', 'Halvard Association'],
    ['Brisbane Heart Ctr.', 'Brisbane Heart Center'],
    ['St. Agnes Hosp.', 'Saint Agnes Hospital'],
    ['Lumera Tech', 'Lumera Technology'],
    ['St Albans Press', 'Saint Albans Press'],
  ],
  'four-letter initials': [
    ['HRTA', 'Halden Regional Transit Authority'],
    ['Kestrel Lumber Mill Partners', 'KLMP'],
  ],
  initialism: [
    ['Northgate Medical Center', 'Northgate Medical Centre (NMC)'],
    ['NMC', 'Northgate Medical Centre (NMC)'],
    ['Poste Canada', 'Canada Mail / Poste Canada'],
    ['Canada Mail', 'Canada Mail / Poste Canada'],
    ['Kessler Vantage Exchange', 'KVX (Kessler Vantage Exchange)'],
    ['KVX', 'KVX (Kessler Vantage Exchange)'],
  ],
  'plural and possessive': [
    ['Marlow Banks', 'Marlow Bank'],
    ['Jansons', 'Janson'],
    ["Janson's", 'Janson'],
    ["Tony's", 'Tony'],
  ],
  'legal form': [
    ['Ferrox', 'Ferrox Ltée'],
    ['Ferrox Limitée', 'Ferrox Ltée'],
    ['Zanetti Srl', 'Zanetti S.R.L.'],
    ['Tamberg', 'Tamberg OÜ'],
    ['Novak', 'Novak d.o.o.'],
    ['Hoshino Kabushiki Kaisha', 'Hoshino K.K.'],
    ['Sharma Pvt Ltd', 'Sharma Private Limited'],
    ['Gupta Private Limited', 'Gupta (P) Ltd'],
    ['Gupta Pvt', 'Gupta (P) Ltd'],
    ['Iberlux', 'Iberlux S.L.'],
  ],
}

/** Kinds matched only with opt-in rules (off by default: they cost precision). */
const OPT_IN: Record<string, AccountMatchOptions> = {
  'descriptor on one side': { descriptorMatching: true },
  'each side its own word': { descriptorMatching: true, pluralStems: true },
  // Four-letter initials are opt-in too: some belong to another organization alone in the index.
  'four-letter initials': { initialsMatching: true, minUniqueAcronymLength: 4 },
  'plural and possessive': { pluralStems: true },
}

describe('name variants match their account, with the reason and score', () => {
  for (const [kind, pairs] of Object.entries(VARIANTS)) {
    for (const [query, expected] of pairs) {
      it(`${kind}: "${query}" → "${expected}"`, () => {
        const r = matchAccount({ name: query }, index, OPT_IN[kind] ?? {})
        assert.equal(r.status, 'matched', JSON.stringify(r.nearMiss ?? r.candidates))
        assert.equal(r.accountName, expected)
        assert.equal(r.rule, 'name')
        assert.ok(r.score >= 0.9 && r.score <= 1)
        assert.match(r.evidence[0] ?? '', /^name ".*" ~ ".*" \d\.\d\d/)
      })
    }
  }
})

describe('descriptor rule is opt-in', () => {
  for (const [query, expected] of [...(VARIANTS['descriptor on one side'] ?? []), ['Patagonia Bank', 'Patagonia']]) {
    it(`by default "${query}" does not match "${expected}": a brand word plus an industry word is often another company`, () => {
      const accounts = createCompanyIndex([...ACCOUNTS, { id: 'p', name: 'Patagonia, Inc.' }])
      const r = matchAccount({ name: query }, accounts)
      assert.equal(r.status, 'unmatched', r.evidence.join('; '))
      assert.match(r.nearMiss?.shortfall ?? '', /words without a counterpart/)
    })
  }
})

describe('plural stems, reordered words and initials aliases', () => {
  it('"International House of Pancakes" is not "Pancake House": the same stems in another order', () => {
    const r = matchAccount({ name: 'International House of Pancakes' }, createCompanyIndex([{ id: 'p', name: 'Pancake House' }]), { pluralStems: true })
    assert.equal(r.status, 'unmatched', r.evidence.join('; '))
    assert.match(r.nearMiss?.shortfall ?? '', /another order/)
  })
  it('a stem of fewer than four letters is not paired: "EBU" is not "eBus"', () => {
    assert.equal(matchAccount({ name: 'EBU' }, createCompanyIndex([{ id: 'e', name: 'eBus' }]), { pluralStems: true }).status, 'unmatched')
  })
  it('by default a plural or possessive is another word: "Valentino\'s" is not "Valentino"', () => {
    const accounts = createCompanyIndex([{ id: 'v', name: 'Valentino' }])
    assert.equal(matchAccount({ name: "Valentino's" }, accounts).status, 'unmatched')
    assert.equal(matchAccount({ name: "Valentino's" }, accounts, { pluralStems: true }).accountId, 'v')
  })
  it('an initials alias several accounts carry does not decide: "AMA (Azienda Mobilità Aquilana)" with "AMA" and "AMA SpA"', () => {
    const accounts = createCompanyIndex([{ id: 'a', name: 'AMA' }, { id: 'b', name: 'AMA SpA' }])
    assert.notEqual(matchAccount({ name: 'AMA (Azienda Mobilità Aquilana)' }, accounts).status, 'matched')
    assert.equal(matchAccount({ name: 'AMA (Azienda Mobilità Aquilana)' }, createCompanyIndex([{ id: 'a', name: 'AMA' }])).accountId, 'a')
  })
})

describe('three-letter initials', () => {
  it('"FSA" matches "Federal Systems Agency" when options let three letters count; by default they are too often another organization', () => {
    const accounts = createCompanyIndex([{ id: 'f', name: 'Federal Systems Agency' }])
    assert.equal(matchAccount({ name: 'FSA' }, accounts, { initialsMatching: true, minUniqueAcronymLength: 3 }).accountId, 'f')
    assert.equal(matchAccount({ name: 'Federal Systems Agency' }, createCompanyIndex([{ id: 'f', name: 'FSA' }]), { initialsMatching: true, minUniqueAcronymLength: 3 }).accountId, 'f')
    const r = matchAccount({ name: 'FSA' }, accounts)
    assert.equal(r.status, 'unmatched')
    assert.match(r.nearMiss?.shortfall ?? '', /only the initials agree/)
  })
})

describe('confusables stay apart', () => {
  const cases: [string, AccountRecord[]][] = [
    ['Delta Dental', [{ id: 'd', name: 'Delta Air Lines' }]],
    ['Hollis Pizza', [{ id: 'h1', name: 'Hollis' }, { id: 'h2', name: 'Hollis Motors' }]],
    ['Acme Rockets', [{ id: 'a', name: 'Acme' }]],
    ['Sony Music', [{ id: 's', name: 'Sony Pictures' }]],
    ['Zenit Bank', [{ id: 'z', name: 'Zenith Bank' }]],
  ]
  for (const [query, accounts] of cases) {
    it(`"${query}" does not match ${accounts.map((a) => `"${a.name ?? ''}"`).join(', ')}`, () => {
      const r = matchAccount({ name: query }, createCompanyIndex(accounts))
      assert.notEqual(r.status, 'matched', r.evidence.join('; '))
    })
  }

  it('names the words that decided a near miss and their weight', () => {
    const r = matchAccount({ name: 'Hollis Pizza' }, createCompanyIndex([{ id: 'h1', name: 'Hollis' }, { id: 'h2', name: 'Hollis Motors' }]))
    assert.equal(r.status, 'unmatched')
    assert.match(r.nearMiss?.shortfall ?? '', /words without a counterpart: pizza \(the shared words are on 2 accounts/)
    assert.ok(r.nearMiss?.evidence.some((e) => /^deciding words \(weight\): hollis 0\.55, 2 accounts; pizza 0\.45, no counterpart/.test(e)), r.nearMiss?.evidence.join('; '))
  })
})

describe('placeholders never match', () => {
  const placeholders = [
    'Self-employed', 'Self Employed', 'Self-emplyed', 'Freelance', 'Freelancer', 'N/A', 'None', 'Retired', 'Retird',
    'Stealth Startup', 'Stealth Startup Inc.', 'Confidential', 'Confidental', 'Autónomo', 'Selbstständig', 'Indépendant',
    'Independant', 'Unemployed', 'Jubilado', 'Retraité', 'Zelfstandige', 'Egenföretagare',
  ]
  const withTwins = createCompanyIndex([...ACCOUNTS, ...placeholders.map((name, i) => ({ id: `p${i}`, name }))])
  for (const name of placeholders) {
    it(`"${name}" is a placeholder and matches no account, not even one of the same name`, () => {
      assert.equal(isPlaceholderName(name), true)
      const r = matchAccount({ name }, withTwins)
      assert.equal(r.status, 'unmatched')
      assert.match(r.evidence.join('; '), /is a placeholder, not a company, and never matches an account/)
    })
  }
  for (const name of ['-', '?', '...']) {
    it(`"${name}" is no name at all and matches nothing`, () => assert.equal(matchAccount({ name }, withTwins).status, 'unmatched'))
  }
  for (const name of ['Retail Partners', 'Persona', 'Freeland Logistics', 'Independent Bank', 'Noneland']) {
    it(`"${name}" is a company name, not a placeholder`, () => assert.equal(isPlaceholderName(name), false))
  }
})

describe('free-mail never matches, as an email; a provider that is a company keeps its website', () => {
  const accounts = createCompanyIndex([
    { id: 'zoho', name: 'Zoho Corporation', website: 'https://www.zoho.com' },
    { id: 'ya', name: 'Yandex', website: 'yandex.ru' },
    { id: 'gm', name: 'Gmail Fans Club', website: 'gmail.com' },
  ])
  for (const email of ['jane@zoho.com', 'ivan@yandex.ru', 'max@gmx.de', 'bob@gmail.com', 'ann@seznam.cz']) {
    it(`${email} matches no account`, () => {
      const r = matchAccount({ email }, accounts)
      assert.equal(r.status, 'unmatched')
      assert.match(r.evidence.join('; '), /is a free-mail domain and never matches an account/)
    })
  }
  it('the website zoho.com is the company Zoho', () => assert.equal(matchAccount({ website: 'zoho.com' }, accounts).accountId, 'zoho'))
  it('the website gmail.com names no company', () => assert.equal(matchAccount({ website: 'gmail.com' }, accounts).status, 'unmatched'))
})
