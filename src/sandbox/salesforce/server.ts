import type { IncomingMessage, ServerResponse } from 'node:http'
import { createFaultInjector } from '../kit/faults.js'
import { startSimServer } from '../kit/http-server.js'
import type { SimRequest, SimResponse, SimRoute, SimServer } from '../kit/http-server.js'
import { soapLogin, tokenRoute } from './auth-routes.js'
import { convertLead } from './convert-lead.js'
import type { ConvertLeadRequest } from './convert-lead.js'
import { describeObject } from './describe-object.js'
import { apiError, concurrentLimitExceeded, invalidSession, notFoundResource, serverUnavailable, totalRequestsExceeded } from './errors.js'
import { createQueryRoutes } from './query-routes.js'
import type { SaveContext } from './record-save.js'
import { parseSalesforceSeed } from './seed.js'
import type { SalesforceSeed } from './seed.js'
import { SoqlError } from './soql-parser.js'
import { createSalesforceState } from './state.js'
import type { SalesforceState } from './state.js'
import { autoAssignOf, createOne, deleteCollection, deleteOne, getOne, saveCollection, updateOne } from './write-routes.js'

/** The API versions the simulator answers to, newest last, as `GET /services/data/` lists them. */
const versions = ['58.0', '59.0', '60.0', '61.0', '62.0', '63.0']

export interface SalesforceSimOptions {
  readonly seed: SalesforceSeed
  readonly port?: number
  /** The simulator's clock in epoch milliseconds; datetimes are truncated to the second. */
  readonly now?: () => number
}

/** A running Salesforce simulator and its in-memory org, for tests to inspect. */
export type SalesforceSim = SimServer & { readonly state: SalesforceState }

type ApiHandler = (req: SimRequest, version: string, ctx: SaveContext) => SimResponse

/**
 * Starts a simulated Salesforce org on 127.0.0.1: OAuth2 and SOAP login, describe, SOQL query
 * with locator paging, sObject Collections, single-record REST, and the sandbox's convert route.
 */
export async function startSalesforceSim(options: SalesforceSimOptions): Promise<SalesforceSim> {
  const state = createSalesforceState(parseSalesforceSeed(options.seed), options.now ?? Date.now)
  state.sessions.set(state.seed.credentials.accessToken, state.defaultUserId())
  let url = ''
  const limitHeader = (): Record<string, string> => ({ 'Sforce-Limit-Info': `api-usage=${state.apiUsage}/${state.seed.dailyApiLimit}` })
  const withLimit = (res: SimResponse): SimResponse => ({ ...res, headers: { ...res.headers, ...limitHeader() } })

  function api(handler: ApiHandler): SimRoute['handler'] {
    return (req) => {
      const version = /^v(\d+\.\d)$/.exec(req.params.version ?? '')?.[1]
      if (version === undefined || !versions.includes(version)) return notFoundResource()
      const token = String(req.headers.authorization ?? '').replace(/^(Bearer|OAuth)\s+/i, '')
      const userId = state.sessions.get(token)
      if (userId === undefined) return invalidSession()
      if (state.apiUsage >= state.seed.dailyApiLimit) return withLimit(totalRequestsExceeded())
      state.apiUsage++
      try {
        return withLimit(handler(req, version, { userId, autoAssign: autoAssignOf(req) }))
      } catch (error) {
        if (error instanceof SoqlError) return withLimit(apiError(400, error.errorCode, error.message))
        throw error
      }
    }
  }

  const routes = buildRoutes(state, api, () => url)
  const faults = createFaultInjector({ rateLimited: () => withLimit(concurrentLimitExceeded()), serverError: serverUnavailable })
  const sim = await startSimServer({ routes, faults, notFound: notFoundResource, ...(options.port !== undefined ? { port: options.port } : {}) })
  url = sim.url
  serveSoapLogin(sim, state)
  return Object.assign(sim, { state })
}

function objectRoute(state: SalesforceState, req: SimRequest, then: (object: string) => SimResponse): SimResponse {
  const object = state.objectName(req.params.object ?? '')
  if (!object) return apiError(404, 'NOT_FOUND', `The requested resource does not exist`)
  return then(object)
}

