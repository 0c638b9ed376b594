import type { ConfigIssue } from '../../domain/config/config-issue.js'

const reference = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g
const wholeReference = /^\$\{[A-Za-z_][A-Za-z0-9_]*(?::-[^}]*)?\}$/

/** How interpolation treats a missing variable at a path. */
export interface InterpolateOptions {
  /**
   * Paths whose missing variables are put aside instead of failing the load: the value gets
   * a placeholder that passes the schema, and the issue is returned in `deferred`. Used for
   * systems' secrets by commands that call no system.
   */
  readonly defer?: (path: readonly (string | number)[]) => boolean
}

/** The interpolated value, the missing variables that fail the load, and those put aside. */
export interface Interpolated {
  readonly value: unknown
  readonly issues: ConfigIssue[]
  readonly deferred: ConfigIssue[]
}

/**
 * Replaces `${VAR}` (and `${VAR:-default}`) in every string of the parsed config with the
 * environment's value, so secrets stay out of the file. Missing variables are issues at
 * the path where they are used; the value itself never appears in a message.
 */
export function interpolateEnv(value: unknown, env: Readonly<Record<string, string | undefined>>, options: InterpolateOptions = {}): Interpolated {
  const out: Interpolated = { value: undefined, issues: [], deferred: [] }
  return { ...out, value: walk(value, env, options, [], out) }
}

function walk(value: unknown, env: Readonly<Record<string, string | undefined>>, options: InterpolateOptions, path: (string | number)[], out: Interpolated): unknown {
  if (typeof value === 'string') return interpolateString(value, env, options, path, out)
  if (Array.isArray(value)) return value.map((item, i) => walk(item, env, options, [...path, i], out))
  if (value !== null && typeof value === 'object') {
    const result: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) result[k] = walk(v, env, options, [...path, k], out)
    return result
  }
  return value
}

function interpolateString(value: string, env: Readonly<Record<string, string | undefined>>, options: InterpolateOptions, path: (string | number)[], out: Interpolated): string {
  const deferred = options.defer?.(path) ?? false
  let putAside = false
  const text = value.replace(reference, (_match, name: string, fallback: string | undefined) => {
    const found = env[name]
    if (found !== undefined && found !== '') return found
    if (fallback !== undefined) return fallback
    const issue = { path, message: `environment variable ${name} is not set`, fix: `export ${name}=... before running revsync (or write \${${name}:-default})` }
    if (!deferred) {
      out.issues.push(issue)
      return ''
    }
    out.deferred.push(issue)
    putAside = true
    return 'unresolved'
  })
  // A url that is nothing but a missing variable still has to parse as a URL to load.
  if (putAside && path[path.length - 1] === 'url' && wholeReference.test(value)) return 'https://unresolved.invalid'
  return text
}
