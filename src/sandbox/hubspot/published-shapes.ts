import { z } from 'zod'

/*
 * The answers of HubSpot's CRM APIs as HubSpot's published OpenAPI documents describe them
 * (CRM objects v3, search, properties v3, owners v3, associations v4), written as zod schemas
 * so a test can hold the simulator to them. Objects are strict where a reader could be misled
 * by an extra or a null field; an optional field must then be absent, not null.
 */

const dateTime = z.iso.datetime()
const stringMap = z.record(z.string(), z.string())
const errorContext = z.record(z.string(), z.array(z.string()))
const batchStatus = z.enum(['PENDING', 'PROCESSING', 'CANCELED', 'COMPLETE'])
const associationCategory = z.enum(['HUBSPOT_DEFINED', 'USER_DEFINED', 'INTEGRATOR_DEFINED'])
const objectId = z.strictObject({ id: z.string() })

/*
 * The v4 documents type record ids inside association answers as strings, while HubSpot's
 * guides and live answers carry them as JSON numbers; both are accepted, anything else is not.
 */
const associationRecordId = z.union([z.string().regex(/^\d+$/), z.number().int().positive()])

/** `ErrorDetail`: one detail of an error. */
const errorDetail = z.strictObject({
  message: z.string(),
  code: z.string().optional(),
  in: z.string().optional(),
  subCategory: z.string().optional(),
  context: errorContext.optional(),
})

/**
 * `Error`, the body of every failed call. The documents leave out `status`, which every
 * HubSpot error answer carries as `"error"`; it is the one field allowed beyond them.
 */
const errorBody = z.strictObject({
  status: z.literal('error').optional(),
  message: z.string(),
  correlationId: z.uuid(),
  category: z.string(),
  subCategory: z.string().optional(),
  context: errorContext.optional(),
  links: stringMap.optional(),
  errors: z.array(errorDetail).optional(),
})

/** `StandardError`, one entry of a multi-status batch answer; every field but two is required. */
const standardError = z.strictObject({
  status: z.string(),
  category: z.string(),
  message: z.string(),
  context: errorContext,
  errors: z.array(errorDetail),
  links: stringMap,
  id: z.string().optional(),
  subCategory: z.record(z.string(), z.unknown()).optional(),
})

/**
 * The 429 body, as HubSpot's API usage guide shows it: not the generic `Error` (it has
 * `errorType` and `policyName` where others have `category`).
 */
const rateLimitBody = z.strictObject({
  status: z.literal('error'),
  message: z.string(),
  errorType: z.literal('RATE_LIMIT'),
  correlationId: z.uuid(),
  policyName: z.enum(['DAILY', 'TEN_SECONDLY_ROLLING', 'SECONDLY']),
  groupName: z.string(),
})

const nextPage = z.strictObject({ after: z.string(), link: z.string().optional() })
const paging = z.strictObject({ next: nextPage.optional(), prev: z.strictObject({ before: z.string(), link: z.string().optional() }).optional() })
const forwardPaging = z.strictObject({ next: nextPage.optional() })

const valueWithTimestamp = z.strictObject({
  value: z.string(),
  timestamp: dateTime,
  sourceType: z.string(),
  sourceId: z.string().optional(),
  sourceLabel: z.string().optional(),
  updatedByUserId: z.number().int().optional(),
})

const objectFields = {
  id: z.string().regex(/^\d+$/),
  createdAt: dateTime,
  updatedAt: dateTime,
  archived: z.boolean().optional(),
  archivedAt: dateTime.optional(),
  objectWriteTraceId: z.string().optional(),
  propertiesWithHistory: z.record(z.string(), z.array(valueWithTimestamp)).optional(),
}

/** `SimplePublicObject`: property values are text or null (a known property with no value). */
const simplePublicObject = z.strictObject({ ...objectFields, properties: z.record(z.string(), z.string().nullable()) })

/** `SimplePublicObjectWithAssociations`, what the single read and the list answer. */
const objectWithAssociations = simplePublicObject.extend({
  associations: z.record(z.string(), z.strictObject({ results: z.array(z.strictObject({ id: z.string(), type: z.string() })), paging: paging.optional() })).optional(),
})

/** `SimplePublicUpsertObject`: its property values are never null, and `new` is required. */
const upsertObject = z.strictObject({ ...objectFields, properties: z.record(z.string(), z.string()), new: z.boolean() })

/** A `BatchResponse…` envelope around `result`; `errors` and `numErrors` come with a 207. */
function batchResponse<T extends z.ZodType>(result: T) {
  return z.strictObject({
    status: batchStatus,
    results: z.array(result),
    startedAt: dateTime,
    completedAt: dateTime,
    requestedAt: dateTime.optional(),
    links: stringMap.optional(),
    numErrors: z.number().int().optional(),
    errors: z.array(standardError).optional(),
  })
}

