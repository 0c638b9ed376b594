import { ConnectorError } from '../../domain/connector.js'
import type { FieldSchema, FieldType, ObjectSchema, RelationshipSchema } from '../../domain/object-schema.js'
import type { SugarClient } from './client.js'
import { isStructural, refFieldsOf } from './fields.js'

/** A vardef as `GET /metadata?type_filter=modules` returns it. */
interface SugarVardef {
  readonly name: string
  readonly type: string
  readonly vname?: string
  readonly required?: boolean | string
  readonly readonly?: boolean | string
  readonly calculated?: boolean | string
  readonly source?: string
  readonly options?: string | readonly string[] | Readonly<Record<string, string>>
  readonly module?: string
  readonly id_name?: string
}

/** The parts of `GET /lang/{language}` that name fields and dropdown values. */
export interface SugarLang {
  readonly app_list_strings?: Readonly<Record<string, Readonly<Record<string, string>> | undefined>>
  readonly app_strings?: Readonly<Record<string, string>>
  readonly mod_strings?: Readonly<Record<string, Readonly<Record<string, string>> | undefined>>
}

/** Types of Sugar vardefs with no place in revsync: links, collections, the email widget. */
const skippedTypes = new Set(['link', 'email', 'collection', 'team_list', 'relate_collection', 'image', 'file', 'json', 'tag'])

const typeMap: Readonly<Record<string, FieldType>> = {
  id: 'id', varchar: 'string', name: 'string', char: 'string', fullname: 'string', user_name: 'string',
  text: 'text', longtext: 'text', phone: 'phone', url: 'url', int: 'number', decimal: 'number', float: 'number',
  currency: 'number', bool: 'boolean', date: 'date', datetime: 'datetime', datetimecombo: 'datetime',
  enum: 'enum', multienum: 'enum', radioenum: 'enum', relate: 'id', assigned_user_name: 'id',
}

const flag = (v: unknown): boolean => v === true || v === 'true' || v === 1 || v === '1'

/** Builds the schema of a module from its vardefs and language strings. */
export function toObjectSchema(module: string, vardefs: Readonly<Record<string, SugarVardef>>, lang: SugarLang): ObjectSchema {
  const refFields = refFieldsOf(module)
  const refNames = new Set<string>(Object.values(refFields))
  const fields: FieldSchema[] = []
  for (const def of Object.values(vardefs)) {
    if (skippedTypes.has(def.type) || isStructural(module, def.name)) continue
    fields.push(toFieldSchema(module, def, lang, refNames.has(def.name)))
  }
  const relationships: RelationshipSchema[] = Object.entries(refFields).map(([name, field]) => ({
    name: name as RelationshipSchema['name'],
    field,
    target: name === 'owner' ? ('user' as const) : ('company' as const),
  }))
  return { object: module, label: lang.app_list_strings?.moduleList?.[module] ?? module, fields, relationships }
}

function toFieldSchema(module: string, def: SugarVardef, lang: SugarLang, isRef: boolean): FieldSchema {
  const label = (def.vname && (lang.mod_strings?.[module]?.[def.vname] ?? lang.app_strings?.[def.vname])) || humanize(def.name)
  // A relate field that is not its own id holder (assigned_user_name, account_name) only displays
  // the related record's name: Sugar ignores writes to it.
  const displayRelate = (def.type === 'relate' || def.type === 'assigned_user_name') && def.id_name !== undefined && def.id_name !== def.name
  const nonDbWritable = def.name === 'email1' || isRef
  const readOnly =
    flag(def.readonly) || flag(def.calculated) || displayRelate || def.type === 'fullname' || (def.source === 'non-db' && !nonDbWritable)
  const type: FieldType = def.name === 'email1' ? 'email' : isRef ? 'reference' : displayRelate ? 'string' : (typeMap[def.type] ?? 'string')
  const options = enumOptions(def, lang)
  const referenceTo = isRef ? (def.module ?? (def.name === 'assigned_user_id' ? 'Users' : 'Accounts')) : undefined
  return {
    name: def.name,
    label,
    type,
    required: flag(def.required) && !readOnly,
    createable: !readOnly,
    updateable: !readOnly,
    ...(options ? { options } : {}),
    ...(referenceTo ? { referenceTo } : {}),
  }
}

function enumOptions(def: SugarVardef, lang: SugarLang): string[] | undefined {
  if (def.options === undefined) return undefined
  if (Array.isArray(def.options)) return [...def.options]
  const list = typeof def.options === 'string' ? lang.app_list_strings?.[def.options] : def.options
  return list ? Object.keys(list).filter((k) => k !== '') : undefined
}

function humanize(name: string): string {
  const words = name.replace(/_c$/, '').split('_').filter(Boolean)
  return words.map((w, i) => (i === 0 ? w[0]!.toUpperCase() + w.slice(1) : w)).join(' ')
}

/**
 * `describe`: the module's vardefs from `/metadata` and labels and dropdown values from
 * `/lang/en_us` (read once per connector; `loadLang` caches it).
 */
export async function describeModule(client: SugarClient, module: string, loadLang: () => Promise<SugarLang>): Promise<ObjectSchema> {
  const query = `type_filter=modules&module_filter=${encodeURIComponent(module)}`
  const meta = await client.request<{ modules?: Record<string, { fields?: Record<string, SugarVardef> } | undefined> }>({
    method: 'GET',
    path: `/rest/v11/metadata?${query}`,
  })
  const vardefs = meta.modules?.[module]?.fields
  if (!vardefs) throw new ConnectorError('sugarcrm', 'bad_request', `unknown object "${module}": the instance has no such module (Sugar module names are plural, e.g. Leads, Contacts, Accounts, Users)`)
  return toObjectSchema(module, vardefs, await loadLang())
}
