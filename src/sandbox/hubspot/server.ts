import { createFaultInjector } from '../kit/faults.js'
import { startSimServer } from '../kit/http-server.js'
import type { SimRequest, SimResponse, SimServer } from '../kit/http-server.js'
import { notFound, rateLimited, serverError, validationError } from './errors.js'
import { simObjectTypes } from './property-catalog.js'
import { associationRoutes } from './routes-associations.js'
import { objectRoutes } from './routes-objects.js'
import { ownerRoutes } from './routes-owners.js'
import { propertyRoutes } from './routes-properties.js'
import { parseHubSpotSeed } from './seed.js'
import type { HubSpotSeed } from './seed.js'
import { seedState } from './seed-state.js'
import { createState } from './state.js'
import type { HubSpotState } from './state.js'
import { HubSpotWebhooks } from './webhooks.js'
import type { HubSpotWebhookSettings } from './webhooks.js'

/** What `startHubSpotSim` takes. */
export interface HubSpotSimOptions {
  readonly seed: HubSpotSeed
  readonly port?: number
  /** The clock for timestamps, in epoch milliseconds; `Date.now` by default. */
  readonly now?: () => number
  /** An app subscribed to record changes: its target URL and secret (also settable later). */
  readonly webhooks?: HubSpotWebhookSettings
}

/** A running HubSpot simulator and its in-memory portal. */
export type HubSpotSim = SimServer & { readonly state: HubSpotState; readonly webhooks: HubSpotWebhooks }

function unknownRoute(state: HubSpotState) {
  return (req: SimRequest): SimResponse => {
    const object = /^\/crm\/v3\/(?:objects|properties)\/([^/]+)/.exec(req.path)?.[1]
    if (object !== undefined && !(simObjectTypes as readonly string[]).includes(object)) {
      return validationError(`Unable to infer object type from: ${object}`, state.correlationId())
    }
    return notFound(`No route for ${req.method} ${req.path}`, state.correlationId())
  }
}

/**
 * Starts a HubSpot simulator on 127.0.0.1: the CRM v3 objects, search, properties and owners
 * APIs and the v4 associations API for contacts and companies, with HubSpot's ids,
 * timestamps, paging, limits and error bodies, so `@hubspot/api-client` works against it
 * unchanged when its `basePath` points here.
 */
export async function startHubSpotSim(options: HubSpotSimOptions): Promise<HubSpotSim> {
  const seed = parseHubSpotSeed(options.seed)
  const state = createState(seed, options.now ?? Date.now)
  seedState(state, seed)
  // Subscribed after seeding: seeded records existed before the app was installed.
  const webhooks = new HubSpotWebhooks(state)
  if (options.webhooks) webhooks.configure(options.webhooks)
  const faults = createFaultInjector({
    rateLimited: (seconds) => rateLimited('TEN_SECONDLY_ROLLING', seconds, state.correlationId(), state.usage.headers()),
    serverError: () => serverError(state.correlationId()),
  })
  const routes = [
    ...simObjectTypes.flatMap((object) => [...objectRoutes(state, object), ...propertyRoutes(state, object)]),
    ...ownerRoutes(state),
    ...associationRoutes(state),
  ]
  const server = await startSimServer({ routes, faults, notFound: unknownRoute(state), ...(options.port === undefined ? {} : { port: options.port }) })
  return {
    ...server,
    state,
    webhooks,
    close: async () => {
      webhooks.sender.close()
      await server.close()
    },
  }
}
