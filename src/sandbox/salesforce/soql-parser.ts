import { parseSfDateTime } from './time.js'

/** A query the simulator cannot run, with Salesforce's error code. */
export class SoqlError extends Error {
  constructor(
    readonly errorCode: 'MALFORMED_QUERY' | 'INVALID_FIELD' | 'INVALID_TYPE' | 'INVALID_QUERY_FILTER_OPERATOR',
    message: string,
  ) {
    super(message)
  }
}

export type SoqlLiteral =
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'null' }
  | { readonly kind: 'datetime'; readonly value: number }
  | { readonly kind: 'date'; readonly value: string }

export type SoqlCondition =
  | { readonly kind: 'and' | 'or'; readonly parts: readonly SoqlCondition[] }
  | { readonly kind: 'not'; readonly inner: SoqlCondition }
  | { readonly kind: 'compare'; readonly field: string; readonly op: string; readonly value: SoqlLiteral; readonly pos: number }
  | { readonly kind: 'in'; readonly field: string; readonly values: readonly SoqlLiteral[]; readonly negate: boolean; readonly pos: number }

export interface SoqlOrder {
  readonly field: string
  readonly desc: boolean
  readonly nullsLast: boolean
  readonly pos: number
}

/** The SOQL subset the simulator runs: one object, no subqueries or aggregates. */
export interface SoqlQuery {
  readonly text: string
  readonly fields: readonly { readonly name: string; readonly pos: number }[]
  readonly object: string
  readonly objectPos: number
  readonly where?: SoqlCondition
  readonly orderBy: readonly SoqlOrder[]
  readonly limit?: number
  readonly offset?: number
}

interface Token {
  readonly type: 'ident' | 'string' | 'number' | 'datetime' | 'date' | 'op' | 'eof'
  readonly text: string
  readonly pos: number
}

const tokenPatterns: [Token['type'], RegExp][] = [
  ['datetime', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?(?:Z|[+-]\d{2}:\d{2})/],
  ['date', /^\d{4}-\d{2}-\d{2}(?![\dT])/],
  ['number', /^-?\d+(?:\.\d+)?/],
  ['ident', /^[A-Za-z_][A-Za-z0-9_.]*/],
  ['op', /^(?:!=|<>|<=|>=|=|<|>|\(|\)|,)/],
]

function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  let pos = 0
  while (pos < text.length) {
    const rest = text.slice(pos)
    const space = /^\s+/.exec(rest)
    if (space) {
      pos += space[0].length
      continue
    }
    if (rest[0] === "'") {
      const m = /^'((?:[^'\\]|\\.)*)'/.exec(rest)
      if (!m) throw malformed(text, pos, 'unterminated string literal')
      tokens.push({ type: 'string', text: m[1]!.replace(/\\(.)/g, (_, c: string) => ({ n: '\n', t: '\t', r: '\r' })[c] ?? c), pos })
      pos += m[0].length
      continue
    }
    const hit = tokenPatterns.map(([type, re]) => [type, re.exec(rest)] as const).find(([, m]) => m)
    if (!hit) throw malformed(text, pos, `unexpected token: '${rest[0]}'`)
    tokens.push({ type: hit[0], text: hit[1]![0], pos })
    pos += hit[1]![0].length
  }
  tokens.push({ type: 'eof', text: '<EOF>', pos: text.length })
  return tokens
}

/** Salesforce's query error layout: the query, a caret under the column, the reason. */
export function queryErrorMessage(text: string, pos: number, reason: string): string {
  return `\n${text}\n${' '.repeat(pos)}^\nERROR at Row:1:Column:${pos + 1}\n${reason}`
}

function malformed(text: string, pos: number, reason: string): SoqlError {
  return new SoqlError('MALFORMED_QUERY', queryErrorMessage(text, pos, reason))
}

/** A recursive-descent parser over the tokens of one statement; its state is the position. */
class Parser {
  private i = 0
  private readonly tokens: Token[]

  constructor(private readonly text: string) {
    this.tokens = tokenize(text)
  }

  private peek(): Token {
    return this.tokens[this.i]!
  }

  private isWord(word: string): boolean {
    return this.peek().type === 'ident' && this.peek().text.toUpperCase() === word
  }

  private isOp(op: string): boolean {
    return this.peek().type === 'op' && this.peek().text === op
  }

  /** Consumes the keyword when it comes next. */
  private take(word: string): boolean {
    if (!this.isWord(word)) return false
    this.i++
    return true
  }

  private fail(): never {
    throw malformed(this.text, this.peek().pos, `unexpected token: '${this.peek().text}'`)
  }

  private word(word: string): void {
    if (!this.isWord(word)) this.fail()
    this.i++
  }

