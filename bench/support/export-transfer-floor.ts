import type { FieldValue } from '../../src/domain/records.js'
import { exportBenchToken } from './export-bench-data.js'

/** One record the export wrote, as the floor writes it again. */
export interface FloorRecord {
  readonly object: string
  readonly kind: 'create' | 'update'
  readonly id: string | null
  readonly fields: Readonly<Record<string, FieldValue>>
}

async function call<T>(url: string, init: RequestInit = {}): Promise<T> {
  const r = await fetch(url, { ...init, headers: { authorization: `Bearer ${exportBenchToken}`, 'content-type': 'application/json', ...(init.headers ?? {}) } })
  if (!r.ok) throw new Error(`${url} answered ${r.status}: ${await r.text()}`)
  return (await r.json()) as T
}

/**
 * The transfer floor: the least a program can do to move the same data over the same API with
 * plain fetch and JSON. It reads the accounts and contacts an export must know (only the
 * fields matching needs, by query locator) and writes the export's records again in
 * sObject Collections of 200, and nothing else: no validation, matching, planning or store.
 * Returns the CPU of each half, to divide revsync's CPU by.
 */
export async function exportTransferFloor(url: string, records: readonly FloorRecord[]): Promise<{ readCpuMs: number; writeCpuMs: number; calls: number }> {
  const base = `${url}/services/data/v62.0`
  let calls = 0
  const readStart = process.cpuUsage()
  for (const soql of ['SELECT Id, Name, Website, ParentId, OwnerId FROM Account', 'SELECT Id, Email, FirstName, LastName, AccountId FROM Contact']) {
    let page = await call<{ records: unknown[]; nextRecordsUrl?: string }>(`${base}/query?q=${encodeURIComponent(soql)}`)
    calls++
    while (page.nextRecordsUrl) {
      page = await call(`${url}${page.nextRecordsUrl}`)
      calls++
    }
  }
  const read = process.cpuUsage(readStart)
  const writeStart = process.cpuUsage()
  for (const kind of ['create', 'update'] as const) {
    const byObject = new Map<string, FloorRecord[]>()
    for (const r of records) if (r.kind === kind) byObject.set(r.object, [...(byObject.get(r.object) ?? []), r])
    for (const [object, list] of byObject) {
      for (let i = 0; i < list.length; i += 200) {
        const body = list.slice(i, i + 200).map((r) => ({ attributes: { type: object }, ...(kind === 'update' ? { id: r.id } : {}), ...r.fields }))
        await call(`${base}/composite/sobjects`, { method: kind === 'create' ? 'POST' : 'PATCH', body: JSON.stringify({ allOrNone: false, records: body }) })
        calls++
      }
    }
  }
  const write = process.cpuUsage(writeStart)
  return { readCpuMs: (read.user + read.system) / 1000, writeCpuMs: (write.user + write.system) / 1000, calls }
}
