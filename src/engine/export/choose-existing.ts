import type { Signal } from '../../domain/export/signal.js'
import { matchPerson } from '../../matching/index.js'
import type { PersonCandidate, PersonIndex, PersonMatchResult, PersonMatchRule, PersonQuery } from '../../matching/index.js'
import type { ExistingChoice } from './export-plan.js'
import { companyDomain } from './read-source.js'

/** Existing people of one object (Contact, Lead, contacts), indexed for matching. */
export interface PeopleOf {
  readonly object: string
  readonly index: PersonIndex
  /**
   * Set when the index holds converted leads rather than records of `object`: a person found
   * there is the record of `object` the lead became (`ConvertedContactId`), whose own email
   * or name may have changed since.
   */
  readonly convertedFrom?: { readonly object: string; readonly recordOf: (leadId: string) => string | undefined }
}

/** A signal's person as person matching reads it. */
export function personQuery(signal: Signal): PersonQuery {
  return {
    firstName: signal.person.firstName ?? null,
    lastName: signal.person.lastName ?? null,
    email: signal.person.email ?? null,
    companyDomain: companyDomain(signal),
  }
}

/**
 * Looks for the person among existing records before anything is created (SPEC 3.2): the
 * same email first, then the same name at the company's domain, across every object given
 * (contacts before leads). On one rule, a contact wins over a lead, since sales works the
 * contact and a lead beside it is usually a leftover; two records of one object on the
 * deciding rule are not guessed.
 */
export function chooseExisting(signal: Signal, people: readonly PeopleOf[]): ExistingChoice {
  const query = personQuery(signal)
  const results = people.map((p) => ({ object: p.object, result: followConversion(matchPerson(query, p.index), p) }))
  for (const rule of ['email', 'name-domain'] as const) {
    const hits = results.filter((r) => r.result.rule === rule && r.result.status !== 'unmatched')
    const first = hits[0]
    if (!first) continue
    if (first.result.status === 'ambiguous') {
      return { kind: 'ambiguous', reason: { rule: `existing.ambiguous`, detail: `several ${first.object} records match by ${rule}: ${first.result.evidence.join('; ')}; merge them in the CRM, then export the signal again with --retry-failed` } }
    }
    // A contact found by its own email and again through the lead it came from is one find.
    const others = hits.slice(1).filter((h) => !(h.object === first.object && h.result.personId === first.result.personId)).map((h) => `${h.object} ${h.result.personId ?? h.result.candidates.map((c) => c.personId).join(', ')}`)
    const also = others.length > 0 ? `; also found ${others.join(', ')}, left alone because the ${first.object.toLowerCase()} is the record sales works` : ''
    return { kind: 'found', object: first.object, id: first.result.personId ?? '', reason: { rule: `existing.${rule}`, detail: `existing ${first.object} ${first.result.personId ?? ''} found by ${rule}: ${first.result.evidence.join('; ')}${also}` } }
  }
  return { kind: 'none', reason: { rule: 'existing.none', detail: `no existing ${[...new Set(people.map((p) => p.object))].join(' or ')}: ${unmatched(results.map((r) => r.result))}` } }
}

/**
 * A match among converted leads, turned into the records they became: several leads
 * converted into one contact are that one contact, not a choice to be refused.
 */
function followConversion(result: PersonMatchResult, people: PeopleOf): PersonMatchResult {
  const from = people.convertedFrom
  if (!from || result.status === 'unmatched') return result
  // A matched result carries its one person outside `candidates`; the rule is a real one then.
  const found: readonly PersonCandidate[] = result.status === 'matched' ? [{ personId: result.personId ?? '', rule: result.rule as PersonMatchRule, evidence: result.evidence }] : result.candidates
  const candidates = found.flatMap((c) => {
    const becameId = from.recordOf(c.personId)
    return becameId === undefined ? [] : [{ ...c, personId: becameId, evidence: c.evidence.map((e) => `${e}, a converted ${from.object} that became ${people.object} ${becameId}`) }]
  })
  const targets = [...new Set(candidates.map((c) => c.personId))]
  const [only] = targets
  if (only === undefined) return { ...result, status: 'unmatched', personId: null, candidates: [] }
  if (targets.length === 1) return { ...result, status: 'matched', personId: only, evidence: candidates.flatMap((c) => c.evidence), candidates: [] }
  return { ...result, candidates }
}

function unmatched(results: readonly PersonMatchResult[]): string {
  return [...new Set(results.flatMap((r) => r.evidence))].join('; ')
}