/** A multi-status batch answer: the envelope with its errors required and counted. */
function multiStatus<T extends z.ZodType>(result: T) {
  return batchResponse(result).extend({ numErrors: z.number().int().positive(), errors: z.array(standardError).min(1) })
}

/** `Option` of an enumeration property. */
const propertyOption = z.strictObject({
  label: z.string(),
  value: z.string(),
  hidden: z.boolean(),
  displayOrder: z.number().int().optional(),
  description: z.string().optional(),
})

/**
 * `Property`. HubSpot adds fields to property definitions over time (readers must ignore
 * them), so only the documented ones are checked and extras pass.
 */
const property = z.object({
  name: z.string(),
  label: z.string(),
  type: z.string(),
  fieldType: z.string(),
  description: z.string(),
  groupName: z.string(),
  options: z.array(propertyOption),
  displayOrder: z.number().int().optional(),
  hidden: z.boolean().optional(),
  hubspotDefined: z.boolean().optional(),
  calculated: z.boolean().optional(),
  externalOptions: z.boolean().optional(),
  hasUniqueValue: z.boolean().optional(),
  formField: z.boolean().optional(),
  referencedObjectType: z.string().optional(),
  showCurrencySymbol: z.boolean().optional(),
  calculationFormula: z.string().optional(),
  createdUserId: z.string().optional(),
  updatedUserId: z.string().optional(),
  createdAt: dateTime.optional(),
  updatedAt: dateTime.optional(),
  archived: z.boolean().optional(),
  archivedAt: dateTime.optional(),
  modificationMetadata: z
    .strictObject({ archivable: z.boolean(), readOnlyDefinition: z.boolean(), readOnlyValue: z.boolean(), readOnlyOptions: z.boolean().optional() })
    .optional(),
})

/** `PublicOwner`: `userId` is an optional integer, so an owner without an active user has none. */
const owner = z.strictObject({
  id: z.string(),
  type: z.enum(['PERSON', 'QUEUE']),
  createdAt: dateTime,
  updatedAt: dateTime,
  archived: z.boolean(),
  email: z.string().optional(),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  userId: z.number().int().optional(),
  userIdIncludingInactive: z.number().int().optional(),
  teams: z.array(z.strictObject({ id: z.string(), name: z.string(), primary: z.boolean() })).optional(),
})

/** `AssociationSpecWithLabel`: `label` is an optional string, absent on unlabelled types. */
const associationSpecWithLabel = z.strictObject({ category: associationCategory, typeId: z.number().int(), label: z.string().optional() })
const associationSpec = z.strictObject({ associationCategory, associationTypeId: z.number().int() })

/** `MultiAssociatedObjectWithLabel`: one associated record and the types linking it. */
const associatedRecord = z.strictObject({ toObjectId: associationRecordId, associationTypes: z.array(associationSpecWithLabel) })

/** `LabelsBetweenObjectPair`: what an association create answers per pair. */
const labelsBetweenPair = z.strictObject({
  fromObjectTypeId: z.string(),
  fromObjectId: associationRecordId,
  toObjectTypeId: z.string(),
  toObjectId: associationRecordId,
  labels: z.array(z.string()),
})

/** `PublicAssociationMultiWithLabel`: one record's associations in a batch read. */
const associationsOfRecord = z.strictObject({ from: objectId, to: z.array(associatedRecord), paging: paging.optional() })

/** `PublicDefaultAssociation`: one default association made, per direction. */
const defaultAssociation = z.strictObject({ from: objectId, to: objectId, associationSpec })

/** HubSpot's published answer shapes, by the document's schema name where it has one. */
export const hubSpotShapes = {
  error: errorBody,
  standardError,
  rateLimit: rateLimitBody,
  object: simplePublicObject,
  objectWithAssociations,
  objectList: z.strictObject({ results: z.array(objectWithAssociations), paging: paging.optional() }),
  searchPage: z.strictObject({ total: z.number().int(), results: z.array(simplePublicObject), paging: paging.optional() }),
  batchObjects: batchResponse(simplePublicObject),
  batchObjectsWithErrors: multiStatus(simplePublicObject),
  batchUpsert: batchResponse(upsertObject),
  batchUpsertWithErrors: multiStatus(upsertObject),
  property,
  properties: z.strictObject({ results: z.array(property) }),
  owner,
  owners: z.strictObject({ results: z.array(owner), paging: forwardPaging.optional() }),
  associationsPage: z.strictObject({ results: z.array(associatedRecord), paging: forwardPaging.optional() }),
  batchAssociationsRead: batchResponse(associationsOfRecord),
  batchAssociationsReadWithErrors: multiStatus(associationsOfRecord),
  batchAssociationsCreate: batchResponse(labelsBetweenPair),
  batchAssociationsCreateWithErrors: multiStatus(labelsBetweenPair),
  batchDefaultAssociations: batchResponse(defaultAssociation),
} as const
