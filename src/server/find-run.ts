import type { RunRecord } from '../domain/run.js'
import { shownStatus } from '../domain/run.js'
import type { ServiceContext } from '../app/service/service-context.js'
import { resolveId } from '../app/short-ids.js'
import { Problem } from './problem.js'

/** A run as the API shows it: stored, or queued and not started yet. */
export type ShownRun = Omit<RunRecord, 'status' | 'startedAt'> & { readonly status: string; readonly startedAt: string | null }

/** The run an id or prefix names: a queued job's run first, then the store's runs (as the CLI resolves them). */
export async function findRun(service: ServiceContext, typed: string): Promise<ShownRun> {
  // A job taken but whose run is not recorded yet (checks and lease come first) still shows as queued.
  const job = (await service.queue.active()).find((j) => j.runId === typed)
  if (job && !(await service.app.store.getRun(job.runId))) return { id: job.runId, kind: 'sync', name: job.mapping, status: 'queued', startedAt: null, finishedAt: null, summary: { trigger: job.trigger } }
  let id: string
  try {
    id = await resolveId(service.app.store, 'run', typed)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    throw new Problem(/ambiguous/.test(message) ? 409 : /no run/.test(message) ? 404 : 400, 'Unknown run', message.replace('revsync runs', 'GET /v1/runs'), 'path.id')
  }
  const run = await service.app.store.getRun(id)
  if (!run) throw new Problem(404, 'Unknown run', `no run ${typed}; see GET /v1/runs`, 'path.id')
  return { ...run, status: shownStatus(run, await service.app.store.listLeases(), service.now()) }
}
