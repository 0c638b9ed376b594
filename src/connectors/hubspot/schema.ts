import type { FieldSchema, FieldType, ObjectSchema, RelationshipSchema } from '../../domain/object-schema.js'
import { mirrorProperty, ownerProperty } from './properties.js'
import type { HubSpotObject, PropertyInfo } from './properties.js'

function fieldType(p: PropertyInfo): FieldType {
  if (p.name === 'hs_object_id') return 'id'
  if (p.referencedObjectType === 'OWNER' || p.name === mirrorProperty.contacts.name || p.name === mirrorProperty.companies.name) return 'reference'
  if (p.name === 'email' || p.name.endsWith('_email')) return 'email'
  if (p.fieldType === 'phonenumber' || p.type === 'phone_number') return 'phone'
  if (p.name === 'website' || p.name.endsWith('_url')) return 'url'
  switch (p.type) {
    case 'number':
      return 'number'
    case 'bool':
      return 'boolean'
    case 'date':
      return 'date'
    case 'datetime':
      return 'datetime'
    case 'enumeration':
      return 'enum'
    default:
      return p.fieldType === 'textarea' ? 'text' : 'string'
  }
}

function referenceTo(p: PropertyInfo): string | undefined {
  if (p.referencedObjectType === 'OWNER') return 'owners'
  if (p.name === mirrorProperty.contacts.name || p.name === mirrorProperty.companies.name) return 'companies'
  return undefined
}

/** One property as a revsync field. HubSpot requires no property on create through the API. */
export function toFieldSchema(p: PropertyInfo): FieldSchema {
  const type = fieldType(p)
  const target = referenceTo(p)
  return {
    name: p.name,
    label: p.label,
    type,
    required: false,
    createable: !p.readOnly,
    updateable: !p.readOnly,
    ...(type === 'enum' ? { options: p.options } : {}),
    ...(target ? { referenceTo: target } : {}),
  }
}

/**
 * An object's schema from the properties API. The owner property and the association mirrors
 * are listed as relationships so that config maps them under `relationships`, not as fields.
 */
export function toObjectSchema(object: HubSpotObject, properties: readonly PropertyInfo[]): ObjectSchema {
  const names = new Set(properties.map((p) => p.name))
  const relationships: RelationshipSchema[] = []
  if (names.has(ownerProperty)) relationships.push({ name: 'owner', field: ownerProperty, target: 'user' })
  const mirror = mirrorProperty[object]
  relationships.push({ name: mirror.ref, field: mirror.name, target: 'company' })
  return {
    object,
    label: object === 'contacts' ? 'Contacts' : 'Companies',
    fields: properties.filter((p) => !p.hidden).map(toFieldSchema),
    relationships,
  }
}
