/** A problem found in `revsync.yaml`: where (a config path), what, and how to fix it. */
export interface ConfigIssue {
  /** Path into the config, e.g. `['mappings', 'people', 'fields', 3, 'hubspot']`. */
  readonly path: readonly (string | number)[]
  readonly message: string
  /** What to do about it, when there is one clear fix. */
  readonly fix?: string
}

/** Formats a config path the way people read it: `mappings.people.fields[3].hubspot`. */
export function formatConfigPath(path: readonly (string | number)[]): string {
  return path.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : out === '' ? part : `${out}.${part}`), '')
}
