// The transfer floor of bench/sync-incremental: the least a program can do to move the records
// changed since a time between the two simulators with plain fetch and JSON. It pages through
// Sugar's changed contacts and HubSpot's changed contacts, and posts each side's changes to the
// other in batches of 100, with the id pairs handed to it (it looks nothing up, compares
// nothing, stores nothing). Returns the CPU it spent, to divide revsync's CPU by.
import { benchFields } from './transfer-floor.js'
import { hubspotBatchUpdate, json, sugarBulkUpdate, sugarToken } from './sim-http.js'

type Row = Record<string, unknown>

async function readSugar(url: string, token: string, since: string): Promise<Row[]> {
  const rows: Row[] = []
  for (let offset = 0; offset >= 0; ) {
    const body = { filter: [{ date_modified: { $gte: since } }], max_num: 1000, offset, order_by: 'date_modified:ASC' }
    const page = await json<{ next_offset: number; records: Row[] }>(fetch(`${url}/rest/v11/Contacts/filter`, { method: 'POST', headers: { 'content-type': 'application/json', 'oauth-token': token }, body: JSON.stringify(body) }))
    rows.push(...page.records)
    offset = page.next_offset
  }
  return rows
}

async function readHubSpot(url: string, token: string, sinceMs: number): Promise<{ id: string; properties: Row }[]> {
  const rows: { id: string; properties: Row }[] = []
  for (let after: string | undefined = '0'; after !== undefined; ) {
    const body = {
      filterGroups: [{ filters: [{ propertyName: 'lastmodifieddate', operator: 'GTE', value: String(sinceMs) }] }],
      sorts: [{ propertyName: 'lastmodifieddate', direction: 'ASCENDING' }],
      properties: benchFields.map(([, to]) => to),
      limit: 200,
      after,
    }
    const page: { results: { id: string; properties: Row }[]; paging?: { next?: { after: string } } } = await json(
      fetch(`${url}/crm/v3/objects/contacts/search`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    )
    rows.push(...page.results)
    after = page.paging?.next?.after
  }
  return rows
}

/** Moves what changed since `since` (ISO, whole second) each way; `pairs` maps ids both ways. */
export async function incrementalFloor(
  urls: { sugar: string; hubspot: string },
  hubspotToken: string,
  since: string,
  pairs: { readonly sugarToHubspot: ReadonlyMap<string, string>; readonly hubspotToSugar: ReadonlyMap<string, string> },
): Promise<{ cpuMs: number; records: number; seconds: number }> {
  const started = process.cpuUsage()
  const wall = performance.now()
  const token = await sugarToken(urls.sugar)
  const sugarFilter = since.replace(/\.\d{3}Z$/, '+00:00')
  const fromSugar = await readSugar(urls.sugar, token, sugarFilter)
  const fromHubSpot = await readHubSpot(urls.hubspot, hubspotToken, Date.parse(since))
  await hubspotBatchUpdate(
    urls.hubspot,
    fromSugar.flatMap((r) => {
      const id = pairs.sugarToHubspot.get(String(r.id))
      return id ? [{ id, properties: Object.fromEntries(benchFields.map(([from, to]) => [to, r[from] == null ? '' : String(r[from])])) }] : []
    }),
  )
  await sugarBulkUpdate(
    urls.sugar,
    token,
    fromHubSpot.flatMap((r) => {
      const id = pairs.hubspotToSugar.get(r.id)
      return id ? [{ id, fields: Object.fromEntries(benchFields.map(([from, to]) => [from, r.properties[to] ?? ''])) }] : []
    }),
  )
  const used = process.cpuUsage(started)
  return { cpuMs: (used.user + used.system) / 1000, records: fromSugar.length + fromHubSpot.length, seconds: (performance.now() - wall) / 1000 }
}
