import { createHash } from 'node:crypto'
import type { SimRoute } from '../kit/http-server.js'
import { authed } from './context.js'
import type { SugarContext } from './context.js'
import { parseQueryArgs } from './query-args.js'
import { appListStrings, moduleFields, sugarModules } from './vardefs.js'
import type { SugarModule } from './vardefs.js'

const hash = (value: unknown): string => createHash('md5').update(JSON.stringify(value)).digest('hex')

function moduleMeta(module: SugarModule) {
  const fields = Object.fromEntries([...moduleFields(module).values()].map(({ label: _label, ...def }) => [def.name, def]))
  return { fields, _hash: hash(fields) }
}

function listArg(raw: unknown): string[] | undefined {
  if (raw === undefined || raw === '') return undefined
  return (Array.isArray(raw) ? raw.map(String) : String(raw).split(',')).map((s) => s.trim())
}

/**
 * `GET /metadata?type_filter=modules&module_filter=Contacts` (field vardefs per module) and
 * `GET /lang/{language}` (`app_list_strings` for dropdowns, `mod_strings` for field labels).
 */
export function metadataRoutes(ctx: SugarContext): SimRoute[] {
  return [
    authed(ctx, 'GET', '/rest/v11/metadata', 'metadata', (req) => {
      const args = parseQueryArgs(req.query)
      const types = listArg(args.type_filter) ?? ['modules', 'full_module_list']
      const wanted = listArg(args.module_filter) ?? [...sugarModules]
      const modules = sugarModules.filter((m) => wanted.includes(m))
      const body: Record<string, unknown> = {}
      if (types.includes('modules')) body.modules = Object.fromEntries(modules.map((m) => [m, moduleMeta(m)]))
      if (types.includes('full_module_list')) body.full_module_list = Object.fromEntries(sugarModules.map((m) => [m, m]))
      body._hash = hash(body)
      return { status: 200, body }
    }),
    authed(ctx, 'GET', '/rest/v11/lang/:lang', 'lang', () => {
      const modStrings = Object.fromEntries(
        sugarModules.map((m) => [m, Object.fromEntries([...moduleFields(m).values()].map((d) => [d.vname, d.label]))]),
      )
      const body = { app_list_strings: appListStrings, app_strings: { LBL_BROWSER_TITLE: 'SugarCRM' }, mod_strings: modStrings }
      return { status: 200, body: { ...body, _hash: hash(body) } }
    }),
  ]
}
