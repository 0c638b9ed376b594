import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { normalizeEmail } from './normalize-email.js'

describe('normalizeEmail', () => {
  const cases: [string | null, string | null][] = [
    ['  Jane.Doe@Acme.COM ', 'jane.doe@acme.com'],
    ['Jane Doe <jane@acme.com>', 'jane@acme.com'],
    ['mailto:jane@acme.com', 'jane@acme.com'],
    ['jane+crm@acme.com', 'jane+crm@acme.com'],
    ['J.A.N.E+news@gmail.com', 'jane@gmail.com'],
    ['jane@googlemail.com', 'jane@gmail.com'],
    ['jane+x@outlook.com', 'jane@outlook.com'],
    ['j.ane@outlook.com', 'j.ane@outlook.com'],
    ['jane@acme', null],
    ['jane@@acme.com', null],
    ['jane doe@acme.com', null],
    ['@acme.com', null],
    [null, null],
  ]
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${String(expected)}`, () => assert.equal(normalizeEmail(input), expected))
  }

  it('leaves free-mail aliases alone when told to', () => {
    assert.equal(normalizeEmail('J.ane+x@gmail.com', { canonicalizeFreeMail: false }), 'j.ane+x@gmail.com')
  })
})
