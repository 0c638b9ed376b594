import type { SimRequest, SimResponse, SimRoute } from '../kit/http-server.js'
import { errorResponse, notFound, validationError } from './errors.js'
import { bodyOf, guarded } from './guard.js'
import type { SimObjectType, SimProperty } from './property-catalog.js'
import { propertyDefinitionSchema } from './seed.js'
import type { HubSpotPropertyDefinition } from './seed.js'
import type { HubSpotState } from './state.js'

const iso = (ms: number): string => new Date(ms).toISOString()

/** A property as `GET /crm/v3/properties/{object}` answers it. */
export function publicProperty(p: SimProperty): Record<string, unknown> {
  return {
    updatedAt: iso(p.updatedAt),
    createdAt: iso(p.createdAt),
    name: p.name,
    label: p.label,
    type: p.type,
    fieldType: p.fieldType,
    description: p.description,
    groupName: p.groupName,
    options: p.options.map((o, i) => ({ label: o.label, value: o.value, displayOrder: o.displayOrder ?? i, hidden: o.hidden ?? false })),
    displayOrder: -1,
    calculated: p.calculated,
    externalOptions: p.externalOptions,
    hasUniqueValue: p.hasUniqueValue,
    hidden: p.hidden,
    hubspotDefined: p.hubspotDefined,
    ...(p.referencedObjectType ? { referencedObjectType: p.referencedObjectType } : {}),
    modificationMetadata: { archivable: !p.hubspotDefined, readOnlyDefinition: p.hubspotDefined, readOnlyValue: p.readOnlyValue },
    formField: !p.readOnlyValue,
    dataSensitivity: 'non_sensitive',
  }
}

/** Builds a custom (not HubSpot-defined) property from its definition. */
export function customProperty(def: HubSpotPropertyDefinition, at: number): SimProperty {
  const parsed = propertyDefinitionSchema.parse(def)
  return {
    ...parsed,
    hubspotDefined: false,
    calculated: false,
    externalOptions: false,
    hidden: false,
    createdAt: at,
    updatedAt: at,
  }
}

function createProperty(state: HubSpotState, object: SimObjectType) {
  return (req: SimRequest): SimResponse => {
    const parsed = propertyDefinitionSchema.safeParse(bodyOf(req))
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      return validationError(`Invalid property definition: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim(), state.correlationId())
    }
    const defs = state.properties[object]
    if (defs.has(parsed.data.name)) {
      return errorResponse(409, { status: 'error', message: `Property named '${parsed.data.name}' already exists.`, correlationId: state.correlationId(), category: 'OBJECT_ALREADY_EXISTS' })
    }
    const property = customProperty(parsed.data, state.now())
    defs.set(property.name, property)
    return { status: 201, body: publicProperty(property) }
  }
}

/** The properties API routes of one object type. */
export function propertyRoutes(state: HubSpotState, object: SimObjectType): SimRoute[] {
  const base = `/crm/v3/properties/${object}`
  const name = `${object}.properties`
  return [
    {
      method: 'GET',
      pattern: base,
      name,
      handler: guarded(state, () => ({ status: 200, body: { results: [...state.properties[object].values()].map(publicProperty) } })),
    },
    {
      method: 'GET',
      pattern: `${base}/:name`,
      name,
      handler: guarded(state, (req) => {
        const p = state.properties[object].get(req.params.name ?? '')
        return p ? { status: 200, body: publicProperty(p) } : notFound(`Unable to find property ${req.params.name ?? ''}`, state.correlationId())
      }),
    },
    { method: 'POST', pattern: base, name: `${object}.properties.create`, handler: guarded(state, createProperty(state, object)) },
  ]
}
