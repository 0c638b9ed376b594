import type { SimRoute } from '../kit/http-server.js'
import { authed, bodyObject, moduleParam } from './context.js'
import type { SugarContext } from './context.js'
import { compileFilter, parseOrderBy, sortRecords } from './filter.js'
import { formatRecord } from './format.js'
import { parseQueryArgs } from './query-args.js'
import { notWritable } from './store.js'
import type { SugarModule } from './vardefs.js'

/** Sugar's default page size when `max_num` is not given. */
const defaultMaxNum = 20

/**
 * `/{module}/filter` (GET and POST), `GET /{module}`: filter, order, `max_num` / `offset`
 * paging with `next_offset` (-1 at the end), `fields`, and `deleted` to include deleted rows.
 */
export function listRecords(ctx: SugarContext, module: SugarModule, args: Record<string, unknown>, userId: string) {
  const requested = Number(args.max_num)
  const limit = Number.isFinite(requested) && requested > 0 ? Math.min(Math.floor(requested), ctx.limits.maxNum) : defaultMaxNum
  const offset = Math.max(0, Math.floor(Number(args.offset) || 0))
  const withDeleted = args.deleted === true || args.deleted === 'true' || args.deleted === '1' || args.deleted === 1
  const matches = compileFilter(ctx.store, module, args.filter, userId)
  const terms = parseOrderBy(module, args.order_by)
  const rows = [...ctx.store.modules[module].values()].filter((r) => (withDeleted || r.values.deleted !== true) && matches(r))
  const sorted = sortRecords(ctx.store, rows, terms)
  const select = parseFields(args.fields)
  return {
    next_offset: sorted.length > offset + limit ? offset + limit : -1,
    records: sorted.slice(offset, offset + limit).map((r) => formatRecord(ctx.store, r, select)),
  }
}

function parseFields(raw: unknown): Set<string> | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined
  const list = Array.isArray(raw) ? raw.map(String) : String(raw).split(',')
  return new Set(list.map((s) => s.trim()).filter((s) => s !== ''))
}

/** The record CRUD and list routes. Order matters: `/filter` before `/:id`. */
export function recordRoutes(ctx: SugarContext): SimRoute[] {
  const writable = (module: SugarModule): SugarModule => {
    if (module === 'Users') throw notWritable(module)
    return module
  }
  return [
    authed(ctx, 'GET', '/rest/v11/:module/filter', 'filter', (req, user) => ({
      status: 200,
      body: listRecords(ctx, moduleParam(req), parseQueryArgs(req.query), user),
    })),
    authed(ctx, 'POST', '/rest/v11/:module/filter', 'filter', (req, user) => ({
      status: 200,
      body: listRecords(ctx, moduleParam(req), bodyObject(req), user),
    })),
    authed(ctx, 'GET', '/rest/v11/:module', 'list', (req, user) => ({
      status: 200,
      body: listRecords(ctx, moduleParam(req), parseQueryArgs(req.query), user),
    })),
    authed(ctx, 'POST', '/rest/v11/:module', 'record.create', (req, user) => {
      const rec = ctx.store.create(writable(moduleParam(req)), bodyObject(req), user)
      return { status: 200, body: formatRecord(ctx.store, rec) }
    }),
    authed(ctx, 'GET', '/rest/v11/:module/:id', 'record.get', (req) => {
      const rec = ctx.store.get(moduleParam(req), req.params.id ?? '')
      return { status: 200, body: formatRecord(ctx.store, rec, parseFields(parseQueryArgs(req.query).fields)) }
    }),
    authed(ctx, 'PUT', '/rest/v11/:module/:id', 'record.update', (req, user) => {
      const rec = ctx.store.update(writable(moduleParam(req)), req.params.id ?? '', bodyObject(req), user)
      return { status: 200, body: formatRecord(ctx.store, rec) }
    }),
    authed(ctx, 'DELETE', '/rest/v11/:module/:id', 'record.delete', (req, user) => {
      const id = req.params.id ?? ''
      ctx.store.remove(writable(moduleParam(req)), id, user)
      return { status: 200, body: { id } }
    }),
  ]
}
