import { ConnectorError } from '../../domain/connector.js'
import type { ReadOptions } from '../../domain/connector.js'
import type { LookupKey, RemoteRecord } from '../../domain/records.js'
import { queryPages, selectableFields } from './read.js'
import type { ReadContext } from './read.js'
import { recordTranslator } from './records.js'
import { chunkInList, soqlLiteral } from './soql.js'

const normalize = (value: string): string => value.trim().toLowerCase()

/**
 * Records whose `key.field` equals one of the values, grouped by the value trimmed and lower-cased
 * (SOQL compares text case-insensitively). One `WHERE field IN (...)` query per chunk of values.
 */
export async function lookupRecords(ctx: ReadContext, object: string, key: LookupKey, options: ReadOptions = {}): Promise<Map<string, RemoteRecord[]>> {
  const describe = await ctx.describe(object)
  const field = describe.fields.find((f) => f.name.toLowerCase() === key.field.toLowerCase())
  if (!field) throw new ConnectorError('salesforce', 'bad_request', `lookup on ${object}: no field "${key.field}"; check the field's API name in Salesforce`)
  // Ids are case-sensitive in their 15-character form: those keep their case in the query.
  const isId = field.type === 'id' || field.type === 'reference'
  const values = [...new Map(key.values.map((v) => [normalize(v), isId ? v.trim() : normalize(v)])).entries()].filter(([k]) => k !== '')
  const out = new Map<string, RemoteRecord[]>(values.map(([k]) => [k, []]))
  const toRecord = recordTranslator(object, describe.fields)
  const select = selectableFields(describe, options.fields && [...options.fields, field.name]).join(', ')
  for (const chunk of chunkInList(values.map(([, v]) => soqlLiteral(field.type, v)))) {
    const soql = `SELECT ${select} FROM ${object} WHERE ${field.name} IN (${chunk.join(', ')})`
    for await (const batch of queryPages(ctx.session, soql, false, `lookup ${object}.${field.name}`)) {
      for (const raw of batch) {
        const value = raw[field.name]
        if (value === null || value === undefined) continue
        const text = normalize(String(value))
        const group = out.get(text) ?? (isId ? out.get(text.slice(0, 15)) : undefined)
        group?.push(toRecord(raw))
      }
    }
  }
  return out
}