  private op(op: string): void {
    if (!this.isOp(op)) this.fail()
    this.i++
  }

  private ident(): Token {
    return this.peek().type === 'ident' ? this.tokens[this.i++]! : this.fail()
  }

  private integer(): number {
    return Number(this.peek().type === 'number' ? this.tokens[this.i++]!.text : this.fail())
  }

  private literal(): SoqlLiteral {
    const t = this.peek()
    const value = literalOf(t)
    if (!value) this.fail()
    this.i++
    return value!
  }

  private list<T>(item: () => T): T[] {
    const out = [item()]
    while (this.isOp(',')) {
      this.i++
      out.push(item())
    }
    return out
  }

  private predicate(): SoqlCondition {
    const f = this.ident()
    if (this.isWord('NOT') || this.isWord('IN')) {
      const negate = this.isWord('NOT')
      if (negate) this.i++
      this.word('IN')
      this.op('(')
      const values = this.list(() => this.literal())
      this.op(')')
      return { kind: 'in', field: f.text, values, negate, pos: f.pos }
    }
    if (this.isWord('LIKE')) {
      this.i++
      return { kind: 'compare', field: f.text, op: 'LIKE', value: this.literal(), pos: f.pos }
    }
    if (this.peek().type !== 'op' || /^[(),]$/.test(this.peek().text)) this.fail()
    const op = this.tokens[this.i++]!.text
    return { kind: 'compare', field: f.text, op: op === '<>' ? '!=' : op, value: this.literal(), pos: f.pos }
  }

  private unary(): SoqlCondition {
    if (this.isWord('NOT')) {
      this.i++
      return { kind: 'not', inner: this.unary() }
    }
    if (!this.isOp('(')) return this.predicate()
    this.i++
    const inner = this.condition()
    this.op(')')
    return inner
  }

  private condition(): SoqlCondition {
    const parts = [this.unary()]
    let joiner: 'AND' | 'OR' | undefined
    while (this.isWord('AND') || this.isWord('OR')) {
      const word = this.peek().text.toUpperCase() as 'AND' | 'OR'
      // SOQL refuses to guess precedence: mixing AND and OR needs parentheses.
      if (joiner !== undefined && joiner !== word) this.fail()
      joiner = word
      this.i++
      parts.push(this.unary())
    }
    return joiner === undefined ? parts[0]! : { kind: joiner === 'AND' ? 'and' : 'or', parts }
  }

  private order(): SoqlOrder {
    const f = this.ident()
    const desc = this.isWord('DESC')
    if (desc || this.isWord('ASC')) this.i++
    let nullsLast = desc
    if (this.isWord('NULLS')) {
      this.i++
      nullsLast = this.isWord('LAST')
      this.word(nullsLast ? 'LAST' : 'FIRST')
    }
    return { field: f.text, desc, nullsLast, pos: f.pos }
  }

  /** SELECT … FROM … [WHERE …] [ORDER BY …] [LIMIT n] [OFFSET n], and nothing after. */
  query(): SoqlQuery {
    this.word('SELECT')
    const fields = this.list(() => this.ident())
    this.word('FROM')
    const object = this.ident()
    const where = this.take('WHERE') ? this.condition() : undefined
    let orderBy: SoqlOrder[] = []
    if (this.take('ORDER')) {
      this.word('BY')
      orderBy = this.list(() => this.order())
    }
    const limit = this.take('LIMIT') ? this.integer() : undefined
    const offset = this.take('OFFSET') ? this.integer() : undefined
    if (this.peek().type !== 'eof') this.fail()
    return {
      text: this.text,
      fields: fields.map((t) => ({ name: t.text, pos: t.pos })),
      object: object.text,
      objectPos: object.pos,
      ...(where ? { where } : {}),
      orderBy,
      ...(limit !== undefined ? { limit } : {}),
      ...(offset !== undefined ? { offset } : {}),
    }
  }
}

function literalOf(t: Token): SoqlLiteral | undefined {
  if (t.type === 'string') return { kind: 'string', value: t.text }
  if (t.type === 'number') return { kind: 'number', value: Number(t.text) }
  if (t.type === 'datetime') return { kind: 'datetime', value: parseSfDateTime(t.text) }
  if (t.type === 'date') return { kind: 'date', value: t.text }
  if (t.type === 'ident' && /^(true|false)$/i.test(t.text)) return { kind: 'boolean', value: t.text.toLowerCase() === 'true' }
  if (t.type === 'ident' && /^null$/i.test(t.text)) return { kind: 'null' }
  return undefined
}

/** Parses one SOQL statement of the supported subset; throws `SoqlError` as Salesforce would answer. */
export function parseSoql(text: string): SoqlQuery {
  return new Parser(text).query()
}
