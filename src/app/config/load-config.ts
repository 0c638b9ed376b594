import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { LineCounter, isNode, parseDocument, visit } from 'yaml'
import type { Document } from 'yaml'
import type { z } from 'zod'
import type { ConfigIssue } from '../../domain/config/config-issue.js'
import { configSchema } from '../../domain/config/config-schema.js'
import type { RevsyncConfig } from '../../domain/config/config-schema.js'
import { checkReferences } from '../../domain/config/check-references.js'
import { checkExports } from '../../domain/config/check-exports.js'
import { checkRepeatedRows } from '../../domain/config/check-repeated-rows.js'
import { ConfigError } from './config-error.js'
import type { LocatedIssue } from './config-error.js'
import { interpolateEnv } from './interpolate-env.js'
import { rememberOrigin } from './config-origin.js'

/** A parsed config and where it came from, so later checks can point at lines too. */
export interface LoadedConfig {
  readonly config: RevsyncConfig
  readonly file: string
  /** Places an issue found later (e.g. against discovered schemas) in the file. */
  locate(issues: readonly ConfigIssue[]): LocatedIssue[]
  /**
   * Per system, the environment variables it needs that are not set, when secrets were
   * deferred (`secrets: 'deferred'`); empty otherwise. A command that calls such a system
   * must refuse with these issues first.
   */
  readonly unresolved: ReadonlyMap<string, readonly LocatedIssue[]>
}

/** How to load: `required` (the default) fails on any missing variable; `deferred` loads without the systems' secrets. */
export interface LoadOptions {
  /** `deferred` suits commands that call no system (`runs`, `validate --offline`). */
  readonly secrets?: 'required' | 'deferred'
}

/** Reads, interpolates and validates `revsync.yaml`; throws `ConfigError` listing every issue. */
export async function loadConfig(path: string, env: Readonly<Record<string, string | undefined>> = process.env, options: LoadOptions = {}): Promise<LoadedConfig> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    throw new ConfigError([{ file: path, path: [], message: `cannot read the config file (${(error as NodeJS.ErrnoException).code ?? String(error)})`, fix: 'pass --config PATH or create revsync.yaml' }])
  }
  return parseConfigText(text, basename(path), env, options)
}

/** Parses config text; `file` only names it in messages. */
export function parseConfigText(text: string, file: string, env: Readonly<Record<string, string | undefined>>, options: LoadOptions = {}): LoadedConfig {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true })
  if (doc.errors.length > 0) {
    // One syntax slip cascades into many parser errors; the first one says where to look.
    const first = doc.errors[0] as (typeof doc.errors)[number]
    const hint = /flow-map|flow-seq/.test(first.message) && text.includes('${') ? 'quote values such as "${NAME}" inside { } or [ ]' : 'fix the YAML syntax at that line'
    throw new ConfigError([{ file, path: [], line: lineCounter.linePos(first.pos[0]).line, message: first.message.split('\n')[0] ?? first.message, fix: hint }])
  }
  const locate = (issues: readonly ConfigIssue[]): LocatedIssue[] => issues.map((issue) => ({ ...issue, file, line: lineOf(doc, lineCounter, issue.path) }))
  const interpolated = interpolateEnv(toPlain(doc, lineCounter, file), env, options.secrets === 'deferred' ? { defer: (path) => path[0] === 'systems' && path.length > 2 } : {})
  if (interpolated.issues.length > 0) throw new ConfigError(locate(interpolated.issues))
  const parsed = configSchema.safeParse(interpolated.value)
  if (!parsed.success) throw new ConfigError(locate(parsed.error.issues.flatMap(fromZodIssue)))
  const referenceIssues = [...checkReferences(parsed.data), ...checkRepeatedRows(parsed.data), ...checkExports(parsed.data)]
  if (referenceIssues.length > 0) throw new ConfigError(locate(referenceIssues))
  const unresolved = new Map<string, LocatedIssue[]>()
  for (const issue of locate(interpolated.deferred)) {
    const system = String(issue.path[1])
    unresolved.set(system, [...(unresolved.get(system) ?? []), issue])
  }
  rememberOrigin(parsed.data, locate)
  return { config: parsed.data, file, locate, unresolved }
}

/**
 * The document as plain data. The YAML library refuses a document whose aliases expand
 * past its limit (an alias bomb); that refusal names no file or line, so it is rethrown
 * at the first alias.
 */
function toPlain(doc: Document, counter: LineCounter, file: string): unknown {
  try {
    return doc.toJS() ?? {}
  } catch (error) {
    if (!(error instanceof ReferenceError) || !/alias/i.test(error.message)) throw error
    let line: number | undefined
    visit(doc, {
      Alias(_key, node) {
        if (node.range) line = counter.linePos(node.range[0]).line
        return visit.BREAK
      },
    })
    throw new ConfigError([{ file, path: [], ...(line === undefined ? {} : { line }), message: 'the YAML aliases (*name) expand to more data than a config holds', fix: 'write the values out instead of repeating aliases of aliases' }])
  }
}

function fromZodIssue(issue: z.core.$ZodIssue): ConfigIssue[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol')
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({ path: [...path, key], message: `unknown setting "${key}"`, fix: 'remove it or check its spelling (see schema/revsync.schema.json)' }))
  }
  if (issue.code === 'invalid_union' && path.length > 0 && path[0] === 'systems') {
    return [{ path, message: 'does not match any system kind', fix: 'set kind to hubspot, salesforce or sugarcrm with its url and auth' }]
  }
  return [{ path, message: issue.message }]
}

/** The 1-based line of the deepest node of `path` that exists in the document. */
function lineOf(doc: Document, counter: LineCounter, path: readonly (string | number)[]): number | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true)
    if (isNode(node) && node.range) return counter.linePos(node.range[0]).line
  }
  return undefined
}
