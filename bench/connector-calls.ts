/**
 * Connector call-count benchmark: for each connector, API calls per 1,000 records read (a full
 * incremental read of 10,000 people) and per 1,000 written (2,000 creates), measured by the
 * simulator's own call counter, beside the floor the API's page and batch sizes allow. Each
 * phase uses a fresh connector, so its auth and schema calls (token grant, properties,
 * describe) are counted too; the ratio without them is given as well. Prints one JSON line:
 *   node --import tsx bench/connector-calls.ts
 */
import { pathToFileURL } from 'node:url'
import type { WriteOp } from '../src/domain/records.js'
import { benchSystems, resetSimCalls, simCallsByFamily } from './support/connector-bench-systems.js'
import type { BenchSystem } from './support/connector-bench-systems.js'

const READ_RECORDS = 10_000
const WRITE_RECORDS = 2_000

interface Phase {
  readonly records: number
  /** Every call the simulator answered in the phase, auth and schema included. */
  readonly calls: number
  /** Of those, auth and schema calls made once per connector. */
  readonly oneOffCalls: number
  /** What the connector itself counted; equal to `calls` when nothing retried behind its back. */
  readonly connectorCounted: number
  readonly floorCalls: number
  readonly callsPer1000: number
  readonly floorPer1000: number
  readonly ratio: number
  readonly ratioWithoutOneOff: number
  readonly byFamily: Record<string, number>
}

async function measure(system: BenchSystem, records: number, perCall: number, work: (system: BenchSystem) => Promise<{ done: number; counted: number }>): Promise<Phase> {
  await resetSimCalls(system.url)
  const { done, counted } = await work(system)
  if (done !== records) throw new Error(`${system.name}: expected ${records} records, the phase handled ${done}`)
  const byFamily = await simCallsByFamily(system.url)
  const calls = Object.values(byFamily).reduce((a, b) => a + b, 0)
  const oneOffCalls = system.oneOffFamilies.reduce((sum, family) => sum + (byFamily[family] ?? 0), 0)
  const floorCalls = Math.ceil(records / perCall)
  const per1000 = (n: number): number => round((n * 1000) / records)
  return {
    records,
    calls,
    oneOffCalls,
    connectorCounted: counted,
    floorCalls,
    callsPer1000: per1000(calls),
    floorPer1000: per1000(floorCalls),
    ratio: round(calls / floorCalls),
    ratioWithoutOneOff: round((calls - oneOffCalls) / floorCalls),
    byFamily,
  }
}

async function readAll(system: BenchSystem): Promise<{ done: number; counted: number }> {
  const connector = system.connect()
  let done = 0
  for await (const page of connector.read(system.object)) done += page.records.length
  return { done, counted: connector.callCount() }
}

async function writeAll(system: BenchSystem): Promise<{ done: number; counted: number }> {
  const connector = system.connect()
  const ops: WriteOp[] = Array.from({ length: WRITE_RECORDS }, (_, i) => ({ kind: 'create', ref: String(i), fields: system.newPerson(i) }))
  const results = await connector.write(system.object, ops)
  const failed = results.find((r) => !r.ok)
  if (failed && !failed.ok) throw new Error(`${system.name}: write failed for ${failed.ref}: ${failed.vendorCode} ${failed.message}`)
  return { done: results.length, counted: connector.callCount() }
}

/** The ids of the first `count` people a read returns. */
async function firstIds(system: BenchSystem, count: number): Promise<string[]> {
  const ids: string[] = []
  for await (const page of system.connect().read(system.object)) {
    ids.push(...page.records.map((r) => r.id))
    if (ids.length >= count) break
  }
  return ids.slice(0, count)
}

/** Looks people up by id asking for no plain field, as the sync fetches counterparts (fields trimmed to its mapping). */
async function lookupIds(system: BenchSystem, ids: readonly string[]): Promise<{ done: number; counted: number }> {
  const connector = system.connect()
  const found = await connector.lookup(system.object, { field: 'id', values: ids }, { fields: [] })
  return { done: found.size, counted: connector.callCount() }
}

/** Runs the benchmark against the three simulators and returns its figures. */
export async function benchConnectorCalls(): Promise<Record<string, unknown>> {
  const connectors: Record<string, unknown> = {}
  for (const start of benchSystems) {
    const system = await start(READ_RECORDS)
    try {
      // Read before the lookup phase resets the call counters, so its calls are not the lookup's.
      const firstIdsOnce = Promise.resolve(await firstIds(system, WRITE_RECORDS))
      connectors[system.name] = {
        object: system.object,
        auth: system.auth,
        limits: system.limits,
        read: await measure(system, READ_RECORDS, system.limits.readPage, readAll),
        lookup: await measure(system, WRITE_RECORDS, system.limits.lookupBatch, async (s) => lookupIds(s, await firstIdsOnce)),
        write: await measure(system, WRITE_RECORDS, system.limits.writeBatch, writeAll),
      }
    } finally {
      await system.close()
    }
  }
  return {
    bench: 'connector-calls',
    method:
      'calls counted by each simulator (GET /__sandbox/calls) during a full read of 10,000 people, a lookup of 2,000 by id and a write of 2,000 creates, each with a fresh connector; calls include auth (token grants) and schema (properties, describe) calls; floor = ceil(records / API page or batch size); ratio = calls / floor',
    connectors,
  }
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify(await benchConnectorCalls()))
}
