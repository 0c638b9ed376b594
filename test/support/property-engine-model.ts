/**
 * A model of two or three CRMs holding a few entities, driven by the real engine: `sync()`
 * plans every entity with `planEntity`, applies the writes to the model records (stamping
 * `modifiedAt` as a CRM does), and stores last-synced values exactly as
 * `src/app/sync/record-batch.ts` does (the plan's values merged over the previous ones, held
 * rows keeping theirs). Used by the engine's property tests.
 */
import fc from 'fast-check'
import { mappingSchema } from '../../src/domain/config/mapping-config.js'
import { resolveMapping } from '../../src/domain/mapping.js'
import type { Mapping } from '../../src/domain/mapping.js'
import type { FieldValue, RemoteRecord } from '../../src/domain/records.js'
import type { EntityPlan } from '../../src/engine/entity-plan.js'
import { planEntity } from '../../src/engine/plan-entity.js'
import type { Reason } from '../../src/domain/reason.js'
import type { OraclePolicy, OracleRow } from './property-oracle.js'

/** One row of the model mapping: its field is named like the row in every system it names. */
export interface ModelRow extends OracleRow {
  readonly name: string
  readonly systems: readonly string[]
}

export const allSystems = ['a', 'b', 'c'] as const
export const toleranceMs = 2000

const row = (name: string, policy: OraclePolicy, systems: string[], extra: Partial<ModelRow> = {}): ModelRow => ({ name, policy, systems, compare: 'exact', toleranceMs, ...extra })

/** Every policy two ways, an ignore-case row, a row that skips the top system, and one-way rows of every policy. */
const catalog: readonly ModelRow[] = [
  row('sor', 'system-of-record', ['a', 'b', 'c']),
  row('alw', 'always', ['a', 'b', 'c']),
  row('rec', 'most-recent', ['a', 'b', 'c']),
  row('man', 'manual', ['a', 'b', 'c']),
  row('icr', 'most-recent', ['a', 'c'], { compare: 'ignore-case' }),
  row('low', 'system-of-record', ['b', 'c']),
  row('ow', 'system-of-record', ['a', 'b'], { oneWay: { from: 'b', to: 'a' } }),
  row('owr', 'most-recent', ['b', 'c'], { oneWay: { from: 'c', to: 'b' } }),
  row('owm', 'manual', ['a', 'c'], { oneWay: { from: 'a', to: 'c' } }),
  row('owa', 'always', ['a', 'b'], { oneWay: { from: 'a', to: 'b' } }),
]

/** The rows that fit a world of these systems: each keeps the systems present, if two remain and its one-way ends are there. */
export function modelRows(systems: readonly string[]): ModelRow[] {
  return catalog
    .map((r) => ({ ...r, systems: r.systems.filter((s) => systems.includes(s)) }))
    .filter((r) => r.systems.length >= 2 && (!r.oneWay || (r.systems.includes(r.oneWay.from) && r.systems.includes(r.oneWay.to))))
}

/** The mapping, from config through `mappingSchema` and `resolveMapping` as the app does. */
export function modelMapping(systems: readonly string[]): Mapping {
  const fields = modelRows(systems).map((r) => ({
    name: r.name,
    policy: r.policy,
    compare: r.compare,
    tolerance: r.toleranceMs / 1000,
    ...(r.oneWay ? { direction: `${r.oneWay.from} -> ${r.oneWay.to}` } : {}),
    ...Object.fromEntries(r.systems.map((s) => [s, r.name])),
  }))
  return resolveMapping('people', mappingSchema.parse({ entity: 'person', systems: systems.map((system) => ({ system, objects: ['People'] })), fields }))
}

/** A record of the model: plain fields and the time the CRM last stamped it. */
export interface ModelRecord {
  readonly id: string
  fields: Record<string, FieldValue>
  modifiedAt: number
}

export type Command =
  | { readonly kind: 'edit'; readonly entity: number; readonly system: string; readonly field: string; readonly value: FieldValue; readonly dt: number }
  | { readonly kind: 'sync'; readonly dt: number }

export interface InitialWorld {
  readonly systems: readonly string[]
  /** Per entity, per system: the record's fields and its age, or null when it has none yet. */
  readonly entities: readonly Readonly<Record<string, { readonly fields: Record<string, FieldValue>; readonly offset: number } | null>>[]
}

export const epoch = Date.parse('2026-03-01T12:00:00.000Z')

/** The state of every system and of revsync's store, and the engine run over them. */
export class ModelWorld {
  clock = epoch + 60_000
  readonly mapping: Mapping
  readonly rows: readonly ModelRow[]
  readonly systems: readonly string[]
  /** Records per entity and system. */
  readonly state: Map<string, ModelRecord>[] = []
  /** Last-synced values per entity, as the store keeps them. */
  readonly synced: Record<string, FieldValue>[] = []
  /** Open review items per entity, by row, as the store keeps them. */
  readonly reviews: Map<string, { reason: Reason; candidates: readonly { system: string; value: FieldValue }[] }>[] = []

  constructor(init: InitialWorld) {
    this.systems = init.systems
    this.rows = modelRows(init.systems)
    this.mapping = modelMapping(init.systems)
    init.entities.forEach((entity, e) => {
      const records = new Map<string, ModelRecord>()
      for (const system of init.systems) {
        const start = entity[system]
        if (start) records.set(system, { id: `${system}-${e}`, fields: { ...start.fields }, modifiedAt: epoch + start.offset })
      }
      this.state.push(records)
      this.synced.push({})
      this.reviews.push(new Map())
    })
  }

