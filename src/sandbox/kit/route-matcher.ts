import type { SimRoute } from './sim-types.js'

/** A route chosen for a method and path, with its `:params` decoded. */
export interface RouteMatch {
  readonly route: SimRoute
  readonly params: Readonly<Record<string, string>>
}

/**
 * Matches a method and path against route patterns the way `startSimServer` does (first match
 * wins, `:name` matches one segment). Simulators use it to run sub-requests of batch APIs
 * (Sugar `/bulk`, Salesforce composite) through the same handlers as top-level calls.
 */
export function createRouteMatcher(routes: readonly SimRoute[]): (method: string, path: string) => RouteMatch | undefined {
  const compiled = routes.map((route) => {
    const keys: string[] = []
    const source = route.pattern
      .split('/')
      .map((part) => {
        if (!part.startsWith(':')) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        keys.push(part.slice(1))
        return '([^/]+)'
      })
      .join('/')
    return { route, keys, regex: new RegExp(`^${source}$`) }
  })
  return (method, path) => {
    for (const c of compiled) {
      if (c.route.method !== method) continue
      const m = c.regex.exec(path)
      if (!m) continue
      return { route: c.route, params: Object.fromEntries(c.keys.map((k, i) => [k, decodeURIComponent(m[i + 1] ?? '')])) }
    }
    return undefined
  }
}
