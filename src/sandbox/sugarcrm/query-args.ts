/**
 * Reads a GET request's arguments the way PHP does: `filter[0][name][$starts]=A` becomes
 * `{ filter: [{ name: { $starts: 'A' } }] }`. A `filter` given as one JSON string (Sugar's other
 * accepted form, its `jsonParams`) is decoded.
 */
export function parseQueryArgs(query: URLSearchParams): Record<string, unknown> {
  const root: Record<string, unknown> = {}
  for (const [key, value] of query) {
    const path = keyPath(key)
    let node: Record<string, unknown> = root
    path.forEach((part, i) => {
      const name = part === '' ? String(Object.keys(node).length) : part
      if (i === path.length - 1) node[name] = value
      else {
        const next = node[name]
        node[name] = next !== null && typeof next === 'object' ? next : {}
        node = node[name] as Record<string, unknown>
      }
    })
  }
  const args = listify(root) as Record<string, unknown>
  if (typeof args.filter === 'string' && args.filter.trim().startsWith('[')) {
    try {
      args.filter = JSON.parse(args.filter)
    } catch {
      // Left as a string: FilterApi then answers "Unexpected filter type string."
    }
  }
  return args
}

function keyPath(key: string): string[] {
  const open = key.indexOf('[')
  if (open <= 0) return [key]
  const parts = [key.slice(0, open)]
  for (const m of key.slice(open).matchAll(/\[([^\]]*)\]/g)) parts.push(m[1] ?? '')
  return parts
}

/** Objects whose keys are exactly 0..n-1 become arrays, as PHP's lists are JSON-encoded. */
function listify(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value
  const entries = Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, listify(v)] as const)
  const isList = entries.length > 0 && entries.every(([k], i) => k === String(i))
  return isList ? entries.map(([, v]) => v) : Object.fromEntries(entries)
}
