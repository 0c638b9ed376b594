import { createReadStream } from 'node:fs'
import { extname } from 'node:path'
import { createInterface } from 'node:readline'
import { parseCsv } from '../files/parse-csv.js'

/** The formats `revsync match` reads. */
export type RecordFormat = 'jsonl' | 'csv'

/** A problem that stops the whole run (a file missing or unusable, an unknown system or target), with its fix. */
export class MatchError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'MatchError'
  }
}

/** What is wrong with one field of a line; `(line)` when the line as a whole is unreadable. */
export interface FieldError {
  readonly field: string
  readonly message: string
}

/** A plain object from one line (JSONL) or record (CSV), with keys as written. */
export type RawRecord = Readonly<Record<string, unknown>>

/** One line of an input file: the object on it, or why it could not be read. */
export type RawLine = { readonly line: number; readonly value: RawRecord } | { readonly line: number; readonly errors: readonly FieldError[] }

/** The format of a file, from `--format` or its extension. */
export function recordFormat(path: string, explicit?: string): RecordFormat {
  const given = explicit ?? ({ '.jsonl': 'jsonl', '.ndjson': 'jsonl', '.json': 'jsonl', '.csv': 'csv' } as Record<string, string>)[extname(path).toLowerCase()]
  if (given === 'jsonl' || given === 'csv') return given
  throw new MatchError(`cannot tell the format of ${path}${explicit ? ` ("${explicit}")` : ''}; name it .jsonl or .csv, or pass --format jsonl|csv`)
}

/**
 * Reads a JSONL or CSV file one line (record) at a time, streaming. JSONL: one object per
 * line. CSV: a header row of field names, where a dotted name (`company.name`) nests; empty
 * cells are left out; `onHeader` sees the column names. A line that cannot be read is yielded as errors naming the line, and
 * the lines around it are read as usual.
 */
export async function* readRecords(path: string, format: RecordFormat, onHeader?: (columns: readonly string[]) => void): AsyncGenerator<RawLine> {
  const stream = createReadStream(path, { encoding: 'utf8' })
  await new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve())
    stream.once('error', (error: NodeJS.ErrnoException) => reject(new MatchError(`cannot read ${path} (${error.code ?? error.message})`)))
  })
  yield* format === 'jsonl' ? readJsonl(stream) : readCsv(stream, path, onHeader)
}

async function* readJsonl(stream: NodeJS.ReadableStream): AsyncGenerator<RawLine> {
  let n = 0
  for await (const text of createInterface({ input: stream, crlfDelay: Infinity })) {
    n++
    const trimmed = (n === 1 ? text.replace(/^\uFEFF/, '') : text).trim()
    if (trimmed === '') continue
    let value: unknown
    try {
      value = JSON.parse(trimmed)
    } catch (error) {
      yield { line: n, errors: [{ field: '(line)', message: `is not JSON (${(error as Error).message}); write one JSON object per line` }] }
      continue
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      yield { line: n, errors: [{ field: '(line)', message: 'is not a JSON object; write one object per line, e.g. {"name": "Acme", "domain": "acme.com"}' }] }
      continue
    }
    yield { line: n, value: value as RawRecord }
  }
}

async function* readCsv(stream: NodeJS.ReadableStream, path: string, onHeader?: (columns: readonly string[]) => void): AsyncGenerator<RawLine> {
  let columns: string[] | undefined
  for await (const record of parseCsv(stream as AsyncIterable<string>)) {
    if (record.error !== undefined) {
      yield { line: record.line, errors: [{ field: '(line)', message: record.error }] }
      continue
    }
    if (columns === undefined) {
      columns = checkHeader(record.cells, path)
      onHeader?.(columns)
      continue
    }
    if (record.cells.length > columns.length) {
      yield { line: record.line, errors: [{ field: '(line)', message: `has ${record.cells.length} cells but the header has ${columns.length}; quote cells that contain commas` }] }
      continue
    }
    yield { line: record.line, value: toObject(columns, record.cells) }
  }
}

function checkHeader(cells: readonly string[], path: string): string[] {
  const columns = cells.map((c) => c.trim())
  const blank = columns.findIndex((c) => c === '')
  if (blank !== -1) throw new MatchError(`${path}:1: column ${blank + 1} has no name; the first line of a CSV file names the fields (e.g. id,name,domain)`)
  const twice = columns.find((c, i) => columns.indexOf(c) !== i)
  if (twice !== undefined) throw new MatchError(`${path}:1: column "${twice}" appears twice; keep one`)
  return columns
}

/** Cells into an object; `company.name` becomes `{ company: { name } }`; empty cells are left out. */
function toObject(columns: readonly string[], cells: readonly string[]): RawRecord {
  const out: Record<string, unknown> = {}
  columns.forEach((column, i) => {
    const value = cells[i]
    if (value === undefined || value.trim() === '') return
    const dot = column.indexOf('.')
    if (dot === -1) {
      out[column] = value
      return
    }
    const head = column.slice(0, dot)
    const nested = out[head]
    const target = nested !== null && typeof nested === 'object' ? (nested as Record<string, unknown>) : (out[head] = {})
    ;(target as Record<string, unknown>)[column.slice(dot + 1)] = value
  })
  return out
}
