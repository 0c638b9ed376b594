import type { ConfigIssue } from '../../domain/config/config-issue.js'

const reference = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g

/**
 * Replaces `${VAR}` (and `${VAR:-default}`) in every string of the parsed config with the
 * environment's value, so secrets stay out of the file. Missing variables are issues at
 * the path where they are used; the value itself never appears in a message.
 */
export function interpolateEnv(
  value: unknown,
  env: Readonly<Record<string, string | undefined>>,
  path: (string | number)[] = [],
  issues: ConfigIssue[] = [],
): { value: unknown; issues: ConfigIssue[] } {
  if (typeof value === 'string') {
    const out = value.replace(reference, (_match, name: string, fallback: string | undefined) => {
      const found = env[name]
      if (found !== undefined && found !== '') return found
      if (fallback !== undefined) return fallback
      issues.push({ path, message: `environment variable ${name} is not set`, fix: `export ${name}=... before running revsync (or write \${${name}:-default})` })
      return ''
    })
    return { value: out, issues }
  }
  if (Array.isArray(value)) {
    return { value: value.map((item, i) => interpolateEnv(item, env, [...path, i], issues).value), issues }
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) out[k] = interpolateEnv(v, env, [...path, k], issues).value
    return { value: out, issues }
  }
  return { value, issues }
}
