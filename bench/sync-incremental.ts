// bench/sync-incremental: 100,000 people linked across SugarCRM Contacts and HubSpot contacts
// (two-way mapping, no owners), 1% changed on each side since the last run. One revsync run is
// measured: it must read and write only the changed records. Prints one JSON line: reads,
// writes, writes per changed record, API calls by family, and revsync's CPU per changed record
// divided by the transfer floor (a bare fetch + JSON script moving as many changed records,
// measured in the same process). Sizes: BENCH_PEOPLE (default 100,000), BENCH_CHANGED (share
// changed on each side, default 0.01). BENCH_LINK=store (default) links the people by writing
// links, last-synced values and cursors into the store; BENCH_LINK=sync links them with a
// first revsync run that matches by email.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { pathToFileURL } from 'node:url'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { parseConfigText } from '../src/app/config/load-config.js'
import type { LoadedConfig } from '../src/app/config/load-config.js'
import { openAppFrom } from '../src/app/open-app.js'
import type { App } from '../src/app/open-app.js'
import { runSync } from '../src/app/sync/run-sync.js'
import { resolveMapping } from '../src/domain/mapping.js'
import { warningsKey } from '../src/engine/plan-entity.js'
import { normalizeValue } from '../src/domain/normalize-value.js'
import { benchCredentials } from './support/bench-credentials.js'
import { incrementalFloor } from './support/incremental-floor.js'
import { linkedPeople } from './support/linked-people.js'
import type { LinkedPeople } from './support/linked-people.js'
import { hubspotBatchUpdate, sugarBulkUpdate, sugarToken } from './support/sim-http.js'
import { spawnLinkedSims } from './support/spawn-linked-sims.js'
import { simCalls } from './support/spawn-sims.js'
import type { SimsProcess } from './support/spawn-sims.js'
import { benchConfigText } from './support/bench-config.js'

type LinkMode = 'store' | 'sync'

/**
 * A full collection before each measured section, so neither revsync nor the floor pays for
 * garbage the setup left behind (after a linking run of 100,000 people that was most of the
 * floor's CPU).
 */
setFlagsFromString('--expose-gc')
const collectGarbage = runInNewContext('gc') as () => void

/** The default overlap window: each run reads again what changed in the minute before its cursor. */
const overlapSeconds = 60

/** Records of one side left unchanged whose seeded time falls inside the overlap window before the cursor: read again, by design. */
function overlapTail(people: LinkedPeople, changed: ReadonlySet<number>): number {
  const from = Date.parse(people.newestModifiedAt) - overlapSeconds * 1000
  return (people.sugar.contacts ?? []).filter((c, i) => !changed.has(i) && Date.parse(String(c.date_modified)) >= from).length
}

/**
 * Like examples/revsync.yaml without owners: two ways, Sugar on top, matched by email. One
 * departure: phone is `most-recent`, so HubSpot's changes travel to Sugar (under the default
 * system-of-record they would be reverted in HubSpot, and Sugar would never be written).
 */
function configText(urls: { sugar: string; hubspot: string }, store: string): string {
  return benchConfigText(urls, store, { row: (sugar) => (sugar === 'phone_work' ? ', policy: most-recent' : ''), sync: `overlapSeconds: ${overlapSeconds}` })
}

/** Links every person in the store as a first run would leave it: links, last-synced values, cursors at the newest seed. */
async function linkThroughStore(app: App, loaded: LoadedConfig, people: LinkedPeople): Promise<void> {
  const mapping = resolveMapping('people', loaded.config.mappings.people as NonNullable<LoadedConfig['config']['mappings'][string]>)
  const contacts = people.sugar.contacts ?? []
  const chunk = 5000
  for (let start = 0; start < contacts.length; start += chunk) {
    const part = contacts.slice(start, start + chunk)
    const links = part.flatMap((c, k) => {
      const pair = people.pairs[start + k]
      const entityId = `person-${start + k}`
      return pair ? [{ mapping: 'people', entityId, system: 'sugar', object: 'Contacts', recordId: pair.sugarId }, { mapping: 'people', entityId, system: 'hubspot', object: 'contacts', recordId: pair.hubspotId }] : []
    })
    const synced = part.map((c, k) => ({
      mapping: 'people',
      entityId: `person-${start + k}`,
      values: { ...Object.fromEntries(mapping.rows.map((row) => [row.key, normalizeValue(c[row.paths.get('sugar')?.all ?? ''] as string | null | undefined)])), [warningsKey]: null },
    }))
    await app.store.commit({ links, synced })
  }
  const cursor = { value: people.newestModifiedAt }
  await app.store.commit({ cursors: [{ mapping: 'people', system: 'sugar', object: 'Contacts', cursor }, { mapping: 'people', system: 'hubspot', object: 'contacts', cursor }] })
}

