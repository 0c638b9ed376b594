import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { emailDomain, normalizeDomain, websiteDomain } from './normalize-domain.js'

describe('normalizeDomain', () => {
  const cases: [string | null | undefined, string | null][] = [
    ['www.acme.co.uk', 'acme.co.uk'],
    ['https://acme.com/about', 'acme.com'],
    ['sales.acme.com', 'acme.com'],
    ['Jane@Sales.Acme.com', 'acme.com'],
    ['  ACME.COM  ', 'acme.com'],
    ['http://www.acme.com.au/contact?x=1#top', 'acme.com.au'],
    ['acme.com.', 'acme.com'],
    ['mailto:jane@acme.de', 'acme.de'],
    ['Jane Doe <jane.doe@acme.fr>', 'acme.fr'],
    ['https://acme.github.io/site', 'acme.github.io'],
    ['shop.acme.myshopify.com', 'acme.myshopify.com'],
    ['bücher.de', 'xn--bcher-kva.de'],
    ['xn--bcher-kva.de', 'xn--bcher-kva.de'],
    ['acme', null],
    ['acme.local', null],
    ['127.0.0.1', null],
    ['http://192.168.1.10/admin', null],
    ['', null],
    ['   ', null],
    ['not a url', null],
    ['jane@', null],
    ['@acme.com', null],
    [null, null],
    [undefined, null],
  ]
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${String(expected)}`, () => assert.equal(normalizeDomain(input), expected))
  }
})

describe('emailDomain', () => {
  const cases: [string, string | null][] = [
    ['jane@acme.com', 'acme.com'],
    ['JANE@MAIL.ACME.CO.JP', 'acme.co.jp'],
    ['acme.com', null],
    ['jane@acme.com/x', null],
    ['jane doe@', null],
  ]
  for (const [input, expected] of cases) {
    it(`${input} → ${String(expected)}`, () => assert.equal(emailDomain(input), expected))
  }
})

describe('websiteDomain', () => {
  const cases: [string, string | null][] = [
    ['https://www.facebook.com/acmepizza', null],
    ['linkedin.com/company/acme', null],
    ['https://acme.wixsite.com/home', 'acme.wixsite.com'],
    ['https://www.facebook.com', 'facebook.com'],
    ['https://www.facebook.com/', 'facebook.com'],
    ['https://about.google/', 'about.google'],
    ['https://acme.com/facebook', 'acme.com'],
    ['jane@acme.com', 'acme.com'],
  ]
  for (const [input, expected] of cases) {
    it(`${input} → ${String(expected)}`, () => assert.equal(websiteDomain(input), expected))
  }
})
