import type { WriteResult } from '../../domain/records.js'
import { chunk } from '../kit/chunk.js'
import { toFailure } from './batch-errors.js'
import type { BatchErrorLike } from './batch-errors.js'
import type { HubSpotApi } from './client.js'
import { HubSpotRequestError } from './errors.js'
import type { HubSpotObject } from './properties.js'
import { writeBatchSize } from './write.js'

/**
 * Archives one batch of distinct ids and records the outcome of each in `done`. HubSpot
 * answers 204 and silently skips ids that do not exist (or are archived already), so a
 * success means every id is gone. Should it refuse the batch whole (400/404/409), the batch
 * is halved until the bad ids stand alone; a lone id answered 404 is already gone.
 */
async function archiveBatch(api: HubSpotApi, object: HubSpotObject, ids: readonly string[], done: Map<string, WriteResult>): Promise<void> {
  try {
    await api.call(`archive ${object}`, (sdk) => sdk.objects.batchApi.archive(object, { inputs: ids.map((id) => ({ id })) }))
    for (const id of ids) done.set(id, { ok: true, ref: id, id })
  } catch (error) {
    if (!(error instanceof HubSpotRequestError) || ![400, 404, 409].includes(error.status)) throw error
    const [only] = ids
    if (ids.length === 1 && only !== undefined) {
      done.set(only, error.status === 404 ? { ok: true, ref: only, id: only } : toFailure(only, (error.body ?? {}) as BatchErrorLike, api.secrets))
      return
    }
    const mid = Math.ceil(ids.length / 2)
    await archiveBatch(api, object, ids.slice(0, mid), done)
    await archiveBatch(api, object, ids.slice(mid), done)
  }
}

/**
 * Archives records (HubSpot's delete: they move to the recycle bin) with
 * `POST /crm/v3/objects/{object}/batch/archive`, 100 distinct ids a call. One result per id,
 * in order; an id that does not exist counts as removed, a blank id as invalid.
 */
export async function removeRecords(api: HubSpotApi, object: HubSpotObject, ids: readonly string[]): Promise<WriteResult[]> {
  const done = new Map<string, WriteResult>()
  const distinct = [...new Set(ids.filter((id) => id.trim() !== ''))]
  for (const part of chunk(distinct, writeBatchSize)) await archiveBatch(api, object, part, done)
  return ids.map(
    (id) => done.get(id) ?? { ok: false, ref: id, code: 'invalid', vendorCode: 'INVALID_ID', message: 'a blank id names no HubSpot record' },
  )
}
