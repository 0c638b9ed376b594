import type { Connector } from '../../domain/connector.js'
import type { Store } from '../../store/store.js'
import type { Logger } from '../logger.js'

/** Progress of a run, for live counts on the CLI. */
export interface SyncProgress {
  readonly phase: 'read' | 'match' | 'write'
  readonly system?: string
  readonly done: number
  readonly total?: number
}

/** What a sync run needs; tests pass their own clock, ids and crash points. */
export interface SyncDeps {
  readonly store: Store
  /** Connectors by system name. */
  readonly connectors: ReadonlyMap<string, Connector>
  readonly now: () => Date
  readonly newId: () => string
  readonly logger: Logger
  readonly onProgress?: (progress: SyncProgress) => void
  /**
   * Called after a batch's writes reached the systems and before they are recorded; tests
   * throw here to prove a crash at the worst moment creates no duplicate on rerun.
   */
  readonly afterWrites?: (batch: number) => void
  /** Called after every batch is recorded and before the cursors advance. */
  readonly beforeCursorCommit?: () => void
  /**
   * A cooperative stop (a service shutting down): checked between batches, so the batch being
   * written is recorded with its cursor and the run ends `stopped`; the next run carries on.
   */
  readonly signal?: AbortSignal
}
