import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { hubspotRecordSets } from './hubspot-record-sets.js'
import { sugarRecordSet } from './sugar-record-set.js'

describe('record sets of a delivery', () => {
  it('HubSpot: one set per object, each id once, for classic and object.* subscriptions', () => {
    const body = JSON.stringify([
      { eventId: 1, subscriptionType: 'contact.propertyChange', objectId: 11, propertyName: 'jobtitle', propertyValue: 'CTO' },
      { eventId: 2, subscriptionType: 'contact.propertyChange', objectId: 11, propertyName: 'phone', propertyValue: '1' },
      { eventId: 3, subscriptionType: 'object.creation', objectTypeId: '0-1', objectId: 12 },
      { eventId: 4, subscriptionType: 'company.deletion', objectId: 21 },
      { eventId: 5, subscriptionType: 'contact.merge', primaryObjectId: 13, mergedObjectIds: [14] },
      { eventId: 6, subscriptionType: 'app.install' },
    ])
    const delivery = hubspotRecordSets(body, 'hs')
    assert.deepEqual(delivery, {
      ok: true,
      events: 6,
      sets: [
        { system: 'hs', object: 'contacts', ids: ['11', '12', '13', '14'] },
        { system: 'hs', object: 'companies', ids: ['21'] },
      ],
    })
  })

  it('HubSpot: a body that is not a JSON array of events is refused', () => {
    assert.equal(hubspotRecordSets('{"objectId":1}', 'hs').ok, false)
    assert.equal(hubspotRecordSets('not json', 'hs').ok, false)
    assert.equal(hubspotRecordSets('[1]', 'hs').ok, false)
  })

  it('Sugar: the record in data, or a flat module and id', () => {
    assert.deepEqual(sugarRecordSet('{"isUpdate":true,"data":{"id":"c-1","_module":"Contacts","title":"x"}}', 'sugar'), { ok: true, set: { system: 'sugar', object: 'Contacts', ids: ['c-1'] } })
    assert.deepEqual(sugarRecordSet('{"module":"Leads","id":"l-2"}', 'sugar'), { ok: true, set: { system: 'sugar', object: 'Leads', ids: ['l-2'] } })
    assert.equal(sugarRecordSet('{"data":{"_module":"Leads"}}', 'sugar').ok, false)
  })
})
