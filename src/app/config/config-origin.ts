import type { ConfigIssue } from '../../domain/config/config-issue.js'
import type { RevsyncConfig } from '../../domain/config/config-schema.js'
import type { LocatedIssue } from './config-error.js'

/** Keyed by the parsed config object, so nothing outlives the config it describes. */
const origins = new WeakMap<RevsyncConfig, (issues: readonly ConfigIssue[]) => LocatedIssue[]>()

/**
 * Remembers where a parsed config came from. Runs receive only the parsed config; this
 * lets a check made at the start of a run name the file and line like `validate` does,
 * without threading the loader through every caller.
 */
export function rememberOrigin(config: RevsyncConfig, locate: (issues: readonly ConfigIssue[]) => LocatedIssue[]): void {
  origins.set(config, locate)
}

/** Places issues in the config's file when it was loaded from one; else names `revsync.yaml` without a line. */
export function locateIssues(config: RevsyncConfig, issues: readonly ConfigIssue[]): LocatedIssue[] {
  const locate = origins.get(config)
  return locate ? locate(issues) : issues.map((issue) => ({ ...issue, file: 'revsync.yaml' }))
}
