import type { Connector } from '../../domain/connector.js'
import type { Store } from '../../store/store.js'
import type { Logger } from '../logger.js'
import type { InvalidLine, SignalOutcome } from './export-report.js'

/** What an export run needs; tests pass their own clock and ids. */
export interface ExportDeps {
  readonly store: Store
  /** Connectors by system name. */
  readonly connectors: ReadonlyMap<string, Connector>
  /**
   * The connector that asks Salesforce to run lead assignment rules on create
   * (`Sforce-Auto-Assign: TRUE`), built on first use for targets routing leads that way.
   */
  readonly assignmentConnector?: (system: string) => Connector
  readonly now: () => Date
  readonly newId: () => string
  readonly logger: Logger
}

/** How to run an export. */
export interface ExportOptions {
  /** `plan --export`: decide everything, write nothing, to the systems or to the store. */
  readonly dryRun?: boolean
  /** Process signals that failed in an earlier run again (those that succeeded stay done). */
  readonly retryFailed?: boolean
  /** `jsonl` or `csv`; from the file's extension when not given. */
  readonly format?: string
  /** Called with every signal's outcome as it is decided: the CLI prints plans from it. */
  readonly onOutcome?: (outcome: SignalOutcome) => void
  readonly onInvalid?: (line: InvalidLine) => void
  /** Seconds to wait for another run holding the target to end; without it, a held target is refused at once. */
  readonly waitSeconds?: number
  /** How leads are found (Salesforce): per batch, read in full, or `auto` (default) by the file's size. */
  readonly leadIndex?: 'auto' | 'lookup' | 'read'
}
