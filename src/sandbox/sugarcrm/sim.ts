import { startSimServer } from '../kit/http-server.js'
import type { SimResponse, SimRoute, SimServer } from '../kit/http-server.js'
import { createFaultInjector } from '../kit/faults.js'
import { createRouteMatcher } from '../kit/route-matcher.js'
import { bulkRoute } from './bulk-route.js'
import type { SugarContext, SugarLimits } from './context.js'
import { convertRoute } from './convert-route.js'
import { rateLimited, serverError, sugarError } from './errors.js'
import { metadataRoutes } from './metadata-routes.js'
import { SugarOAuth } from './oauth.js'
import { recordRoutes } from './record-routes.js'
import { parseSugarSeed } from './seed.js'
import type { ParsedSugarSeed, SugarSeed } from './seed.js'
import { SugarStore } from './store.js'
import type { StoredRecord } from './store.js'
import type { SugarModule } from './vardefs.js'
import { SugarWebLogicHooks } from './web-logic-hooks.js'
import type { SugarHookSettings } from './web-logic-hooks.js'

export interface SugarSimOptions {
  readonly seed?: SugarSeed
  readonly port?: number
  /** The simulator's clock in epoch ms; timestamps and token expiry follow it. */
  readonly now?: () => number
  /** Largest `max_num` honoured; default 1000 (Sugar's `max_record_fetch_size` default). */
  readonly maxNum?: number
  /** Most requests per `/bulk` call; default 100. */
  readonly bulkLimit?: number
  /** Web logic hooks to send after saves and deletes (also settable later with `hooks.configure`). */
  readonly hooks?: SugarHookSettings
}

/** What tests inspect and drive directly. */
export interface SugarSimState extends SugarContext {
  /** Records of a module, deleted ones included only when asked. */
  records(module: SugarModule, options?: { readonly deleted?: boolean }): StoredRecord[]
}

export type SugarSim = SimServer & { readonly state: SugarSimState; readonly hooks: SugarWebLogicHooks }

/**
 * Starts a SugarCRM REST v11 simulator on 127.0.0.1: OAuth2 password/refresh grants, module
 * filter/CRUD, `/bulk`, lead conversion, metadata and language strings, with injectable faults
 * (`/__sandbox/faults`) and two control routes of its own: `POST /rest/v11/__sandbox/expire-tokens`
 * (`{ refresh?: true }` ends refresh tokens too) and `POST /rest/v11/__sandbox/bulk-faults`
 * (`{ failEvery, failCount?, status? }`: partial batch failures inside `/bulk`).
 */
export async function startSugarSim(options: SugarSimOptions = {}): Promise<SugarSim> {
  const store = new SugarStore(options.now ?? Date.now)
  loadSeed(store, parseSugarSeed(options.seed ?? {}))
  const hooks = new SugarWebLogicHooks(options.now ?? Date.now)
  if (options.hooks) hooks.configure(options.hooks)
  store.onChange = (rec, event, isUpdate) => hooks.fire(rec, event, isUpdate)
  const limits: SugarLimits = { maxNum: options.maxNum ?? 1000, bulkLimit: options.bulkLimit ?? 100 }
  const ctx: SugarContext = { store, oauth: new SugarOAuth(store), limits, bulkFaults: { failEvery: 0, failCount: 0, status: 503, seen: 0 } }
  // The bulk route runs sub-requests through the full route list, itself included (it refuses nesting).
  let matcher: ReturnType<typeof createRouteMatcher> = () => undefined
  const routes: SimRoute[] = [
    { method: 'POST', pattern: '/rest/v11/oauth2/token', name: 'oauth2.token', handler: (req) => ctx.oauth.token(req.body) },
    {
      method: 'POST',
      pattern: '/rest/v11/__sandbox/expire-tokens',
      name: 'sandbox.expire-tokens',
      handler: (req) => ({ status: 200, body: { expired: ctx.oauth.expireAll((req.body as { refresh?: unknown } | undefined)?.refresh === true) } }),
    },
    { method: 'POST', pattern: '/rest/v11/__sandbox/bulk-faults', name: 'sandbox.bulk-faults', handler: (req) => setBulkFaults(ctx, req.body) },
    ...metadataRoutes(ctx),
    bulkRoute(ctx, () => matcher),
    convertRoute(ctx),
    ...recordRoutes(ctx),
  ]
  matcher = createRouteMatcher(routes)
  const server = await startSimServer({
    routes,
    port: options.port,
    faults: createFaultInjector({ rateLimited, serverError }),
    notFound: (req) => sugarError(404, 'no_method', `Could not find a route for ${req.method} ${req.path}`),
  })
  const state: SugarSimState = {
    ...ctx,
    records: (module, opts) => [...store.modules[module].values()].filter((r) => opts?.deleted === true || r.values.deleted !== true),
  }
  return {
    ...server,
    state,
    hooks,
    close: async () => {
      hooks.sender.close()
      await server.close()
    },
  }
}

function setBulkFaults(ctx: SugarContext, body: unknown): SimResponse {
  const b = (body ?? {}) as Record<string, unknown>
  const num = (v: unknown, fallback: number): number => (typeof v === 'number' && Number.isFinite(v) ? v : fallback)
  Object.assign(ctx.bulkFaults, { failEvery: num(b.failEvery, 0), failCount: num(b.failCount, Number.MAX_SAFE_INTEGER), status: num(b.status, 503), seen: 0 })
  return { status: 200, body: { ...ctx.bulkFaults } }
}

function loadSeed(store: SugarStore, seed: ParsedSugarSeed): void {
  for (const { password, email1, ...user } of seed.users) {
    const rec = store.load('Users', { ...user, ...(email1 ? { email1 } : {}) })
    if (password !== undefined) store.passwords.set(rec.id, password)
  }
  // Seeded rows were "created" by the first user (Sugar's admin, id 1 in a fresh install).
  const creator = store.modules.Users.keys().next().value ?? ''
  const audit = { created_by: creator, modified_user_id: creator }
  for (const account of seed.accounts) store.load('Accounts', { ...audit, ...account })
  for (const contact of seed.contacts) store.load('Contacts', { ...audit, ...contact })
  for (const lead of seed.leads) store.load('Leads', { ...audit, ...lead })
  for (const module of ['Accounts', 'Contacts', 'Leads'] as const) {
    for (const rec of store.modules[module].values()) checkSeedRefs(store, rec)
  }
}

/** A seed that points at a missing user or account is a mistake in the seed: say which. */
function checkSeedRefs(store: SugarStore, rec: StoredRecord): void {
  const refs: [string, SugarModule][] = [['assigned_user_id', 'Users'], ['account_id', 'Accounts'], ['parent_id', 'Accounts']]
  for (const [field, target] of refs) {
    const value = rec.values[field]
    if (typeof value === 'string' && value !== '' && !store.modules[target].has(value)) {
      throw new Error(`invalid SugarCRM seed: ${rec.module} ${rec.id} has ${field} "${value}", which is not a seeded ${target} id`)
    }
  }
}
