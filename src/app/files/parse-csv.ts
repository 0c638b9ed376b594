/** One CSV record: its cells, and the line of the file it starts on (1-based). */
export interface CsvRecord {
  readonly line: number
  readonly cells: readonly string[]
  /** Set when the record cannot be read, e.g. a quote left open at the end of the file. */
  readonly error?: string
}

/** The parser's state between chunks. */
class CsvState {
  cells: string[] = []
  cell = ''
  quoted = false
  line = 1
  start = 1
  skipLf = false

  /** Ends the current record; blank lines give nothing. */
  finish(): CsvRecord | undefined {
    this.cells.push(this.cell)
    const record = this.cells.length === 1 && this.cells[0] === '' ? undefined : { line: this.start, cells: this.cells }
    this.cells = []
    this.cell = ''
    return record
  }
}

/**
 * Reads RFC 4180 CSV from text chunks, one record at a time: quoted cells may hold commas,
 * doubled quotes and line breaks; CRLF and LF both end a record; a leading byte-order mark is
 * dropped. Streaming, so a file of a million signals never sits in memory whole. Blank lines
 * are skipped. Each record carries the line it starts on, for error messages.
 */
export async function* parseCsv(chunks: AsyncIterable<string>): AsyncGenerator<CsvRecord> {
  const s = new CsvState()
  let carry = ''
  let first = true
  for await (const raw of chunks) {
    carry = yield* step(s, carry + (first ? raw.replace(/^\uFEFF/, '') : raw), false)
    first = false
  }
  if (carry !== '') yield* step(s, carry, true)
  if (s.quoted) {
    yield { line: s.start, cells: [], error: 'a quoted cell is never closed; add the closing " (a quote inside a cell is written "")' }
    return
  }
  const record = s.finish()
  if (record) yield record
}

/** Reads one chunk; returns a quote it could not decide on yet (half of an escaped `""`, or a closing quote). */
function* step(s: CsvState, text: string, final: boolean): Generator<CsvRecord, string> {
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string
    if (s.skipLf) {
      s.skipLf = false
      if (c === '\n') continue
    }
    if (s.quoted) {
      if (c !== '"') {
        if (c === '\n') s.line++
        s.cell += c
      } else if (i + 1 === text.length && !final) {
        return '"'
      } else if (text[i + 1] === '"') {
        s.cell += '"'
        i++
      } else s.quoted = false
      continue
    }
    if (c === '"' && s.cell === '') s.quoted = true
    else if (c === ',') {
      s.cells.push(s.cell)
      s.cell = ''
    } else if (c === '\n' || c === '\r') {
      const record = s.finish()
      if (record) yield record
      s.skipLf = c === '\r'
      s.line++
      s.start = s.line
    } else s.cell += c
  }
  return ''
}
