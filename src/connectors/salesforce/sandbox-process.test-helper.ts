/**
 * Test support: runs the Salesforce simulator in a child process and talks to it over HTTP only,
 * so connector tests do not import sandbox code (the import rules keep connectors and the
 * sandbox apart). Not shipped; imported by `*.test.ts` files.
 */
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'

export interface SimProcess {
  readonly url: string
  /** Calls the simulator (paths other than `/services/…` and the kit's `/__sandbox/faults|calls` are under `/services/data/v62.0`). */
  control<T>(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: T }>
  close(): Promise<void>
}

const mainPath = fileURLToPath(new URL('../../sandbox/salesforce/main.ts', import.meta.url))

/** Starts a simulator process with the given `{ seed, generate }` options and waits for its URL. */
export async function startSimProcess(options: Record<string, unknown>): Promise<SimProcess> {
  const file = join(mkdtempSync(join(tmpdir(), 'revsync-sf-')), 'options.json')
  writeFileSync(file, JSON.stringify(options))
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', mainPath, file], { stdio: ['pipe', 'pipe', 'inherit'] })
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! })
    lines.once('line', (line) => resolve((JSON.parse(line) as { url: string }).url))
    child.once('exit', (code) => reject(new Error(`simulator exited with ${String(code)}`)))
  })
  return {
    url,
    async control<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
      // The kit's own control API (faults, calls) sits at the root; the org's routes under the data API.
      const full = /^\/(services|__sandbox\/(faults|calls))/.test(path) ? path : `/services/data/v62.0${path}`
      const res = await fetch(url + full, {
        method,
        headers: { 'content-type': 'application/json', ...headers },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      })
      const text = await res.text()
      return { status: res.status, body: (text === '' ? undefined : JSON.parse(text)) as T }
    },
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve())
        child.stdin!.end()
      }),
  }
}
