import { createInProcessQueue } from '../../queue/in-process-queue.js'
import type { Queue } from '../../queue/queue.js'
import { newId } from '../new-id.js'

/** The queue of the embedded default, with real ids and clock; the server cannot reach src/queue itself. */
export function createInProcessQueueFor(): Queue {
  return createInProcessQueue({ newId: () => newId(), now: () => new Date() })
}
