import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { RemoteRecord } from '../../domain/records.js'
import { OwnKeyCache } from './own-key-cache.js'

const ann: RemoteRecord = { id: '1', object: 'Contacts', fields: { email1: 'ann@globex.example' }, modifiedAt: '2026-01-01T00:00:00.000Z' }

describe('OwnKeyCache: one duplicate lookup a page', () => {
  it('answers for keys the last lookup covered, in the same system only', () => {
    const cache = new OwnKeyCache()
    cache.set('sugar', ['ann@globex.example', 'bo@globex.example'], new Map([['ann@globex.example', [ann]]]))
    assert.deepEqual(cache.get('sugar', ['bo@globex.example'])?.get('ann@globex.example'), [ann])
    assert.equal(cache.get('hubspot', ['bo@globex.example']), undefined)
    assert.equal(cache.get('sugar', ['bo@globex.example', 'cy@globex.example']), undefined, 'a key not looked up asks again')
  })

  it('keeps only the last answer, so memory holds one page', () => {
    const cache = new OwnKeyCache()
    cache.set('sugar', ['ann@globex.example'], new Map([['ann@globex.example', [ann]]]))
    cache.set('sugar', ['cy@globex.example'], new Map())
    assert.equal(cache.get('sugar', ['ann@globex.example']), undefined)
  })
})
