import type { FieldRow, Mapping } from '../../domain/mapping.js'
import { pathFor } from '../../domain/mapping.js'
import type { RemoteRecord } from '../../domain/records.js'
import type { Reason } from '../../domain/reason.js'
import { createCompanyIndex, matchAccount } from '../../matching/index.js'
import type { AccountRecord } from '../../matching/index.js'
import type { SyncDeps } from './sync-deps.js'
import { mappedFields } from './mapped-fields.js'

/** The rows of a company mapping that identify a company: its website or domain, and its name. */
export function companyKeyRows(mapping: Mapping): { domain?: FieldRow; name?: FieldRow } {
  const named = (test: (key: string) => boolean) => mapping.matchRows.find((r) => test(r.key))
  return { domain: named((k) => k.includes('domain') || k.includes('website')), name: named((k) => k.includes('name')) }
}

function text(record: RemoteRecord, row: FieldRow | undefined, system: string): string | null {
  const path = row ? pathFor(row, system, record.object) : undefined
  const value = path ? record.fields[path] : undefined
  return value === undefined || value === null ? null : String(value)
}

/** A company record as the matcher indexes it. */
export function toAccount(record: RemoteRecord, system: string, rows: ReturnType<typeof companyKeyRows>): AccountRecord {
  return { id: record.id, name: text(record, rows.name, system), website: text(record, rows.domain, system), parentId: record.refs?.parent ?? null }
}

/** Another system's companies by id, and indexed for matching. */
export interface IndexedCompanies {
  readonly theirs: ReadonlyMap<string, RemoteRecord>
  readonly index: ReturnType<typeof createCompanyIndex>
}

/** Indexed companies by system: each read once per run, at its first use. */
export type CompanyIndexes = Map<string, Promise<IndexedCompanies>>

async function indexCompanies(mapping: Mapping, other: string, deps: SyncDeps): Promise<IndexedCompanies> {
  const connector = deps.connectors.get(other)
  const theirs = new Map<string, RemoteRecord>()
  for (const object of mapping.config.systems.find((s) => s.system === other)?.objects ?? []) {
    for await (const page of connector?.read(object, undefined, { fields: mappedFields(mapping, other, object) }) ?? []) for (const r of page.records) if (!r.deleted) theirs.set(r.id, r)
  }
  return { theirs, index: createCompanyIndex([...theirs.values()].map((r) => toAccount(r, other, companyKeyRows(mapping)))) }
}

/** The outcome of matching one unlinked company against another system's companies. */
export type CompanyMatch = { readonly kind: 'matched'; readonly record: RemoteRecord; readonly reason: Reason } | { readonly kind: 'ambiguous'; readonly reason: Reason } | { readonly kind: 'none' }

/**
 * Matches companies with no link yet against every company of another system (SPEC 2.8 and
 * 4), through the matching module: domain first, then name or a variation, then hierarchy.
 * Companies are few next to people, so the other system's companies are read once a run and
 * indexed in memory (`indexes` keeps them between batches) rather than looked up one key at a
 * time.
 */
export async function matchCompaniesIn(mapping: Mapping, system: string, records: readonly RemoteRecord[], other: string, deps: SyncDeps, indexes: CompanyIndexes = new Map()): Promise<Map<RemoteRecord, CompanyMatch>> {
  const rows = companyKeyRows(mapping)
  const out = new Map<RemoteRecord, CompanyMatch>()
  if (!deps.connectors.get(other) || records.length === 0) return out
  const indexed = indexes.get(other) ?? indexCompanies(mapping, other, deps)
  indexes.set(other, indexed)
  const { theirs, index } = await indexed
  const claims = new Map<string, RemoteRecord[]>()
  for (const record of records) {
    const mine = toAccount(record, system, rows)
    const result = matchAccount({ name: mine.name ?? null, website: mine.website ?? null }, index)
    const found = result.accountId ? theirs.get(result.accountId) : undefined
    const detail = `${result.rule} ${result.score.toFixed(2)}: ${result.evidence.join('; ')}`
    if (result.status === 'matched' && found) {
      out.set(record, { kind: 'matched', record: found, reason: { rule: `match.company.${result.rule}`, detail: `matched ${other} ${found.object} ${found.id} by ${detail}` } })
      claims.set(found.id, [...(claims.get(found.id) ?? []), record])
    } else if (result.status === 'ambiguous') out.set(record, { kind: 'ambiguous', reason: { rule: 'match.ambiguous', detail: `several ${other} companies match (${result.candidates.map((c) => c.accountId).join(', ')}): ${detail}; not guessed` } })
    else out.set(record, { kind: 'none' })
  }
  for (const [id, claimants] of claims) if (claimants.length > 1) settleClaims(theirs.get(id) as RemoteRecord, claimants, system, other, rows, out)
  return out
}

/**
 * Several of our companies matched the same one of theirs (a parent and its child on one
 * domain): match back from theirs among our claimants, so the seed's hierarchy rules pick
 * one (the parent, else the closer name); the others match nothing and stay separate.
 */
function settleClaims(theirs: RemoteRecord, claimants: readonly RemoteRecord[], system: string, other: string, rows: ReturnType<typeof companyKeyRows>, out: Map<RemoteRecord, CompanyMatch>): void {
  const mine = createCompanyIndex(claimants.map((r) => toAccount(r, system, rows)))
  const query = toAccount(theirs, other, rows)
  const back = matchAccount({ name: query.name ?? null, website: query.website ?? null }, mine)
  for (const record of claimants) {
    if (back.status === 'matched' && back.accountId === record.id) continue
    out.set(record, back.status === 'ambiguous'
      ? { kind: 'ambiguous', reason: { rule: 'match.ambiguous', detail: `${claimants.length} ${system} companies match ${other} ${theirs.id} and none is the parent or a closer name; not guessed` } }
      : { kind: 'none' })
  }
}
