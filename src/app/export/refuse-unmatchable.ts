import { findableBy } from '../../engine/export/findable-by.js'
import type { SignalLine } from './read-signals.js'

/**
 * A signal whose person no later export could find again (no email, and no name at a
 * company domain) becomes an invalid line, unless the target sets `allowUnmatchable`:
 * created once, such a person would be created again by every later signal about them.
 */
export function refuseUnmatchable(line: SignalLine, allowUnmatchable: boolean): SignalLine {
  if (line.kind !== 'signal' || allowUnmatchable || findableBy(line.signal) !== null) return line
  return {
    kind: 'invalid',
    line: line.line,
    errors: [{
      field: 'person.email',
      message: 'is missing, and without it or a name at a company domain the person could never be found again, so each later signal would create them once more',
      fix: 'give person.email, or the person\'s name with company.domain or company.website; or set allowUnmatchable: true on the export target to create such people anyway',
    }],
  }
}
