import type { z } from 'zod'
import type { Connector } from '../../domain/connector.js'
import { sugarcrmSystemSchema } from '../../domain/config/system-config.js'
import type { Page } from '../../domain/records.js'
import { createSugarClient } from './client.js'
import type { SugarCrmDeps } from './client.js'
import { toConnectorError } from './errors.js'
import { lookupRecords } from './lookup.js'
import { readModule } from './read.js'
import { describeModule } from './schema.js'
import type { SugarLang } from './schema.js'
import { listUsers } from './users.js'
import { removeRecords, writeRecords } from './write.js'

export type { SugarCrmDeps } from './client.js'

/** The `sugarcrm` system config, before or after its defaults (client `sugar`, platform `revsync`). */
export type SugarCrmConnectorConfig = z.input<typeof sugarcrmSystemSchema>

/**
 * Creates the SugarCRM connector (REST v11 over `fetch`): OAuth2 password grant with a custom
 * platform and refresh on 401, keyset reads on `date_modified`, `$in` lookups, `/bulk` writes and deletes.
 * Nothing is sent until the first call.
 */
export function createSugarCrmConnector(config: SugarCrmConnectorConfig, deps: SugarCrmDeps = {}): Connector {
  const client = createSugarClient(sugarcrmSystemSchema.parse(config), deps)
  let lang: Promise<SugarLang> | undefined
  const loadLang = (): Promise<SugarLang> => {
    lang ??= client.request<SugarLang>({ method: 'GET', path: '/rest/v11/lang/en_us' }).catch((e: unknown) => {
      lang = undefined
      throw e
    })
    return lang
  }
  const guard = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work()
    } catch (error) {
      throw toConnectorError(error, client.secrets())
    }
  }
  return {
    kind: 'sugarcrm',
    describe: (object) => guard(() => describeModule(client, object, loadLang)),
    read: (object, since, options) => guardPages(readModule(client, object, since, options), client.secrets),
    lookup: (object, key, options) => guard(() => lookupRecords(client, object, key, options)),
    write: (object, ops) => guard(() => writeRecords(client, object, ops)),
    remove: (object, ids) => guard(() => removeRecords(client, object, ids)),
    users: () => guard(() => listUsers(client)),
    callCount: () => client.calls(),
  }
}

async function* guardPages(pages: AsyncIterable<Page>, secrets: () => string[]): AsyncIterable<Page> {
  try {
    yield* pages
  } catch (error) {
    throw toConnectorError(error, secrets())
  }
}
