import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { startSalesforceSim } from './server.js'
import type { SalesforceSim } from './server.js'

const token = '00D8c0000000001!server-test'
let sim: SalesforceSim
let clock = Date.parse('2026-11-22T16:27:42.000Z')
const user = '0058c0000000001AAA'

async function call<T = unknown>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${sim.url}${path.startsWith('/services') ? path : `/services/data/v62.0${path}`}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  })
  const text = await res.text()
  return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : undefined) as T }
}

before(async () => {
  sim = await startSalesforceSim({
    now: () => clock,
    seed: {
      users: [{ Id: user, Username: 'ana@x.example', Email: 'ana@x.example', LastName: 'Alves' }],
      accounts: [{ Id: '0018c0000000001AAA', Name: 'Globex Inc.', Website: null }],
      leads: Array.from({ length: 2500 }, (_, i) => ({ LastName: `L${i}`, Company: 'Acme', UG_Past_Company__c: i === 0 ? 'Initech' : null })),
      customFields: { Lead: [{ name: 'UG_Past_Company__c' }], Contact: [{ name: 'UG_Past_Company__c' }] },
      credentials: { accessToken: token, clientId: 'cid', clientSecret: 'csecret' },
      dailyApiLimit: 50_000,
    },
  })
})
after(() => sim.close())

