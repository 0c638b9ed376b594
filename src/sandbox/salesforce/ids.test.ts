import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { counterOf, idSuffix, makeId, objectOfId, to18 } from './ids.js'

describe('salesforce ids', () => {
  it('computes the case-encoding suffix as Salesforce does', () => {
    assert.equal(idSuffix('001A0000006Vm9r'), 'IAC')
    assert.equal(to18('001A0000006Vm9r'), '001A0000006Vm9rIAC')
    assert.equal(to18('001A0000006Vm9rIAC'), '001A0000006Vm9rIAC')
    assert.equal(to18('001A0000006Vm9riac'), '001A0000006Vm9rIAC', 'the suffix is case-insensitive')
    assert.equal(to18('001A0000006Vm9rAAA'), undefined, 'a wrong suffix is malformed')
    assert.equal(to18('not-an-id'), undefined)
  })

  it('makes 18-character ids with the key prefix, in creation order', () => {
    const ids = [1, 61, 62, 1000, 238_327].map((n) => makeId('00Q', n))
    for (const id of ids) {
      assert.match(id, /^00Q[0-9A-Za-z]{15}$/)
      assert.equal(to18(id), id)
      assert.equal(objectOfId(id), 'Lead')
    }
    assert.deepEqual([...ids].sort(), ids, 'string order is creation order')
    assert.deepEqual(ids.map(counterOf), [1, 61, 62, 1000, 238_327])
  })
})
