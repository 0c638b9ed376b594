import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { parseSalesforceSeed } from './seed.js'
import { runSoql } from './soql-run.js'
import { SoqlError } from './soql-parser.js'
import { createSalesforceState } from './state.js'

const clock = Date.parse('2026-11-22T16:27:42.250Z')
const state = createSalesforceState(
  parseSalesforceSeed({
    users: [
      { Id: '0058c0000000001AAA', Username: 'ana@x.example', Email: 'ana@x.example', LastName: 'Alves' },
      { Id: '0058c0000000002AAA', Username: 'bo@x.example', Email: 'bo@x.example', LastName: 'Berg', IsActive: false },
    ],
    leads: [
      { LastName: 'Ng', Company: 'Acme', Email: 'NG@acme.example', State: 'CA', OwnerId: '0058c0000000002AAA', NumberOfEmployees: 50 },
      { LastName: "O'Hara", Company: 'Globex', Email: 'oh@globex.example', State: 'NY', NumberOfEmployees: 5 },
      { LastName: 'Zed', Company: 'Initech', State: null, SystemModstamp: '2026-11-20T10:00:00.000+0000' },
    ],
  }),
  () => clock,
)
const ids = (soql: string): string[] => runSoql(state, soql, '62.0', false).map((r) => String(r.LastName))

describe('salesforce simulator: SOQL', () => {
  const cases: [string, string, string[]][] = [
    ['equality is case-insensitive', "SELECT LastName FROM Lead WHERE Email = 'ng@ACME.example'", ['Ng']],
    ['IN and NOT IN', "SELECT LastName FROM Lead WHERE State IN ('ca', 'NY') AND State NOT IN ('NY')", ['Ng']],
    ['LIKE with wildcards and an escaped quote', "SELECT LastName FROM Lead WHERE LastName LIKE 'o\\'h%'", ["O'Hara"]],
    ['parentheses mix AND and OR', "SELECT LastName FROM Lead WHERE (State = 'CA' OR State = 'NY') AND NumberOfEmployees > 10", ['Ng']],
    ['null literal', 'SELECT LastName FROM Lead WHERE State = null', ['Zed']],
    ['unquoted datetime literal, inclusive', 'SELECT LastName FROM Lead WHERE SystemModstamp >= 2026-11-22T16:27:42.000Z ORDER BY LastName', ["Ng", "O'Hara"]],
    ['datetime with an offset', 'SELECT LastName FROM Lead WHERE SystemModstamp < 2026-11-20T12:00:01+02:00', ['Zed']],
    ['relationship field in WHERE', "SELECT LastName FROM Lead WHERE Owner.IsActive = false", ['Ng']],
    ['ORDER BY DESC puts nulls last', 'SELECT LastName FROM Lead ORDER BY State DESC', ["O'Hara", 'Ng', 'Zed']],
    ['ORDER BY ASC NULLS LAST, LIMIT and OFFSET', 'SELECT LastName FROM Lead ORDER BY State ASC NULLS LAST LIMIT 2 OFFSET 1', ["O'Hara", 'Zed']],
  ]
  for (const [name, soql, expected] of cases) it(name, () => assert.deepEqual(ids(soql), expected))

  it('answers records with attributes, relationship objects and seconds-only timestamps', () => {
    const [record] = runSoql(state, "SELECT Id, Owner.Email, SystemModstamp FROM Lead WHERE LastName = 'Ng'", '62.0', false)
    assert.deepEqual(Object.keys(record!), ['attributes', 'Id', 'Owner', 'SystemModstamp'])
    assert.equal(record!.SystemModstamp, '2026-11-22T16:27:42.000+0000')
    assert.deepEqual((record!.Owner as Record<string, unknown>).Email, 'bo@x.example')
    assert.match(String((record!.attributes as { url: string }).url), /^\/services\/data\/v62\.0\/sobjects\/Lead\/00Q/)
  })

  const errors: [string, string, string, RegExp][] = [
    ['unknown column', 'SELECT Foo FROM Lead', 'INVALID_FIELD', /No such column 'Foo' on entity 'Lead'/],
    ['unknown object', 'SELECT Id FROM Leads', 'INVALID_TYPE', /sObject type 'Leads' is not supported/],
    ['quoted datetime', "SELECT Id FROM Lead WHERE SystemModstamp > '2026-01-01T00:00:00Z'", 'INVALID_FIELD', /must be of type dateTime and should not be enclosed in quotes/],
    ['AND and OR without parentheses', "SELECT Id FROM Lead WHERE State = 'CA' AND State = 'NY' OR State = 'TX'", 'MALFORMED_QUERY', /unexpected token: 'OR'/],
    ['a textarea in WHERE', "SELECT Id FROM Lead WHERE Description = 'x'", 'INVALID_FIELD', /can not be filtered/],
    ['a malformed id', "SELECT Id FROM Lead WHERE Id = 'abc'", 'INVALID_QUERY_FILTER_OPERATOR', /invalid ID field: abc/],
  ]
  for (const [name, soql, code, message] of errors) {
    it(`refuses ${name} with ${code}`, () => {
      assert.throws(() => runSoql(state, soql, '62.0', false), (e: unknown) => e instanceof SoqlError && e.errorCode === code && message.test(e.message))
    })
  }
})