/** Every `1/share`-th person from `phase`: people changed on one side, never the same on both. */
function pick(people: LinkedPeople, share: number, phase: number): number[] {
  const step = Math.round(1 / share)
  const picked: number[] = []
  for (let i = Math.floor(phase * step); i < people.pairs.length; i += step) picked.push(i)
  return picked
}

/** Changes people as their users would: a new title in Sugar for some, a new phone in HubSpot for others. */
async function changePeople(urls: SimsProcess['urls'], people: LinkedPeople, sugarSide: readonly number[], hubspotSide: readonly number[], tag: string): Promise<void> {
  const token = await sugarToken(urls.sugar)
  await sugarBulkUpdate(urls.sugar, token, sugarSide.map((i) => ({ id: people.pairs[i]?.sugarId ?? '', fields: { title: `Head of ${tag} ${i}` } })))
  await hubspotBatchUpdate(urls.hubspot, hubspotSide.map((i) => ({ id: people.pairs[i]?.hubspotId ?? '', properties: { phone: `+1 (555) ${tag}-${i}` } })))
}

function delta(after: Record<string, number>, before: Record<string, number>, prefix: string): Record<string, number> {
  return Object.fromEntries(Object.entries(after).map(([k, v]) => [`${prefix}${k}`, v - (before[k] ?? 0)]).filter(([, v]) => (v as number) > 0))
}

interface Figures {
  readonly people: number
  readonly changed: number
  readonly link: { readonly mode: LinkMode; readonly seconds: number }
  readonly seconds: number
  readonly cpuMs: number
  readonly reads: Record<string, number>
  /** Unchanged records read again because they sit in the overlap window, both sides. */
  readonly overlapReads: number
  readonly writes: number
  readonly updated: Record<string, number>
  readonly failed: Record<string, number>
  readonly calls: Record<string, number>
  readonly secondRunWrites: number
  readonly secondRunCalls: Record<string, number>
  readonly floor: { readonly cpuMs: number; readonly records: number; readonly seconds: number }
}

/** Seeds, links, changes `share` of the people on each side, measures one run, then the floor on as many fresh changes. */
async function scenario(count: number, share: number, mode: LinkMode): Promise<Figures> {
  const people = linkedPeople(count)
  const sims = await spawnLinkedSims(count)
  const dir = await mkdtemp(join(tmpdir(), 'revsync-bench-incremental-'))
  try {
    const loaded = parseConfigText(configText(sims.urls, join(dir, 'state.db')), 'bench.yaml', { SUGAR_PASSWORD: benchCredentials.sugarPassword, HUBSPOT_TOKEN: benchCredentials.hubspotToken })
    const app = await openAppFrom(loaded)
    const linkStarted = performance.now()
    if (mode === 'store') await linkThroughStore(app, loaded, people)
    else {
      const first = await runSync(loaded.config, 'people', app.syncDeps())
      if (first.linked !== count || first.writes !== 0) throw new Error(`the linking run linked ${first.linked} of ${count} and wrote ${first.writes}`)
    }
    const link = { mode, seconds: (performance.now() - linkStarted) / 1000 }
    const [sugarSide, hubspotSide] = [pick(people, share, 0), pick(people, share, 0.5)]
    await changePeople(sims.urls, people, sugarSide, hubspotSide, 'A')
    const before = { sugar: await simCalls(sims.urls.sugar), hubspot: await simCalls(sims.urls.hubspot) }
    collectGarbage()
    const cpu = process.cpuUsage()
    const started = performance.now()
    const report = await runSync(loaded.config, 'people', app.syncDeps())
    const seconds = (performance.now() - started) / 1000
    const used = process.cpuUsage(cpu)
    const calls = { ...delta(await simCalls(sims.urls.sugar), before.sugar, 'sugar '), ...delta(await simCalls(sims.urls.hubspot), before.hubspot, 'hubspot ') }
    // A run with nothing changed since: at most one read call per object, and no write.
    const beforeSecond = { sugar: await simCalls(sims.urls.sugar), hubspot: await simCalls(sims.urls.hubspot) }
    const second = await runSync(loaded.config, 'people', app.syncDeps())
    const secondCalls = { ...delta(await simCalls(sims.urls.sugar), beforeSecond.sugar, 'sugar '), ...delta(await simCalls(sims.urls.hubspot), beforeSecond.hubspot, 'hubspot ') }
    await app.close()
    const sugarToHubspot = new Map(people.pairs.map((p) => [p.sugarId, p.hubspotId]))
    const hubspotToSugar = new Map(people.pairs.map((p) => [p.hubspotId, p.sugarId]))
    // The floor moves as many other changed people, three times (the median counts), each set
    // changed after the writes before it: Sugar stamps whole seconds, so wait for the next one.
    const floors: Figures['floor'][] = []
    for (const [round, [sugarPhase, hubspotPhase]] of [[0.2, 0.7], [0.3, 0.8], [0.4, 0.9]].entries()) {
      await sleep(1100 - (Date.now() % 1000))
      const since = new Date(Math.floor(Date.now() / 1000) * 1000).toISOString()
      await changePeople(sims.urls, people, pick(people, share, sugarPhase ?? 0), pick(people, share, hubspotPhase ?? 0), `B${round}`)
      collectGarbage()
      floors.push(await incrementalFloor(sims.urls, benchCredentials.hubspotToken, since, { sugarToHubspot, hubspotToSugar }))
    }
    const floor = [...floors].sort((a, b) => a.cpuMs / a.records - b.cpuMs / b.records)[1] as Figures['floor']
    return {
      people: count,
      changed: sugarSide.length + hubspotSide.length,
      link,
      seconds,
      cpuMs: (used.user + used.system) / 1000,
      reads: report.read,
      overlapReads: overlapTail(people, new Set(sugarSide)) + overlapTail(people, new Set(hubspotSide)),
      writes: report.writes,
      updated: report.updated,
      failed: report.failed,
      calls,
      secondRunWrites: second.writes,
      secondRunCalls: secondCalls,
      floor,
    }
  } finally {
    await sims.stop()
    await rm(dir, { recursive: true, force: true })
  }
}

