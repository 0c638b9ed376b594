import type { LocationSource } from '../../domain/export/export-config.js'
import type { TargetRow } from '../../domain/export/resolve-target.js'
import type { Signal } from '../../domain/export/signal.js'
import type { ObjectSchema } from '../../domain/object-schema.js'
import type { FieldValue } from '../../domain/records.js'
import type { Reason } from '../../domain/reason.js'
import { isBlank, sameValue, showValue } from '../../domain/normalize-value.js'
import type { FieldWrites } from './export-plan.js'
import { toFieldValue } from './field-value.js'
import { readSource } from './read-source.js'

/** What the field rows of one tab work on. */
export interface MapFieldsInput {
  readonly rows: readonly TargetRow[]
  readonly signal: Signal
  readonly location: LocationSource
  readonly schema: ObjectSchema | undefined
  /** The record's current values for an update; null for a create. */
  readonly current: Readonly<Record<string, FieldValue>> | null
}

/**
 * Applies a tab's field rows (seed "Create / Update / Only if empty"): on create, rows with
 * `create` write; on update, rows with `update` write when the value differs, and rows with
 * `update-if-empty` only into a blank field. A blank source value never clears a field. Every
 * write and every value kept carries a reason whose detail starts with the field name, which
 * is what `explain` looks for.
 */
export function mapFields(input: MapFieldsInput): FieldWrites {
  const fields: Record<string, FieldValue> = {}
  const before: Record<string, FieldValue> = {}
  const reasons: Reason[] = []
  const missing: string[] = []
  const creating = input.current === null
  for (const row of input.rows) {
    const schemaField = input.schema?.fields.find((f) => f.name === row.field)
    const source = readSource(input.signal, row.source, input.location)
    const value = toFieldValue(source.value, schemaField)
    const shown = `${source.from} ${showValue(value)}`
    if (creating) {
      if (!row.on.includes('create')) continue
      if (isBlank(value)) {
        if (schemaField?.required && schemaField.createable) missing.push(row.field)
        continue
      }
      fields[row.field] = value
      reasons.push({ rule: 'field.create', detail: `${row.field}: ${shown} on create` })
      continue
    }
    const now = input.current?.[row.field] ?? null
    if (isBlank(value) || !(row.on.includes('update') || row.on.includes('update-if-empty'))) continue
    if (row.on.includes('update')) {
      if (sameValue(now, value, 'exact')) continue
      fields[row.field] = value
      before[row.field] = now
      reasons.push({ rule: 'field.update', detail: `${row.field}: ${shown} on update (was ${showValue(now)})` })
    } else if (isBlank(now)) {
      fields[row.field] = value
      before[row.field] = now
      reasons.push({ rule: 'field.update-if-empty', detail: `${row.field}: was empty, filled with ${shown} (update-if-empty)` })
    } else if (!sameValue(now, value, 'ignore-case')) {
      reasons.push({ rule: 'field.kept', detail: `${row.field}: keeps ${showValue(now)}; update-if-empty does not overwrite it with ${shown}` })
    }
  }
  return { fields, before, reasons, missing }
}
