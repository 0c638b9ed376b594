import type { FieldValue, RecordRefs, RemoteRecord } from '../../domain/records.js'
import { relationshipsOf } from './schema.js'
import type { SfField } from './schema.js'

/** A record as the query resource answers it. */
export type SfQueryRecord = Readonly<Record<string, unknown>>

/** Salesforce answers `2026-11-22T16:27:42.000+0000`; revsync keeps ISO-8601 UTC (`…Z`). */
export function toIsoUtc(value: string): string {
  const ms = Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'))
  return Number.isNaN(ms) ? value : new Date(ms).toISOString()
}

/** Fields that are not exposed as plain fields: the id, the recycle-bin flag and the relationship lookups. */
function hiddenFields(object: string, fields: readonly SfField[]): Set<string> {
  return new Set(['Id', 'IsDeleted', ...relationshipsOf(object, fields).map((r) => r.field)])
}

/** Builds the translator from query records to revsync records for one object's fields. */
export function recordTranslator(object: string, fields: readonly SfField[]): (raw: SfQueryRecord) => RemoteRecord {
  const hidden = hiddenFields(object, fields)
  const relationships = relationshipsOf(object, fields)
  const plain = fields.filter((f) => !hidden.has(f.name))
  return (raw) => {
    const values: Record<string, FieldValue> = {}
    for (const f of plain) {
      if (!(f.name in raw)) continue
      const v = raw[f.name]
      values[f.name] = v === undefined || v === null || v === '' ? null : f.type === 'datetime' ? toIsoUtc(String(v)) : (v as FieldValue)
    }
    const refs: Record<string, string | null> = {}
    for (const r of relationships) if (r.field in raw) refs[r.name] = typeof raw[r.field] === 'string' ? (raw[r.field] as string) : null
    const stamp = raw.LastModifiedDate ?? raw.SystemModstamp
    const contactId = raw.ConvertedContactId
    return {
      id: String(raw.Id),
      object,
      fields: values,
      ...(relationships.length > 0 ? { refs: refs as RecordRefs } : {}),
      modifiedAt: typeof stamp === 'string' ? toIsoUtc(stamp) : new Date(0).toISOString(),
      ...(raw.IsDeleted === true ? { deleted: true } : {}),
      ...(raw.IsConverted === true && typeof contactId === 'string' ? { convertedTo: { object: 'Contact', id: contactId } } : {}),
    }
  }
}
