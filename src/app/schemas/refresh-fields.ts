import type { RevsyncConfig } from '../../domain/config/config-schema.js'
import type { SchemaCatalog } from '../../domain/config/check-fields.js'
import type { Connector } from '../../domain/connector.js'
import type { ObjectSchema } from '../../domain/object-schema.js'
import type { Store } from '../../store/store.js'

/** What changed in one object's fields since the last refresh. */
export interface SchemaChange {
  readonly system: string
  readonly object: string
  readonly added: readonly string[]
  readonly removed: readonly string[]
  /** Fields whose type, required, createable or updateable flag changed. */
  readonly changed: readonly string[]
  readonly first: boolean
}

/** Every (system, object) pair the config's mappings use. */
export function mappedObjects(config: RevsyncConfig): { system: string; object: string }[] {
  const seen = new Map<string, { system: string; object: string }>()
  for (const mapping of Object.values(config.mappings)) {
    for (const s of mapping.systems) for (const object of s.objects) seen.set(`${s.system}/${object}`, { system: s.system, object })
  }
  return [...seen.values()]
}

function diff(system: string, object: string, before: ObjectSchema | undefined, after: ObjectSchema): SchemaChange {
  const old = new Map((before?.fields ?? []).map((f) => [f.name, f]))
  const now = new Map(after.fields.map((f) => [f.name, f]))
  const flags = (f: ObjectSchema['fields'][number]) => `${f.type}|${f.required}|${f.createable}|${f.updateable}`
  return {
    system,
    object,
    first: before === undefined,
    added: before ? [...now.keys()].filter((n) => !old.has(n)) : [],
    removed: [...old.keys()].filter((n) => !now.has(n)),
    changed: [...now.values()].filter((f) => old.has(f.name) && flags(old.get(f.name) as typeof f) !== flags(f)).map((f) => f.name),
  }
}

/**
 * "Refresh field info": describes every mapped object in its system, caches the schemas in
 * the store and returns what changed since the last refresh.
 */
export async function refreshFields(config: RevsyncConfig, store: Store, connectors: ReadonlyMap<string, Connector>, now: () => Date): Promise<{ catalog: SchemaCatalog; changes: SchemaChange[] }> {
  const catalog = new Map<string, Map<string, ObjectSchema>>()
  const changes: SchemaChange[] = []
  for (const { system, object } of mappedObjects(config)) {
    const connector = connectors.get(system)
    if (!connector) continue
    const schema = await connector.describe(object)
    const before = await store.loadSchema(system, object)
    await store.saveSchema(system, schema, now().toISOString())
    changes.push(diff(system, object, before?.schema, schema))
    const perSystem = catalog.get(system) ?? new Map<string, ObjectSchema>()
    perSystem.set(object, schema)
    catalog.set(system, perSystem)
  }
  return { catalog, changes }
}

/** Which objects to load and whether a schema fetched now is kept for later runs. */
export interface CatalogOptions {
  /** Only this mapping's objects (a run checks its own mapping); all mappings' by default. */
  readonly mapping?: string
  /** False for `plan`, which writes nothing to the store; true by default. */
  readonly cache?: boolean
}

/** The cached schemas of the mapped objects, fetching (and caching) those never fetched. */
export async function loadCatalog(config: RevsyncConfig, store: Store, connectors: ReadonlyMap<string, Connector>, now: () => Date, options: CatalogOptions = {}): Promise<SchemaCatalog> {
  const catalog = new Map<string, Map<string, ObjectSchema>>()
  const mapping = options.mapping === undefined ? undefined : config.mappings[options.mapping]
  const scope = mapping && options.mapping !== undefined ? { ...config, mappings: { [options.mapping]: mapping } } : config
  for (const { system, object } of mappedObjects(scope)) {
    let schema = (await store.loadSchema(system, object))?.schema
    const connector = connectors.get(system)
    if (!schema && connector) {
      schema = await connector.describe(object)
      if (options.cache ?? true) await store.saveSchema(system, schema, now().toISOString())
    }
    if (!schema) continue
    const perSystem = catalog.get(system) ?? new Map<string, ObjectSchema>()
    perSystem.set(object, schema)
    catalog.set(system, perSystem)
  }
  return catalog
}
