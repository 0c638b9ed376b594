import type { ServiceContext } from '../app/service/service-context.js'
import { shownStatus } from '../domain/run.js'

/** Runs read for metrics: the latest ones (a long-lived store keeps every run). */
const RUNS_COUNTED = 1000

const label = (v: string): string => v.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('\n', '\\n')

/**
 * The service's figures in Prometheus text: runs by status, records read, written and failed
 * per system (summed over the latest runs' summaries, so a restart keeps them), run durations
 * and the queue's depth.
 */
export async function renderMetrics(service: ServiceContext): Promise<string> {
  const { store } = service.app
  const runs = await store.listRuns(RUNS_COUNTED)
  const leases = await store.listLeases()
  const now = service.now()
  const byStatus = new Map<string, number>()
  const records = new Map<string, number>()
  let durationSum = 0
  let durationCount = 0
  for (const run of runs) {
    const status = shownStatus(run, leases, now)
    const key = `kind="${run.kind}",name="${label(run.name)}",status="${status}"`
    byStatus.set(key, (byStatus.get(key) ?? 0) + 1)
    const summary = run.summary as Partial<Record<'read' | 'created' | 'updated' | 'failed', Record<string, number>>>
    for (const what of ['read', 'created', 'updated', 'failed'] as const) {
      for (const [system, n] of Object.entries(summary[what] ?? {})) {
        const k = `system="${label(system)}",outcome="${what}"`
        records.set(k, (records.get(k) ?? 0) + n)
      }
    }
    if (run.finishedAt) {
      durationSum += (Date.parse(run.finishedAt) - Date.parse(run.startedAt)) / 1000
      durationCount++
    }
  }
  const jobs = await service.queue.active()
  const lines = [
    '# HELP revsync_runs Runs by kind, mapping or target, and status (the latest runs).',
    '# TYPE revsync_runs gauge',
    ...[...byStatus].map(([k, n]) => `revsync_runs{${k}} ${n}`),
    '# HELP revsync_records Records read, created, updated and failed per system (the latest runs).',
    '# TYPE revsync_records gauge',
    ...[...records].map(([k, n]) => `revsync_records{${k}} ${n}`),
    '# HELP revsync_run_duration_seconds Durations of finished runs (the latest runs).',
    '# TYPE revsync_run_duration_seconds summary',
    `revsync_run_duration_seconds_sum ${durationSum}`,
    `revsync_run_duration_seconds_count ${durationCount}`,
    '# HELP revsync_queue_jobs Jobs waiting or running.',
    '# TYPE revsync_queue_jobs gauge',
    `revsync_queue_jobs{state="queued"} ${jobs.filter((j) => j.state === 'queued').length}`,
    `revsync_queue_jobs{state="running"} ${jobs.filter((j) => j.state === 'running').length}`,
  ]
  return `${lines.join('\n')}\n`
}
