import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { parseCsv } from './parse-csv.js'
import type { CsvRecord } from './parse-csv.js'

async function parse(chunks: string[]): Promise<CsvRecord[]> {
  const out: CsvRecord[] = []
  async function* source() {
    yield* chunks
  }
  for await (const r of parseCsv(source())) out.push(r)
  return out
}

const text = '\uFEFFa,b,c\r\n"x, y","say ""hi""",3\n\n"multi\nline",,"""q"""\n'

describe('parseCsv', () => {
  it('reads quotes, commas, doubled quotes, CRLF and line breaks in cells, with each record\'s line', async () => {
    const records = await parse([text])
    assert.deepEqual(records, [
      { line: 1, cells: ['a', 'b', 'c'] },
      { line: 2, cells: ['x, y', 'say "hi"', '3'] },
      { line: 4, cells: ['multi\nline', '', '"q"'] },
    ])
  })

  it('gives the same records however the text is cut into chunks', async () => {
    const whole = await parse([text])
    for (let cut = 1; cut < text.length; cut++) assert.deepEqual(await parse([text.slice(0, cut), text.slice(cut)]), whole, `cut at ${cut}`)
    assert.deepEqual(await parse([...text]), whole, 'one character a chunk')
  })

  it('reports a quote left open', async () => {
    const records = await parse(['a,b\n"open,2\n'])
    assert.match(records.at(-1)?.error ?? '', /never closed/)
  })
})
