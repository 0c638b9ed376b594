import type { SimRequest, SimResponse, SimRoute } from '../kit/http-server.js'
import { notFound, validationError } from './errors.js'
import { guarded } from './guard.js'
import type { HubSpotState, SimOwner } from './state.js'

const maxLimit = 500

function publicOwner(o: SimOwner): Record<string, unknown> {
  return {
    id: o.id,
    email: o.email,
    type: 'PERSON',
    firstName: o.firstName,
    lastName: o.lastName,
    // `userId` is an optional integer: an owner whose user is deactivated has none (not null).
    ...(o.archived ? {} : { userId: o.userId }),
    userIdIncludingInactive: o.userId,
    createdAt: new Date(o.createdAt).toISOString(),
    updatedAt: new Date(o.updatedAt).toISOString(),
    archived: o.archived,
    teams: [],
  }
}

/**
 * `GET /crm/v3/owners`: active owners, or only the archived (deactivated) ones with
 * `archived=true`, in pages of up to 500 with an opaque `after`.
 */
function listOwners(state: HubSpotState) {
  return (req: SimRequest): SimResponse => {
    const limit = Number(req.query.get('limit') ?? '100')
    if (!Number.isInteger(limit) || limit < 1 || limit > maxLimit) return validationError(`limit must be between 1 and ${maxLimit}`, state.correlationId())
    const archived = req.query.get('archived') === 'true'
    const email = req.query.get('email')?.toLowerCase()
    const owners = [...state.owners.values()]
      .filter((o) => o.archived === archived && (!email || o.email.toLowerCase() === email))
      .sort((a, b) => Number(a.id) - Number(b.id))
    const start = Number(req.query.get('after') ?? '0') || 0
    const page = owners.slice(start, start + limit).map(publicOwner)
    const next = start + limit < owners.length ? { paging: { next: { after: String(start + limit), link: `?after=${start + limit}` } } } : {}
    return { status: 200, body: { results: page, ...next } }
  }
}

function getOwner(state: HubSpotState) {
  return (req: SimRequest): SimResponse => {
    const archived = req.query.get('archived') === 'true'
    const id = req.params.ownerId ?? ''
    const byUser = req.query.get('idProperty') === 'userId'
    const owner = [...state.owners.values()].find((o) => (byUser ? String(o.userId) === id : o.id === id) && o.archived === archived)
    return owner ? { status: 200, body: publicOwner(owner) } : notFound(`Owner ${id} not found`, state.correlationId())
  }
}

/** The owners API routes. */
export function ownerRoutes(state: HubSpotState): SimRoute[] {
  return [
    // The official client asks for `/crm/v3/owners/`; HubSpot answers with and without the slash.
    { method: 'GET', pattern: '/crm/v3/owners/', name: 'owners', handler: guarded(state, listOwners(state)) },
    { method: 'GET', pattern: '/crm/v3/owners', name: 'owners', handler: guarded(state, listOwners(state)) },
    { method: 'GET', pattern: '/crm/v3/owners/:ownerId', name: 'owners', handler: guarded(state, getOwner(state)) },
  ]
}
