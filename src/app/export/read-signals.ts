import { createReadStream } from 'node:fs'
import { extname } from 'node:path'
import { createInterface } from 'node:readline'
import { signalFieldPaths } from '../../domain/export/signal.js'
import { suggestSignalField } from '../../domain/export/suggest-signal-field.js'
import type { Signal } from '../../domain/export/signal.js'
import { parseCsv } from '../files/parse-csv.js'
import { signalKey } from './signal-key.js'
import { validateSignal } from './validate-signal.js'
import type { SignalError } from './validate-signal.js'

/** One line (JSONL) or record (CSV) of a signal file: a valid signal with its key, or what is wrong with it. */
export type SignalLine =
  | { readonly kind: 'signal'; readonly line: number; readonly key: string; readonly signal: Signal }
  | { readonly kind: 'invalid'; readonly line: number; readonly errors: readonly SignalError[] }

/** The file formats signals come in. */
export type SignalFormat = 'jsonl' | 'csv'

/** A problem with the whole file (cannot be read, unknown CSV column): nothing in it is processed. */
export class SignalFileError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'SignalFileError'
  }
}

/** The format of a signal file, from `--format` or its extension. */
export function signalFormat(path: string, explicit?: string): SignalFormat {
  const given = explicit ?? ({ '.jsonl': 'jsonl', '.ndjson': 'jsonl', '.json': 'jsonl', '.csv': 'csv' } as Record<string, string>)[extname(path).toLowerCase()]
  if (given === 'jsonl' || given === 'csv') return given
  throw new SignalFileError(`cannot tell the format of ${path}${explicit ? ` ("${explicit}")` : ''}; name it .jsonl or .csv, or pass --format jsonl|csv`)
}

/**
 * Reads a signal file line by line (streaming), validating each signal on its own: a bad
 * line becomes an `invalid` entry naming the line, the field and the fix, and the lines
 * around it are read as usual.
 */
export async function* readSignalFile(path: string, format: SignalFormat): AsyncGenerator<SignalLine> {
  const stream = createReadStream(path, { encoding: 'utf8' })
  const opened = new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve())
    stream.once('error', (error: NodeJS.ErrnoException) => reject(new SignalFileError(`cannot read ${path} (${error.code ?? error.message})`)))
  })
  await opened
  yield* format === 'jsonl' ? readJsonl(stream) : readCsv(stream)
}

/** The number of lines of a file, read as bytes: how many signals a run should expect. */
export async function countLines(path: string): Promise<number> {
  let lines = 0
  let last = 10
  try {
    for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++
      last = chunk[chunk.length - 1] ?? last
    }
  } catch (error) {
    throw new SignalFileError(`cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? String(error)})`)
  }
  return last === 10 ? lines : lines + 1
}

function toLine(line: number, raw: unknown): SignalLine {
  const checked = validateSignal(raw)
  return checked.ok ? { kind: 'signal', line, key: signalKey(checked.signal), signal: checked.signal } : { kind: 'invalid', line, errors: checked.errors }
}

async function* readJsonl(stream: NodeJS.ReadableStream): AsyncGenerator<SignalLine> {
  let n = 0
  for await (const text of createInterface({ input: stream, crlfDelay: Infinity })) {
    n++
    const trimmed = n === 1 ? text.replace(/^\uFEFF/, '').trim() : text.trim()
    if (trimmed === '') continue
    let raw: unknown
    try {
      raw = JSON.parse(trimmed)
    } catch (error) {
      yield { kind: 'invalid', line: n, errors: [{ field: '(line)', message: `is not JSON (${(error as Error).message})`, fix: 'write one JSON object per line' }] }
      continue
    }
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
      yield { kind: 'invalid', line: n, errors: [{ field: '(line)', message: 'is not a JSON object', fix: 'write one object per line, e.g. {"person": {...}, "company": {...}}' }] }
      continue
    }
    yield toLine(n, raw)
  }
}

/** Column names are signal paths (`person.email`), or `meta.*` for data kept with the signal. */
function checkHeader(cells: readonly string[]): string[] {
  const columns = cells.map((c) => c.trim())
  const known = new Set<string>(signalFieldPaths)
  for (const [i, column] of columns.entries()) {
    if (known.has(column) || /^meta\.[^.]+$/.test(column)) continue
    const hint = suggestSignalField(column)
    throw new SignalFileError(`line 1, column ${i + 1}: "${column}" is not a signal field; ${hint ? `did you mean ${hint}? ` : ''}columns are ${signalFieldPaths.join(', ')} or meta.NAME`)
  }
  const twice = columns.find((c, i) => columns.indexOf(c) !== i)
  if (twice) throw new SignalFileError(`line 1: column "${twice}" appears twice; keep one`)
  return columns
}

async function* readCsv(stream: NodeJS.ReadableStream): AsyncGenerator<SignalLine> {
  let columns: string[] | undefined
  for await (const record of parseCsv(stream as AsyncIterable<string>)) {
    if (record.error) {
      yield { kind: 'invalid', line: record.line, errors: [{ field: '(line)', message: record.error, fix: 'fix the quoting of this record' }] }
      continue
    }
    if (columns === undefined) {
      columns = checkHeader(record.cells)
      continue
    }
    if (record.cells.length > columns.length) {
      yield { kind: 'invalid', line: record.line, errors: [{ field: '(line)', message: `has ${record.cells.length} cells but the header has ${columns.length}`, fix: 'quote cells that contain commas' }] }
      continue
    }
    yield toLine(record.line, toObject(columns, record.cells))
  }
}

/** Cells into the nested signal shape; empty cells are left out. */
function toObject(columns: readonly string[], cells: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  columns.forEach((column, i) => {
    const value = cells[i]
    if (value === undefined || value.trim() === '') return
    const [head, key] = column.split('.') as [string, string | undefined]
    if (key === undefined) out[head] = value
    else ((out[head] ??= {}) as Record<string, unknown>)[key] = value
  })
  return out
}
