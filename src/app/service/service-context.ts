import type { Queue } from '../../queue/queue.js'
import type { App } from '../open-app.js'
import type { Logger } from '../logger.js'
import type { RunEvents } from './run-events.js'

/** What the API's routes work on: the open app, the job queue and live run events. */
export interface ServiceContext {
  readonly app: App
  readonly queue: Queue
  readonly events: RunEvents
  readonly logger: Logger
  readonly now: () => Date
  readonly newId: () => string
}
