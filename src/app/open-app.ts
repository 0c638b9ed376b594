import type { Connector } from '../domain/connector.js'
import type { RevsyncConfig } from '../domain/config/config-schema.js'
import { openStore } from '../store/open-store.js'
import type { Store } from '../store/store.js'
import { createConnector } from './connectors/create-connector.js'
import type { ConnectorOptions } from './connectors/create-connector.js'
import { loadConfig } from './config/load-config.js'
import type { LoadedConfig } from './config/load-config.js'
import type { Logger } from './logger.js'
import { silentLogger } from './logger.js'
import type { SyncDeps } from './sync/sync-deps.js'
import { newId } from './new-id.js'
import { systemClock } from './system-clock.js'

/** What an app is built with; each has a default for real use. */
export interface AppDeps {
  /** Where runs log (default: nowhere; the CLI passes JSON lines on `--log`). */
  readonly logger?: Logger
  /** The clock every run, lease, id and command of the app reads (default: the real one). */
  readonly now?: () => Date
}

/** A config with its store and connectors open: what every command works on. */
export interface App {
  readonly loaded: LoadedConfig
  readonly config: RevsyncConfig
  readonly store: Store
  readonly connectors: ReadonlyMap<string, Connector>
  readonly logger: Logger
  /** The app's clock; commands read the time here, never on their own. */
  readonly now: () => Date
  /** A time-ordered id on the app's clock, for runs, entities and reviews. */
  newId(): string
  /** A further connector of a configured system (e.g. one that asks for lead assignment rules). */
  connector(system: string, options?: Omit<ConnectorOptions, 'missing'>): Connector
  /** Dependencies for a sync run, with the app's clock, ids and logger. */
  syncDeps(extra?: Partial<SyncDeps>): SyncDeps
  close(): Promise<void>
}

/**
 * Opens an app from an already loaded config (the demo builds its config in memory). This is
 * the composition root: the store, every connector, the clock, ids and the logger are made
 * here and handed down.
 */
export async function openAppFrom(loaded: LoadedConfig, deps: AppDeps = {}): Promise<App> {
  const { config } = loaded
  const logger = deps.logger ?? silentLogger
  const now = deps.now ?? systemClock
  const connectorOf = (name: string, options: ConnectorOptions = {}): Connector => {
    const system = config.systems[name]
    if (system === undefined) throw new Error(`no system named "${name}" in ${loaded.file}; it has: ${Object.keys(config.systems).join(', ') || 'none'}`)
    const missing = loaded.unresolved.get(name)
    return createConnector(system, { ...options, ...(missing ? { missing } : {}) })
  }
  const store = await openStore({ url: config.store })
  const connectors = new Map(Object.keys(config.systems).map((name) => [name, connectorOf(name)]))
  const id = () => newId(now().getTime())
  return {
    loaded,
    config,
    store,
    connectors,
    logger,
    now,
    newId: id,
    connector: connectorOf,
    syncDeps: (extra = {}) => ({ store, connectors, now, newId: id, logger, ...extra }),
    close: () => store.close(),
  }
}

/** Loads `revsync.yaml` and opens its store and connectors. */
export async function openApp(configPath: string, deps: AppDeps = {}): Promise<App> {
  return openAppFrom(await loadConfig(configPath), deps)
}
