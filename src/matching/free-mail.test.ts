import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { createFreeMailSet, DEFAULT_FREE_MAIL } from './free-mail.js'

describe('free-mail set', () => {
  const cases: [string, boolean][] = [
    ['gmail.com', true],
    ['googlemail.com', true],
    ['outlook.com', true],
    ['hotmail.com', true],
    ['hotmail.co.uk', true],
    ['live.fr', true],
    ['yahoo.com', true],
    ['yahoo.co.jp', true],
    ['icloud.com', true],
    ['me.com', true],
    ['aol.com', true],
    ['proton.me', true],
    ['protonmail.com', true],
    ['gmx.de', true],
    ['gmx.net', true],
    ['web.de', true],
    ['mail.ru', true],
    ['yandex.ru', true],
    ['qq.com', true],
    ['163.com', true],
    ['GMAIL.COM', true],
    ['alibaba.com', false],
    ['google.com', false],
    ['microsoft.com', false],
    ['yahoo-inc.com', false],
    ['acme.com', false],
    ['gmailcompany.com', false],
  ]
  for (const [domain, expected] of cases) {
    it(`${domain} → ${expected}`, () => assert.equal(DEFAULT_FREE_MAIL.has(domain), expected))
  }

  const fromPackage: [string, boolean, boolean][] = [
    // domain, free-mail for an email, blocked as a company website
    ['zoho.com', true, false],
    ['yandex.ru', true, false],
    ['gmx.de', true, false],
    ['mail.ru', true, true],
    ['seznam.cz', true, true],
    ['gmail.com', true, true],
    ['hotmail.com', true, false],
    ['alibaba.com', false, false],
    ['acme.com', false, false],
  ]
  for (const [domain, email, website] of fromPackage) {
    it(`${domain}: free-mail as an email ${email}, blocked as a website ${website}`, () => {
      assert.equal(DEFAULT_FREE_MAIL.has(domain), email)
      assert.equal(DEFAULT_FREE_MAIL.blocksWebsite?.(domain), website)
    })
  }

  it('adds and removes entries from config; removal beats the provider wildcard', () => {
    const set = createFreeMailSet({ add: ['regional-isp.net'], remove: ['me.com', 'yahoo.fr'] })
    assert.equal(set.has('regional-isp.net'), true)
    assert.equal(set.has('me.com'), false)
    assert.equal(set.has('yahoo.fr'), false)
    assert.equal(set.has('yahoo.de'), true)
    assert.equal(DEFAULT_FREE_MAIL.has('me.com'), true)
  })
})
