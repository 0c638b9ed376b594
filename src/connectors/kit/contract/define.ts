import type { ContractCaseId, ContractFixture } from './types.js'

/** What a running case works with. */
export interface CaseTools {
  readonly fx: ContractFixture
  /** Waits the connectors asked for (retry backoff, Retry-After), in order; a case may clear it. */
  readonly sleeps: number[]
  /** A short lower-case token unique within the run, for emails and names. */
  tag(label: string): string
}

/** Registers one case of the contract under its id. */
export type Define = (id: ContractCaseId, title: string, body: (tools: CaseTools) => Promise<void>) => void
