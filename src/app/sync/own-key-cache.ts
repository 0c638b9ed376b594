import type { RemoteRecord } from '../../domain/records.js'

/**
 * The records of one system found holding each key, for the keys of the page being processed:
 * the duplicate check looks up a whole page's keys at its first batch (one call where the
 * API takes them), and the page's later batches read the answer here. Only the last answer is
 * kept, so memory holds one page's keys, never the run's.
 */
export class OwnKeyCache {
  private system: string | undefined
  private covered = new Set<string>()
  private found = new Map<string, RemoteRecord[]>()

  /** The records holding each key, or undefined when some key was not looked up with the page. */
  get(system: string, keys: readonly string[]): Map<string, RemoteRecord[]> | undefined {
    if (system !== this.system || keys.some((k) => !this.covered.has(k))) return undefined
    return this.found
  }

  /** Keeps the answer of a lookup of `keys` in `system`, replacing the one before. */
  set(system: string, keys: readonly string[], found: Map<string, RemoteRecord[]>): void {
    this.system = system
    this.covered = new Set(keys)
    this.found = found
  }
}
