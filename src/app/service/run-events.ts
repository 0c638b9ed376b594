import type { SyncProgress } from '../sync/sync-deps.js'

/** What a follower of a run hears: progress while it runs, then how it ended. */
export type RunEvent = { readonly type: 'progress'; readonly progress: SyncProgress } | { readonly type: 'finished'; readonly status: string; readonly error?: string }

/**
 * Live progress of the runs this process is running, by run id: the worker publishes each
 * run's `onProgress`, the API streams it as server-sent events. Only live news passes here;
 * how a run ended is read from the store by anyone who comes late.
 */
export interface RunEvents {
  publish(runId: string, event: RunEvent): void
  /** Listens to one run; returns how to stop listening. */
  subscribe(runId: string, listener: (event: RunEvent) => void): () => void
}

/** One process's run events. */
export function createRunEvents(): RunEvents {
  const listeners = new Map<string, Set<(event: RunEvent) => void>>()
  return {
    publish(runId, event) {
      for (const listener of listeners.get(runId) ?? []) listener(event)
      if (event.type === 'finished') listeners.delete(runId)
    },
    subscribe(runId, listener) {
      const set = listeners.get(runId) ?? new Set()
      set.add(listener)
      listeners.set(runId, set)
      return () => set.delete(listener)
    },
  }
}
