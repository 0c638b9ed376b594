import type { ConfigIssue } from '../config/config-issue.js'
import { closest } from '../config/check-fields.js'
import type { FieldSchema, ObjectSchema } from '../object-schema.js'
import type { ExportTab } from './export-config.js'
import { createdTabs, objectOf, tabObjects } from './record-sync.js'
import type { ExportTarget, TargetRow } from './resolve-target.js'

/** What checking a target against discovered schemas found: rows that stand, defaults dropped, issues. */
export interface ExportFieldCheck {
  readonly target: ExportTarget
  readonly issues: readonly ConfigIssue[]
  /** Pre-mapped rows the system has no field for, dropped quietly (e.g. a LinkedIn property it lacks). */
  readonly droppedDefaults: readonly { readonly tab: ExportTab; readonly field: string }[]
}

const numberLike = /^-?\d+(\.\d+)?$/
const dateLike = /^\d{4}-\d{2}-\d{2}/

/**
 * Checks a target's rows against the discovered schemas of its objects (SPEC 3.5): unknown
 * fields, writes into read-only fields, lookups that ownership decides, values of the wrong
 * kind, and required fields that no create row fills. Issues name the field and the fix and
 * are reported before any write. Rows are returned with their schema names (`email` → `Email`).
 */
export function checkExportFields(target: ExportTarget, schemas: ReadonlyMap<string, ObjectSchema>): ExportFieldCheck {
  const issues: ConfigIssue[] = []
  const dropped: { tab: ExportTab; field: string }[] = []
  const rows = { ...target.rows } as Record<ExportTab, readonly TargetRow[]>
  for (const tab of Object.keys(tabObjects[target.kind]) as ExportTab[]) {
    const object = objectOf(target.kind, tab)
    const schema = schemas.get(object)
    if (!schema) continue
    const kept: TargetRow[] = []
    for (const row of target.rows[tab]) {
      const at = row.origin === 'default' ? ['exports', target.name, 'fields', tab] : ['exports', target.name, 'fields', tab, row.origin]
      const field = schema.fields.find((f) => f.name.toLowerCase() === row.field.toLowerCase())
      const relationship = schema.relationships.find((r) => r.field.toLowerCase() === row.field.toLowerCase())
      if (relationship) {
        issues.push({ path: [...at, 'field'], message: `${object}.${relationship.field} is the ${relationship.name} lookup, which the export decides itself`, fix: relationship.name === 'owner' ? 'remove the row; set defaultOwner, accountOwnerField or leadRouting instead' : 'remove the row; the matched account is set on the record' })
        continue
      }
      if (!field) {
        if (row.origin === 'default') {
          dropped.push({ tab, field: row.field })
          continue
        }
        const hint = closest(row.field, schema.fields.map((f) => f.name))
        issues.push({ path: [...at, 'field'], message: `${target.system} ${object} has no field "${row.field}"`, fix: hint ? `did you mean "${hint}"? (run the export again after creating the field; revsync re-reads the schema)` : `check the field's API name in ${target.kind}` })
        continue
      }
      issues.push(...checkWritable(object, field, row, at), ...checkValueKind(target.kind, object, field, row, at))
      kept.push({ ...row, field: field.name })
    }
    rows[tab] = kept
  }
  const resolved: ExportTarget = { ...target, rows }
  issues.push(...missingRequired(resolved, schemas), ...checkOwnerField(resolved, schemas))
  return { target: resolved, issues, droppedDefaults: dropped }
}

function checkWritable(object: string, field: FieldSchema, row: TargetRow, at: (string | number)[]): ConfigIssue[] {
  const issues: ConfigIssue[] = []
  if (row.on.includes('create') && !field.createable) {
    issues.push({ path: [...at, 'on'], message: `${object}.${field.name} cannot be set on create (read-only)`, fix: 'remove "create" from on, or map another field' })
  }
  if ((row.on.includes('update') || row.on.includes('update-if-empty')) && !field.updateable) {
    issues.push({ path: [...at, 'on'], message: `${object}.${field.name} cannot be updated (read-only after create)`, fix: 'keep only "create" in on' })
  }
  return issues
}

