import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { matchPerson } from './match-person.js'
import { createPersonIndex } from './person-index.js'
import type { PersonRecord } from './person-index.js'

const PEOPLE: PersonRecord[] = [
  { id: 'c1', firstName: 'Jane', lastName: 'Doe', email: 'Jane.Doe@Acme.com' },
  { id: 'l1', firstName: 'José', lastName: "O'Neil", email: 'jose@gmail.com', companyDomain: 'https://globex.de' },
  { id: 'c2', firstName: 'Sam', lastName: 'Lee', email: 'sam@initech.com' },
  { id: 'c3', firstName: 'Sam', lastName: 'Lee', email: 'slee@initech.com' },
  { id: 'd1', firstName: 'Ann', lastName: 'Bell', email: 'ann@hooli.com' },
  { id: 'd2', firstName: 'Annie', lastName: 'Bell', email: 'ANN@hooli.com' },
]

describe('matchPerson', () => {
  const index = createPersonIndex(PEOPLE)
  const cases: [string, Parameters<typeof matchPerson>[0], string, string | null][] = [
    ['the same email, case and spaces aside', { email: ' jane.doe@ACME.com ' }, 'matched', 'c1'],
    ['a Gmail alias of the same mailbox', { email: 'J.O.S.E+jobs@googlemail.com' }, 'matched', 'l1'],
    ['name at the company domain of the email', { firstName: 'JANE', lastName: 'DOE', email: 'jdoe@acme.com' }, 'matched', 'c1'],
    ['name with accents folded at the company website', { name: 'Jose ONeil', companyDomain: 'globex.de' }, 'matched', 'l1'],
    ['two people with the same name at the domain', { firstName: 'Sam', lastName: 'Lee', email: 'sam.lee@initech.com' }, 'ambiguous', null],
    ['two people with the same email', { email: 'ann@hooli.com' }, 'ambiguous', null],
    ['the name at a free-mail domain is not enough', { firstName: 'Jane', lastName: 'Doe', email: 'jane@gmail.com' }, 'unmatched', null],
    ['someone else', { firstName: 'Bob', lastName: 'Ray', email: 'bob@acme.com' }, 'unmatched', null],
  ]
  for (const [label, query, status, id] of cases) {
    it(label, () => {
      const r = matchPerson(query, index)
      assert.equal(r.status, status)
      assert.equal(r.personId, id)
    })
  }

  it('explains the email match and scores it 1', () => {
    const r = matchPerson({ email: 'JANE.DOE@acme.com' }, index)
    assert.equal(r.rule, 'email')
    assert.equal(r.score, 1)
    assert.deepEqual(r.evidence, ['email jane.doe@acme.com = c1'])
  })

  it('explains the name + domain match', () => {
    const r = matchPerson({ firstName: 'Jane', lastName: 'Doe', companyDomain: 'www.acme.com' }, index)
    assert.equal(r.rule, 'name-domain')
    assert.equal(r.score, 0.9)
    assert.deepEqual(r.evidence, ['name "jane doe" at acme.com = Jane Doe <Jane.Doe@Acme.com> (c1)'])
  })

  it('lists the candidates when ambiguous', () => {
    const r = matchPerson({ firstName: 'Sam', lastName: 'Lee', companyDomain: 'initech.com' }, index)
    assert.deepEqual(r.candidates.map((c) => c.personId), ['c2', 'c3'])
  })

  it('follows updates and removals', () => {
    const live = createPersonIndex(PEOPLE)
    live.upsert({ id: 'c1', firstName: 'Jane', lastName: 'Doe', email: 'jane@newco.com' })
    assert.equal(matchPerson({ email: 'jane.doe@acme.com' }, live).status, 'unmatched')
    assert.equal(matchPerson({ email: 'jane@newco.com' }, live).personId, 'c1')
    live.remove('c3')
    assert.equal(matchPerson({ firstName: 'Sam', lastName: 'Lee', email: 'x@initech.com' }, live).personId, 'c2')
  })
})