  /** A person edits one field of one record, as the CRM's UI would: the record is stamped. */
  edit(command: Extract<Command, { kind: 'edit' }>): void {
    this.clock += command.dt
    const record = this.state[command.entity]?.get(command.system)
    if (!record) return
    record.fields[command.field] = command.value
    record.modifiedAt = this.clock
  }

  /** The engine's plan for one entity, from its current records and last-synced values. */
  plan(entity: number): EntityPlan {
    const records = new Map<string, RemoteRecord>()
    for (const [system, r] of this.state[entity] ?? []) {
      records.set(system, { id: r.id, object: 'People', fields: { ...r.fields }, modifiedAt: new Date(r.modifiedAt).toISOString() })
    }
    const open = this.reviews[entity]
    return planEntity(this.mapping, { entityId: `e${entity}`, records, synced: this.synced[entity] ?? {}, ...(open && open.size > 0 ? { openReviews: Object.fromEntries(open) } : {}) })
  }

  /** Applies a plan's writes at the current clock and records its last-synced values as record-batch does. */
  apply(entity: number, plan: EntityPlan): void {
    const records = this.state[entity]
    if (!records) return
    for (const write of plan.writes) {
      const existing = records.get(write.system)
      if (write.kind === 'update' && existing) {
        Object.assign(existing.fields, write.fields)
        existing.modifiedAt = this.clock
      } else {
        records.set(write.system, { id: `${write.system}-${entity}`, fields: { ...write.fields }, modifiedAt: this.clock })
      }
    }
    // record-batch.ts: held rows keep their earlier value; the plan only names the rows it decided.
    if (Object.keys(plan.synced).length > 0) this.synced[entity] = { ...this.synced[entity], ...plan.synced }
    // The review queue: a hold opens (or updates) the row's item; a row decided again closes it.
    const open = this.reviews[entity]
    for (const hold of plan.holds) open?.set(hold.rowKey, { reason: hold.reason, candidates: hold.candidates })
    for (const key of Object.keys(plan.synced)) open?.delete(key)
  }

  /** The value a system's record holds for a row, or undefined when it has no record. */
  value(entity: number, system: string, field: string): FieldValue | undefined {
    const record = this.state[entity]?.get(system)
    return record ? (record.fields[field] ?? null) : undefined
  }
}

/** Values chosen to collide: blanks of three kinds, case and padding variants, a number and its text. */
export const valueArb: fc.Arbitrary<FieldValue> = fc.constantFrom<FieldValue>('x', 'y', 'z', 'X', ' y ', '', '  ', null, 7, '7')

/**
 * How far apart things happen. `close`: steps of the clock around the 2 s tolerance, so two
 * systems may change one most-recent row within it (held) or at the same instant. `spaced`: every
 * step is longer than the tolerance and records start apart, so most-recent never holds.
 */
export type Timing = 'close' | 'spaced'

export function dtArb(timing: Timing): fc.Arbitrary<number> {
  return timing === 'close' ? fc.constantFrom(0, 500, 1999, 2000, 2001, 7000) : fc.constantFrom(2001, 7000)
}

/**
 * A starting world: each entity has a record in at least one system; the others may not have
 * one yet (a person only one CRM knows), and the first run creates them.
 */
export function initialWorldArb(systems: readonly string[], entities: { min: number; max: number }, timing: Timing): fc.Arbitrary<InitialWorld> {
  const fields = modelRows(systems).map((r) => r.name)
  const fieldsArb = fc.tuple(...fields.map(() => valueArb)).map((values) => Object.fromEntries(fields.map((f, i) => [f, values[i] ?? null])))
  const offsetsArb = timing === 'close'
    ? fc.tuple(...systems.map(() => dtArb('close')))
    : fc.shuffledSubarray(systems.map((_, i) => i * 3000), { minLength: systems.length, maxLength: systems.length })
  const entityArb = fc.record({
    fields: fc.tuple(...systems.map(() => fieldsArb)),
    offsets: offsetsArb,
    // Every system but one may start without the record; most worlds start with all of them.
    absent: fc.oneof({ arbitrary: fc.constant<string[]>([]), weight: 2 }, { arbitrary: fc.subarray([...systems], { minLength: 1, maxLength: systems.length - 1 }), weight: 3 }),
  }).map(({ fields: f, offsets, absent }) => Object.fromEntries(systems.map((s, i) => [s, absent.includes(s) ? null : { fields: f[i] ?? {}, offset: offsets[i] ?? 0 }])))
  return fc.array(entityArb, { minLength: entities.min, maxLength: entities.max }).map((list) => ({ systems, entities: list }))
}

/** Random interleavings of edits in every system and sync runs. */
export function commandsArb(systems: readonly string[], entities: number, maxLength: number, timing: Timing): fc.Arbitrary<Command[]> {
  const fields = modelRows(systems).map((r) => r.name)
  const edit = fc.record({
    kind: fc.constant('edit' as const),
    entity: fc.integer({ min: 0, max: entities - 1 }),
    system: fc.constantFrom(...systems),
    field: fc.constantFrom(...fields),
    value: valueArb,
    dt: dtArb(timing),
  })
  const sync = fc.record({ kind: fc.constant('sync' as const), dt: dtArb(timing) })
  return fc.array(fc.oneof({ arbitrary: edit, weight: 3 }, { arbitrary: sync, weight: 1 }), { maxLength })
}
