import type { HubSpotSystemConfig } from '../../domain/config/system-config.js'
import type { Connector, ReadOptions } from '../../domain/connector.js'
import type { Cursor, Page } from '../../domain/records.js'
import { createHubSpotApi } from './client.js'
import type { HubSpotConnectorDeps } from './client.js'
import { asConnectorError } from './errors.js'
import { lookupRecords } from './lookup.js'
import { createPropertyCache, hubSpotObject } from './properties.js'
import { readChanges } from './read.js'
import { removeRecords } from './remove.js'
import { toObjectSchema } from './schema.js'
import { listUsers } from './users.js'
import { writeRecords } from './write.js'

export type { HubSpotConnectorDeps } from './client.js'

/** The `hubspot` system config; `timeoutSeconds` defaults to 60 as in the config file. */
export type HubSpotConnectorConfig = Omit<HubSpotSystemConfig, 'timeoutSeconds'> & { readonly timeoutSeconds?: number }

/** Runs a call so that only `ConnectorError`s (and per-record results) leave the connector. */
async function guard<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (error) {
    throw asConnectorError(error)
  }
}

async function* guardPages(pages: () => AsyncGenerator<Page>): AsyncGenerator<Page> {
  try {
    yield* pages()
  } catch (error) {
    throw asConnectorError(error)
  }
}

/**
 * The HubSpot connector: contacts and companies, owners as users, properties as schema, v4
 * associations for a contact's primary company and a company's parent, and batch archive for
 * deletes, all through the official `@hubspot/api-client` pointed at `config.url`.
 */
export function createHubSpotConnector(config: HubSpotConnectorConfig, deps: HubSpotConnectorDeps = {}): Connector {
  const api = createHubSpotApi(
    {
      url: config.url,
      token: config.auth.token,
      timeoutMs: (config.timeoutSeconds ?? 60) * 1000,
      ...(config.requestsPerSecond === undefined ? {} : { requestsPerSecond: config.requestsPerSecond }),
    },
    deps,
  )
  const properties = createPropertyCache(api)
  return {
    kind: 'hubspot',
    describe: (object) => guard(async () => toObjectSchema(hubSpotObject(object), await properties.refresh(hubSpotObject(object)))),
    read: (object: string, since?: Cursor, options?: ReadOptions) => guardPages(() => readChanges(api, properties, hubSpotObject(object), since, options)),
    lookup: (object, key, options) => guard(() => lookupRecords(api, properties, hubSpotObject(object), key, options)),
    write: (object, ops) => guard(() => writeRecords(api, properties, hubSpotObject(object), ops)),
    remove: (object, ids) => guard(() => removeRecords(api, hubSpotObject(object), ids)),
    users: () => guard(() => listUsers(api)),
    callCount: () => api.calls(),
  }
}
