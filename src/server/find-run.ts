import type { RunRecord } from '../domain/run.js'
import { shownStatus } from '../domain/run.js'
import type { ServiceContext } from '../app/service/service-context.js'
import { resolveId } from '../app/short-ids.js'
import { Problem } from './problem.js'

/** A run as the API shows it: stored, or queued and not started yet. */
export type ShownRun = Omit<RunRecord, 'status' | 'startedAt'> & { readonly status: string; readonly startedAt: string | null }

/** The run an id or prefix names: a queued job's run first, then the store's runs (as the CLI resolves them). */
export async function findRun(service: ServiceContext, typed: string): Promise<ShownRun> {
  // A job whose run is not recorded: not started yet (checks and the lease come first, so a
  // taken job still shows queued), or ended before it began (skipped, or failed a check).
  const job = await service.queue.findByRun(typed)
  if (job && !(await service.app.store.getRun(job.runId))) {
    const status = job.state === 'queued' || job.state === 'running' ? 'queued' : job.state === 'done' ? 'succeeded' : job.state
    return { id: job.runId, kind: 'sync', name: job.mapping, status, startedAt: null, finishedAt: null, summary: { trigger: job.trigger, ...(job.error ? { error: job.error } : {}) } }
  }
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