describe('salesforce simulator: REST API', () => {
  it('issues OAuth2 tokens for the client-credentials grant and refuses bad clients', async () => {
    const form = (body: Record<string, string>) => ({ method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(body).toString() })
    const ok = await fetch(`${sim.url}/services/oauth2/token`, form({ grant_type: 'client_credentials', client_id: 'cid', client_secret: 'csecret' }))
    const tokenBody = (await ok.json()) as Record<string, string>
    assert.equal(tokenBody.instance_url, sim.url)
    assert.equal(tokenBody.token_type, 'Bearer')
    assert.match(tokenBody.id!, /\/id\/00D8c0000000001EAA\/0058c0000000001AAA$/)
    const bad = await fetch(`${sim.url}/services/oauth2/token`, form({ grant_type: 'client_credentials', client_id: 'cid', client_secret: 'nope' }))
    assert.equal(bad.status, 400)
    assert.deepEqual(await bad.json(), { error: 'invalid_client', error_description: 'invalid client credentials' })
  })

  it('rejects a missing session and reports API usage on every answer', async () => {
    const denied = await call('GET', '/sobjects/Lead/describe', undefined, { authorization: 'Bearer wrong' })
    assert.equal(denied.status, 401)
    assert.deepEqual(denied.body, [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }])
    const before = sim.state.apiUsage
    const ok = await call('GET', '/sobjects/Lead/describe')
    assert.equal(ok.headers.get('sforce-limit-info'), `api-usage=${before + 1}/50000`)
  })

  it('pages queries by locator, 2,000 records a batch', async () => {
    const first = await call<{ totalSize: number; done: boolean; nextRecordsUrl: string; records: unknown[] }>('GET', `/query?q=${encodeURIComponent('SELECT Id FROM Lead ORDER BY Id')}`)
    assert.equal(first.body.totalSize, 2500)
    assert.equal(first.body.records.length, 2000)
    assert.match(first.body.nextRecordsUrl, /^\/services\/data\/v62\.0\/query\/01g[0-9A-Za-z]{15}-2000$/)
    const second = await call<{ done: boolean; records: unknown[]; nextRecordsUrl?: string }>('GET', first.body.nextRecordsUrl)
    assert.deepEqual([second.body.done, second.body.records.length, second.body.nextRecordsUrl], [true, 500, undefined])
    const stale = await call('GET', '/query/01g8c0000000999AAA-2000')
    assert.deepEqual(stale.body, [{ message: 'invalid query locator', errorCode: 'INVALID_QUERY_LOCATOR' }])
  })

  it('refuses more than 200 records in one collection and an unknown field for the whole request', async () => {
    const records = Array.from({ length: 201 }, () => ({ attributes: { type: 'Lead' }, LastName: 'X', Company: 'Y' }))
    const tooMany = await call<{ errorCode: string }[]>('POST', '/composite/sobjects', { allOrNone: false, records })
    assert.equal(tooMany.status, 400)
    assert.equal(tooMany.body[0]!.errorCode, 'EXCEEDED_ID_LIMIT')
    const unknown = await call('POST', '/composite/sobjects', { records: [{ attributes: { type: 'Lead' }, LastName: 'X', Company: 'Y', Nope__c: 1 }] })
    assert.deepEqual(unknown.body, [{ message: "No such column 'Nope__c' on sobject of type Lead", errorCode: 'INVALID_FIELD' }])
  })

  it('rolls every record back with allOrNone when one fails', async () => {
    const count = sim.state.live('Lead').length
    const res = await call<{ success: boolean; errors: { statusCode: string }[] }[]>('POST', '/composite/sobjects', {
      allOrNone: true,
      records: [{ attributes: { type: 'Lead' }, LastName: 'Ok', Company: 'Y' }, { attributes: { type: 'Lead' }, LastName: 'NoCompany' }],
    })
    assert.deepEqual(res.body.map((r) => r.errors[0]?.statusCode), ['ALL_OR_NONE_OPERATION_ROLLED_BACK', 'REQUIRED_FIELD_MISSING'])
    assert.equal(sim.state.live('Lead').length, count)
  })

  it('converts a lead as Salesforce records it, bumping every SystemModstamp', async () => {
    clock += 5_500
    const lead = await call<{ id: string }>('POST', '/sobjects/Lead', { FirstName: 'Ada', LastName: 'Obi', Company: 'Globex', Email: 'ada@globex.example', City: 'Lagos', UG_Past_Company__c: 'Initech' })
    clock += 3_000
    const res = await call<{ contactId: string; accountId: string }>('POST', '/__sandbox/convertLead', { leadId: lead.body.id, accountId: '0018c0000000001AAA' })
    assert.equal(res.status, 200)
    const stamp = '2026-11-22T16:27:50.000+0000'
    const stored = sim.state.records
    const convertedLead = stored.get('Lead')!.get(lead.body.id)!
    assert.deepEqual([convertedLead.IsConverted, convertedLead.ConvertedContactId, convertedLead.ConvertedAccountId, convertedLead.ConvertedDate, convertedLead.SystemModstamp], [true, res.body.contactId, '0018c0000000001AAA', '2026-11-22', stamp])
    const contact = stored.get('Contact')!.get(res.body.contactId)!
    assert.deepEqual([contact.FirstName, contact.Email, contact.MailingCity, contact.AccountId, contact.UG_Past_Company__c, contact.OwnerId], ['Ada', 'ada@globex.example', 'Lagos', '0018c0000000001AAA', 'Initech', user])
    const account = stored.get('Account')!.get('0018c0000000001AAA')!
    assert.deepEqual([account.Name, account.SystemModstamp], ['Globex Inc.', stamp], 'an existing account keeps its name')
    const again = await call('PATCH', `/sobjects/Lead/${lead.body.id}`, { Title: 'x' })
    assert.deepEqual(again.body, [{ message: 'cannot reference converted lead', errorCode: 'CANNOT_UPDATE_CONVERTED_LEAD', fields: [] }])
  })

  it('answers REQUEST_LIMIT_EXCEEDED once the daily budget is spent', async () => {
    const saved = sim.state.apiUsage
    sim.state.apiUsage = 50_000
    const res = await call('GET', '/sobjects/Lead/describe')
    sim.state.apiUsage = saved
    assert.equal(res.status, 403)
    assert.deepEqual(res.body, [{ message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }])
    assert.equal(res.headers.get('sforce-limit-info'), 'api-usage=50000/50000')
  })
})
