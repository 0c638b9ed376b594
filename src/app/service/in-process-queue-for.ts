import { createInProcessQueue } from '../../queue/in-process-queue.js'
import type { Queue } from '../../queue/queue.js'
import type { App } from '../open-app.js'

/** The queue of the embedded default, with the app's ids and clock; the server cannot reach src/queue itself. */
export function createInProcessQueueFor(app: Pick<App, 'newId' | 'now'>): Queue {
  return createInProcessQueue({ newId: () => app.newId(), now: app.now })
}
