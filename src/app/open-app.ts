import type { Connector } from '../domain/connector.js'
import type { RevsyncConfig } from '../domain/config/config-schema.js'
import { openStore } from '../store/open-store.js'
import type { Store } from '../store/store.js'
import { createConnector } from './connectors/create-connector.js'
import { unavailableConnector } from './connectors/unavailable-connector.js'
import { loadConfig } from './config/load-config.js'
import type { LoadedConfig } from './config/load-config.js'
import type { Logger } from './logger.js'
import { silentLogger } from './logger.js'
import type { SyncDeps } from './sync/sync-deps.js'
import { newId } from './new-id.js'

/** A config with its store and connectors open: what every command works on. */
export interface App {
  readonly loaded: LoadedConfig
  readonly config: RevsyncConfig
  readonly store: Store
  readonly connectors: ReadonlyMap<string, Connector>
  /** Dependencies for a sync run, with the real clock and ids. */
  syncDeps(extra?: Partial<SyncDeps>): SyncDeps
  close(): Promise<void>
}

/** Opens an app from an already loaded config (the demo builds its config in memory). */
export async function openAppFrom(loaded: LoadedConfig, logger: Logger = silentLogger): Promise<App> {
  const { config } = loaded
  const store = await openStore({ url: config.store })
  const connectors = new Map(Object.entries(config.systems).map(([name, system]) => {
    const missing = loaded.unresolved.get(name)
    return [name, missing ? unavailableConnector(system.kind, missing) : createConnector(system)]
  }))
  return {
    loaded,
    config,
    store,
    connectors,
    syncDeps: (extra = {}) => ({ store, connectors, now: () => new Date(), newId: () => newId(), logger, ...extra }),
    close: () => store.close(),
  }
}

/** Loads `revsync.yaml` and opens its store and connectors. */
export async function openApp(configPath: string, logger: Logger = silentLogger): Promise<App> {
  return openAppFrom(await loadConfig(configPath), logger)
}