/** Whether the row's value can go into the field: anything goes into text, not into numbers, dates or booleans. */
function checkValueKind(kind: ExportTarget['kind'], object: string, field: FieldSchema, row: TargetRow, at: (string | number)[]): ConfigIssue[] {
  const where = `${object}.${field.name} (${field.type})`
  const source = row.source
  if (source.static !== undefined) {
    const v = String(source.static)
    if (field.type === 'number' && !numberLike.test(v)) return [{ path: [...at, 'source', 'static'], message: `${where} takes a number, not "${v}"` }]
    if (field.type === 'boolean' && !/^(true|false)$/i.test(v)) return [{ path: [...at, 'source', 'static'], message: `${where} takes true or false, not "${v}"` }]
    if ((field.type === 'date' || field.type === 'datetime') && !dateLike.test(v)) return [{ path: [...at, 'source', 'static'], message: `${where} takes a date such as 2025-03-01, not "${v}"` }]
    // HubSpot refuses an option it does not list; Salesforce picklists here are unrestricted.
    if (field.type === 'enum' && field.options && field.options.length > 0 && kind === 'hubspot' && !field.options.includes(v)) {
      return [{ path: [...at, 'source', 'static'], message: `${where} has no option "${v}"`, fix: `use one of: ${field.options.join(', ')}` }]
    }
    return []
  }
  const path = source.dynamic ?? `the ${source.from ?? 'target\'s'} ${source.location ?? 'location'}`
  const isDate = source.dynamic === 'jobStartedAt'
  if ((field.type === 'date' || field.type === 'datetime') && !isDate) return [{ path: [...at, 'source'], message: `${where} takes a date; ${path} is text`, fix: 'map jobStartedAt, or a static date' }]
  if (field.type === 'number' || field.type === 'boolean' || field.type === 'reference' || field.type === 'id') {
    return [{ path: [...at, 'source'], message: `${where} cannot take ${path}, which is text`, fix: 'map a text field, or use a static value' }]
  }
  return []
}

/** Required fields of every object the record sync option may create, that no create row fills. */
function missingRequired(target: ExportTarget, schemas: ReadonlyMap<string, ObjectSchema>): ConfigIssue[] {
  const issues: ConfigIssue[] = []
  for (const tab of createdTabs(target.recordSync)) {
    const object = objectOf(target.kind, tab)
    const schema = schemas.get(object)
    if (!schema) continue
    const lookups = new Set(schema.relationships.map((r) => r.field))
    const filled = new Set(target.rows[tab].filter((r) => r.on.includes('create')).map((r) => r.field))
    for (const f of schema.fields) {
      if (!f.required || !f.createable || lookups.has(f.name) || filled.has(f.name)) continue
      issues.push({
        path: ['exports', target.name, 'fields', tab],
        message: `${target.system} ${object} requires "${f.name}" (${f.label}) on create and no row fills it`,
        fix: `add { field: ${f.name}, source: { static: "…" }, on: [create] } (or a dynamic source) under exports.${target.name}.fields.${tab}`,
      })
    }
  }
  return issues
}

/** The account owner field must exist on the account object and hold a user. */
function checkOwnerField(target: ExportTarget, schemas: ReadonlyMap<string, ObjectSchema>): ConfigIssue[] {
  const name = target.config.accountOwnerField
  const object = objectOf(target.kind, 'account')
  const schema = schemas.get(object)
  if (name === undefined || !schema) return []
  const at = ['exports', target.name, 'accountOwnerField']
  if (schema.relationships.some((r) => r.name === 'owner' && r.field.toLowerCase() === name.toLowerCase())) return []
  const field = schema.fields.find((f) => f.name.toLowerCase() === name.toLowerCase())
  if (!field) {
    const hint = closest(name, [...schema.fields.map((f) => f.name), ...schema.relationships.map((r) => r.field)])
    return [{ path: at, message: `${target.system} ${object} has no field "${name}"`, fix: hint ? `did you mean "${hint}"?` : 'name the account field that holds the owner, e.g. OwnerId or SDR_Owner__c' }]
  }
  const holdsUser = field.type === 'reference' ? field.referenceTo === 'User' || field.referenceTo === 'owners' : ['string', 'enum', 'id'].includes(field.type)
  if (!holdsUser) return [{ path: at, message: `${object}.${field.name} is a ${field.type}${field.referenceTo ? ` to ${field.referenceTo}` : ''}, not a user`, fix: 'name a field that holds a user, e.g. OwnerId or SDR_Owner__c' }]
  return []
}