/**
 * Runs the benchmark and returns its figures. A smaller world (10,000 people) runs first, the
 * same way, to load modules and warm the JIT for revsync and the floor; its ratio is kept as
 * the cold figure.
 */
export async function benchSyncIncremental(count = Number(process.env.BENCH_PEOPLE ?? 100_000)): Promise<Record<string, unknown>> {
  const share = Number(process.env.BENCH_CHANGED ?? 0.01)
  const mode: LinkMode = process.env.BENCH_LINK === 'sync' ? 'sync' : 'store'
  const cold = await scenario(Math.min(count, 10_000), share, mode)
  const run = await scenario(count, share, mode)
  const cpuMsPerChanged = run.cpuMs / run.changed
  const floorMsPerChanged = run.floor.cpuMs / run.floor.records
  const reads = Object.values(run.reads).reduce((a, b) => a + b, 0)
  return {
    bench: 'sync-incremental',
    people: run.people,
    changedPerSide: run.changed / 2,
    changed: run.changed,
    link: { mode: run.link.mode, seconds: round(run.link.seconds) },
    reads,
    readsBySystem: run.reads,
    // Unchanged records inside the overlap window before the cursor (the last minute of the seed), read again by design.
    overlapReads: run.overlapReads,
    readsOfChanged: reads - run.overlapReads,
    writes: run.writes,
    writesBySystem: run.updated,
    writesPerChanged: round(run.writes / run.changed, 3),
    readsOfChangedPerChanged: round((reads - run.overlapReads) / run.changed, 3),
    apiCalls: run.calls,
    seconds: round(run.seconds),
    cpuMsPerChanged: round(cpuMsPerChanged, 4),
    floorCpuMsPerChanged: round(floorMsPerChanged, 4),
    floorRecords: run.floor.records,
    floorSeconds: round(run.floor.seconds),
    cpuRatioToFloor: round(cpuMsPerChanged / floorMsPerChanged),
    coldCpuRatioToFloor: round(cold.cpuMs / cold.changed / (cold.floor.cpuMs / cold.floor.records)),
    secondRunWrites: run.secondRunWrites,
    // The aim: a no-change run makes at most one read call per object (two objects here) and no write.
    secondRunCalls: run.secondRunCalls,
    secondRunReadCalls: readCalls(run.secondRunCalls),
    secondRunWithinAim: readCalls(run.secondRunCalls) <= 2 && run.secondRunWrites === 0,
    failed: run.failed,
  }
}

/** Read calls among calls by family: Sugar filters and HubSpot searches. */
function readCalls(calls: Record<string, number>): number {
  return Object.entries(calls).filter(([family]) => /filter|search/.test(family)).reduce((a, [, v]) => a + v, 0)
}

function round(n: number, digits = 2): number {
  return Number(n.toFixed(digits))
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.log(JSON.stringify(await benchSyncIncremental()))
