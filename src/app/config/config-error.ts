import type { ConfigIssue } from '../../domain/config/config-issue.js'
import { formatConfigPath } from '../../domain/config/config-issue.js'

/** A config issue placed in its file: what a person reads. */
export interface LocatedIssue extends ConfigIssue {
  readonly file: string
  /** 1-based line, when the path exists in the file. */
  readonly line?: number
}

/** Formats one issue as `revsync.yaml:14 mappings.people.fields[3].hubspot: message; fix`. */
export function formatIssue(issue: LocatedIssue): string {
  const where = issue.line === undefined ? issue.file : `${issue.file}:${issue.line}`
  const path = formatConfigPath(issue.path)
  return `${where}${path ? ` ${path}` : ''}: ${issue.message}${issue.fix ? `; ${issue.fix}` : ''}`
}

/** Thrown when `revsync.yaml` cannot be used; lists every issue found, not just the first. */
export class ConfigError extends Error {
  readonly issues: readonly LocatedIssue[]

  constructor(issues: readonly LocatedIssue[]) {
    super(issues.map(formatIssue).join('\n'))
    this.name = 'ConfigError'
    this.issues = issues
  }
}
