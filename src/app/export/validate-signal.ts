import type { z } from 'zod'
import { signalSchema } from '../../domain/export/signal.js'
import { suggestSignalField } from '../../domain/export/suggest-signal-field.js'
import type { Signal } from '../../domain/export/signal.js'

/** One problem with one signal: the field (dotted path), what is wrong, and how to fix it. */
export interface SignalError {
  readonly field: string
  readonly message: string
  readonly fix: string
}

/** A signal that passed validation, or every problem found in it. */
export type ValidatedSignal = { readonly ok: true; readonly signal: Signal } | { readonly ok: false; readonly errors: readonly SignalError[] }

/** Fixes people can act on, per field, for values of the wrong shape. */
const fixes: Readonly<Record<string, string>> = {
  'person.email': 'write an address such as jane@acme.com, or leave it empty',
  jobStartedAt: 'write a date such as 2025-03-01 or a datetime such as 2025-03-01T09:00:00Z',
  person: 'give a person with at least an email or a last name',
  company: 'give a company with at least a name, a domain or a website',
}

/** Validates one parsed line against the signal schema and explains each problem. */
export function validateSignal(raw: unknown): ValidatedSignal {
  const parsed = signalSchema.safeParse(raw, { reportInput: true })
  if (parsed.success) return { ok: true, signal: parsed.data }
  return { ok: false, errors: parsed.error.issues.flatMap(explainIssue) }
}

function explainIssue(issue: z.core.$ZodIssue): SignalError[] {
  const field = issue.path.filter((p): p is string | number => typeof p !== 'symbol').join('.') || '(signal)'
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => {
        const full = field === '(signal)' ? key : `${field}.${key}`
        const hint = suggestSignalField(full)
        return { field: full, message: 'is not a signal field', fix: hint ? `did you mean ${hint}? (extra data goes under meta)` : `use the fields in docs/export.md; extra data goes under meta` }
      })
    case 'invalid_type':
      if (issue.input === undefined) return [{ field, message: 'is missing', fix: fixes[field] ?? `give ${field}` }]
      return [{ field, message: `should be ${issue.expected}, not ${describe(issue.input)}`, fix: fixes[field] ?? `write ${field} as ${issue.expected}` }]
    case 'invalid_format':
      return [{ field, message: `${describe(issue.input)} is not ${issue.format === 'email' ? 'an email address' : `a valid ${issue.format}`}`, fix: fixes[field] ?? `fix ${field}` }]
    case 'invalid_union':
      return [{ field, message: `${describe(issue.input)} is not valid here`, fix: fixes[field] ?? `fix ${field}` }]
    case 'too_big':
      return [{ field, message: `is longer than ${String(issue.maximum)} characters`, fix: 'shorten it' }]
    case 'custom':
      return [{ field: field.replace(/\.(email|name)$/, ''), message: issue.message, fix: fixes[field.replace(/\.(email|name)$/, '')] ?? issue.message }]
    default:
      return [{ field, message: issue.message, fix: fixes[field] ?? `fix ${field}` }]
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value)
  if (Array.isArray(value)) return 'a list'
  return typeof value === 'object' ? 'an object' : String(value)
}
