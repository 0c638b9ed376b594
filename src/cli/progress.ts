import type { SyncProgress } from '../app/sync/sync-deps.js'

/**
 * Live counts on one terminal line, redrawn at most ten times a second; silent when stderr
 * is not a terminal, so logs and CI output stay clean.
 */
export function createProgressLine(stream: NodeJS.WriteStream = process.stderr): { update: (p: SyncProgress) => void; done: () => void } {
  let last = 0
  let shown = false
  return {
    update(p) {
      if (!stream.isTTY) return
      // A monotonic timer for redraws, not the app's clock: nothing is stamped with it.
      const now = performance.now()
      if (now - last < 100 && p.done !== p.total) return
      last = now
      shown = true
      const what = p.phase === 'read' ? `reading ${p.system ?? ''}` : p.phase === 'match' ? `matching ${p.system ?? ''}` : 'writing'
      stream.write(`\r\x1b[K  ${what} ${p.done.toLocaleString('en-US')}${p.total ? ` / ${p.total.toLocaleString('en-US')}` : ''}`)
    },
    done() {
      if (shown) stream.write('\r\x1b[K')
      shown = false
    },
  }
}
