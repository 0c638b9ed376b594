import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import type { Signal } from '../../domain/export/signal.js'
import { createPersonIndex } from '../../matching/index.js'
import { chooseExisting } from './choose-existing.js'

const signal = (email: string): Signal => ({ person: { firstName: 'Olga', lastName: 'Original', email }, company: { name: 'Acme', domain: 'acme.com' } })
const leadsInto = (into: Record<string, string>) => ({ object: 'Lead', recordOf: (id: string) => into[id] })

describe('chooseExisting through converted leads', () => {
  const contacts = createPersonIndex([{ id: '003A', email: 'olga.married@acme.com', firstName: 'Olga', lastName: 'Married' }])

  it('finds the contact a converted lead became by the lead\'s email', () => {
    const converted = createPersonIndex([{ id: '00QA', email: 'olga@acme.com', firstName: 'Olga', lastName: 'Original' }])
    const choice = chooseExisting(signal('olga@acme.com'), [{ object: 'Contact', index: contacts }, { object: 'Contact', index: converted, convertedFrom: leadsInto({ '00QA': '003A' }) }])
    assert.equal(choice.kind, 'found')
    assert.deepEqual(choice.kind === 'found' && [choice.object, choice.id], ['Contact', '003A'])
    assert.match(choice.reason.detail, /a converted Lead that became Contact 003A/)
  })

  it('takes two leads converted into one contact as that contact, and refuses leads converted into two', () => {
    const twice = createPersonIndex([{ id: '00QA', email: 'olga@acme.com' }, { id: '00QB', email: 'olga@acme.com' }])
    const one = chooseExisting(signal('olga@acme.com'), [{ object: 'Contact', index: twice, convertedFrom: leadsInto({ '00QA': '003A', '00QB': '003A' }) }])
    assert.deepEqual(one.kind === 'found' && one.id, '003A')
    const two = chooseExisting(signal('olga@acme.com'), [{ object: 'Contact', index: twice, convertedFrom: leadsInto({ '00QA': '003A', '00QB': '003B' }) }])
    assert.equal(two.kind, 'ambiguous')
  })

  it('reports a contact found directly and through its lead once', () => {
    const converted = createPersonIndex([{ id: '00QA', email: 'olga.married@acme.com' }])
    const choice = chooseExisting(signal('olga.married@acme.com'), [{ object: 'Contact', index: contacts }, { object: 'Contact', index: converted, convertedFrom: leadsInto({ '00QA': '003A' }) }])
    assert.deepEqual(choice.kind === 'found' && choice.id, '003A')
    assert.doesNotMatch(choice.reason.detail, /also found/)
  })

  it('names each object it looked in once when no one is found, converted leads included', () => {
    const converted = createPersonIndex([{ id: '00QA', email: 'olga@acme.com' }])
    const choice = chooseExisting(signal('nobody@acme.com'), [{ object: 'Contact', index: contacts }, { object: 'Contact', index: converted, convertedFrom: leadsInto({ '00QA': '003A' }) }, { object: 'Lead', index: createPersonIndex([]) }])
    assert.equal(choice.kind, 'none')
    assert.match(choice.reason.detail, /^no existing Contact or Lead: /)
  })
})
