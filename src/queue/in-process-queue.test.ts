import { describe } from 'node:test'
import { randomUUID } from 'node:crypto'
import { createInProcessQueue } from './in-process-queue.js'
import { queueContract } from './queue-contract.js'

describe('in-process queue', () => {
  queueContract(async () => createInProcessQueue({ newId: randomUUID, now: () => new Date('2026-01-01T00:00:00Z') }))
})