function buildRoutes(state: SalesforceState, api: (h: ApiHandler) => SimRoute['handler'], instanceUrl: () => string): SimRoute[] {
  const query = createQueryRoutes(state)
  const data = '/services/data/:version'
  const control = (handler: (body: Record<string, unknown>) => SimResponse): SimRoute['handler'] => (req) => handler((req.body ?? {}) as Record<string, unknown>)
  return [
    { method: 'GET', pattern: '/services/data', name: 'versions', handler: () => ({ status: 200, body: versions.map((v) => ({ label: `v${v}`, url: `/services/data/v${v}`, version: v })) }) },
    { method: 'POST', pattern: '/services/oauth2/token', name: 'oauth.token', handler: (req) => tokenRoute(state, instanceUrl, req) },
    { method: 'GET', pattern: `${data}/limits`, name: 'limits', handler: api(() => ({ status: 200, body: { DailyApiRequests: { Max: state.seed.dailyApiLimit, Remaining: state.seed.dailyApiLimit - state.apiUsage } } })) },
    { method: 'GET', pattern: `${data}/sobjects/:object/describe`, name: 'describe', handler: api((req, v) => objectRoute(state, req, (o) => describeObject(state, o, v))) },
    { method: 'GET', pattern: `${data}/query`, name: 'query', handler: api((req, v) => query.query(req, v, false)) },
    { method: 'GET', pattern: `${data}/queryAll`, name: 'queryAll', handler: api((req, v) => query.query(req, v, true)) },
    { method: 'GET', pattern: `${data}/query/:locator`, name: 'queryMore', handler: api((req, v) => query.more(req, v)) },
    { method: 'POST', pattern: `${data}/composite/sobjects`, name: 'collections.create', handler: api((req, _v, ctx) => saveCollection(state, req, ctx, 'create')) },
    { method: 'PATCH', pattern: `${data}/composite/sobjects`, name: 'collections.update', handler: api((req, _v, ctx) => saveCollection(state, req, ctx, 'update')) },
    { method: 'DELETE', pattern: `${data}/composite/sobjects`, name: 'collections.delete', handler: api((req, _v, ctx) => deleteCollection(state, req, ctx)) },
    { method: 'POST', pattern: `${data}/sobjects/:object`, name: 'sobject.create', handler: api((req, _v, ctx) => objectRoute(state, req, (o) => createOne(state, req, o, ctx))) },
    { method: 'GET', pattern: `${data}/sobjects/:object/:id`, name: 'sobject.get', handler: api((req, v) => objectRoute(state, req, (o) => getOne(state, req, o, v))) },
    { method: 'PATCH', pattern: `${data}/sobjects/:object/:id`, name: 'sobject.update', handler: api((req, _v, ctx) => objectRoute(state, req, (o) => updateOne(state, req, o, ctx))) },
    { method: 'DELETE', pattern: `${data}/sobjects/:object/:id`, name: 'sobject.delete', handler: api((req, _v, ctx) => objectRoute(state, req, (o) => deleteOne(state, req, o, ctx))) },
    // Control routes: what a person does in Salesforce's UI (or over SOAP), driven by tests.
    { method: 'POST', pattern: `${data}/__sandbox/convertLead`, name: 'sandbox.convertLead', handler: control((b) => convertLead(state, b as ConvertLeadRequest, state.defaultUserId())) },
    { method: 'GET', pattern: `${data}/__sandbox/state`, name: 'sandbox.state', handler: () => ({ status: 200, body: stateSummary(state) }) },
    {
      method: 'GET',
      pattern: `${data}/__sandbox/records/:object`,
      name: 'sandbox.records',
      handler: (req) => objectRoute(state, req, (o) => ({ status: 200, body: [...state.records.get(o)!.values()] })),
    },
    {
      method: 'POST',
      pattern: `${data}/__sandbox/expireSessions`,
      name: 'sandbox.expireSessions',
      handler: control(() => {
        state.sessions.clear()
        return { status: 204 }
      }),
    },
  ]
}

/** Record counts and the API budget, for tests that check what a run really wrote. */
function stateSummary(state: SalesforceState): Record<string, unknown> {
  const counts = Object.fromEntries(
    [...state.records].map(([object, records]) => {
      const all = [...records.values()]
      return [object, { live: all.filter((r) => r.IsDeleted !== true).length, deleted: all.filter((r) => r.IsDeleted === true).length }]
    }),
  )
  return { counts, apiUsage: state.apiUsage, dailyApiLimit: state.seed.dailyApiLimit, sessions: state.sessions.size }
}

/** The SOAP login answers XML, which the JSON route table cannot send: serve it ahead of it. */
function serveSoapLogin(sim: SimServer, state: SalesforceState): void {
  const jsonListeners = sim.server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[]
  sim.server.removeAllListeners('request')
  sim.server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (req.method === 'POST' && /^\/services\/Soap\/u\/[\d.]+\/?$/.test(req.url ?? '')) {
      sim.calls.set('soap.login', (sim.calls.get('soap.login') ?? 0) + 1)
      void soapLogin(state, sim.url, req, res)
      return
    }
    for (const listener of jsonListeners) listener.call(sim.server, req, res)
  })
}
