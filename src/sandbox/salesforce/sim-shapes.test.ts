import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { z } from 'zod'
import { salesforceShapes as shapes } from './published-shapes.js'
import { startSalesforceSim } from './server.js'
import type { SalesforceSim } from './server.js'

/*
 * The Salesforce simulator's answers over HTTP, held to the shapes of the REST API developer
 * guide: sObject Collections SaveResults, query results with locator paging, single-record
 * create and read, and the error list every refused request answers.
 */

const token = '00D8c0000000001!shapes-test'
let sim: SalesforceSim

interface Answer {
  readonly status: number
  readonly body: unknown
}

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(`${sim.url}/services/data/v62.0${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  const text = await res.text()
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined }
}

function assertShape(res: Answer, status: number, schema: z.ZodType): void {
  assert.equal(res.status, status, `status ${res.status}: ${JSON.stringify(res.body)}`)
  const parsed = schema.safeParse(res.body)
  assert.ok(parsed.success, parsed.success ? '' : `${z.prettifyError(parsed.error)}\nin ${JSON.stringify(res.body)}`)
}

const lead = (LastName: string, extra: Record<string, unknown> = {}) => ({ attributes: { type: 'Lead' }, LastName, Company: 'Acme', ...extra })

before(async () => {
  sim = await startSalesforceSim({
    seed: {
      users: [{ Id: '0058c0000000001AAA', Username: 'ana@x.example', Email: 'ana@x.example', LastName: 'Alves' }],
      leads: Array.from({ length: 250 }, (_, i) => ({ LastName: `Seeded${i}`, Company: 'Acme', Email: `s${i}@acme.example` })),
      credentials: { accessToken: token },
    },
  })
})
after(() => sim.close())

describe('salesforce sim shapes', () => {
  it('answers sObject Collections create, update and delete with SaveResult lists', async () => {
    const created = await call('POST', '/composite/sobjects', { allOrNone: false, records: [lead('One'), lead('')] })
    assertShape(created, 200, shapes.saveResults)
    const id = (created.body as { id?: string }[])[0]?.id
    assert.ok(id)
    const updated = await call('PATCH', '/composite/sobjects', { allOrNone: false, records: [{ attributes: { type: 'Lead' }, id, Title: 'CTO' }, { attributes: { type: 'Lead' }, id: 'nope', Title: 'x' }] })
    assertShape(updated, 200, shapes.saveResults)
    const wrongType = await call('PATCH', '/composite/sobjects', { records: [{ attributes: { type: 'Lead' }, id: '0058c0000000001AAA', Title: 'x' }] })
    assertShape(wrongType, 200, shapes.saveResults)
    const rolledBack = await call('POST', '/composite/sobjects', { allOrNone: true, records: [lead('Two'), lead('')] })
    assertShape(rolledBack, 200, shapes.saveResults)
    assertShape(await call('DELETE', `/composite/sobjects?ids=${id},001000000000000AAA`), 200, shapes.saveResults)
  })

  it('answers queries with totalSize, done, records and nextRecordsUrl while more remain', async () => {
    const first = await call('GET', `/query?q=${encodeURIComponent('SELECT Id, LastName, Owner.Name FROM Lead ORDER BY Id')}`, undefined, { 'Sforce-Query-Options': 'batchSize=200' })
    assertShape(first, 200, shapes.queryResult)
    const next = (first.body as { nextRecordsUrl?: string }).nextRecordsUrl
    assert.ok(next, 'a first batch of 200 out of 250 leads names the next')
    const rest = await call('GET', next.replace('/services/data/v62.0', ''))
    assertShape(rest, 200, shapes.queryResult)
    assert.equal((rest.body as { done: boolean }).done, true)
    const all = await call('GET', `/queryAll?q=${encodeURIComponent('SELECT Id FROM Lead')}`)
    assertShape(all, 200, shapes.queryResult)
  })

  it('answers a single create with its id and reads the record with attributes', async () => {
    const created = await call('POST', '/sobjects/Lead', { LastName: 'Solo', Company: 'Acme' })
    assertShape(created, 201, shapes.created)
    assertShape(await call('GET', `/sobjects/Lead/${(created.body as { id: string }).id}`), 200, shapes.record)
  })

  it('answers refused requests with the error list', async () => {
    assertShape(await call('GET', `/query?q=${encodeURIComponent('SELECT Nope FROM Lead')}`), 400, shapes.error)
    assertShape(await call('POST', '/composite/sobjects', { records: [{ attributes: { type: 'Lead' }, Nope__c: 1 }] }), 400, shapes.error)
    assertShape(await call('POST', '/sobjects/Lead', { Company: 'Acme' }), 400, shapes.error)
    assertShape(await call('GET', '/sobjects/Lead/00Q000000000000AAA'), 404, shapes.error)
    assertShape(await call('GET', '/sobjects/Lead/describe', undefined, { authorization: 'Bearer wrong' }), 401, shapes.error)
  })
})
