import type { Connector } from '../../domain/connector.js'
import type { SalesforceSystemConfig } from '../../domain/config/system-config.js'
import type { ObjectSchema } from '../../domain/object-schema.js'
import { createRateLimiter, unlimited } from '../kit/rate-limiter.js'
import { defaultRetryPolicy, realSleep } from '../kit/retry.js'
import type { RetryPolicy } from '../kit/retry.js'
import { lookupRecords } from './lookup.js'
import { createDescribeCache } from './describe-cache.js'
import { readChanges } from './read.js'
import { removeRecords } from './remove.js'
import { toObjectSchema } from './schema.js'
import { createSalesforceSession } from './session.js'
import { listUsers } from './users.js'
import { writeRecords } from './write.js'
import type { WriteContext } from './write.js'

/** The `salesforce` system config; `timeoutSeconds` defaults to 60 as in the config file. */
export type SalesforceConnectorConfig = Omit<SalesforceSystemConfig, 'timeoutSeconds'> & { readonly timeoutSeconds?: number }

/** Collaborators tests replace: time, sleeping and the jitter source. */
export interface SalesforceConnectorDeps {
  readonly sleep?: (ms: number) => Promise<void>
  readonly random?: () => number
  readonly now?: () => number
}

export interface SalesforceConnectorOptions {
  /** Let the org's lead assignment rules choose the owner of created leads (`Sforce-Auto-Assign: TRUE`). */
  readonly autoAssignLeadsOnCreate?: boolean
  readonly retry?: RetryPolicy
  readonly timeoutMs?: number
}

/** The Salesforce connector plus what operators want to see about the org's API budget. */
export interface SalesforceConnector extends Connector {
  /** The org's API usage from the last `Sforce-Limit-Info` answer, if any call was made. */
  apiUsage(): { readonly used: number; readonly limit: number } | undefined
}

/** Creates a connector over jsforce for Lead, Contact, Account and User. Nothing is sent until first use. */
export function createSalesforceConnector(config: SalesforceConnectorConfig, deps: SalesforceConnectorDeps = {}, options: SalesforceConnectorOptions = {}): SalesforceConnector {
  const sleep = deps.sleep ?? realSleep
  const now = deps.now ?? Date.now
  const limiter = config.requestsPerSecond ? createRateLimiter(config.requestsPerSecond, { now, sleep }) : unlimited
  const session = createSalesforceSession(config, {
    limiter,
    retry: options.retry ?? defaultRetryPolicy,
    sleep,
    random: deps.random ?? Math.random,
    now,
    timeoutMs: options.timeoutMs ?? (config.timeoutSeconds ?? 60) * 1000,
  })
  const describes = createDescribeCache(session)
  const ctx: WriteContext = { session, describe: describes.get, autoAssignLeadsOnCreate: options.autoAssignLeadsOnCreate ?? false }
  return {
    kind: 'salesforce',
    describe: async (object): Promise<ObjectSchema> => toObjectSchema(await describes.refresh(object)),
    read: (object, since, options) => readChanges(ctx, object, since, options),
    lookup: (object, key, options) => lookupRecords(ctx, object, key, options),
    write: (object, ops) => writeRecords(ctx, object, ops),
    remove: (object, ids) => removeRecords(ctx, object, ids),
    users: () => listUsers(session),
    callCount: () => session.calls(),
    apiUsage: () => session.apiUsage(),
  }
}
