import { spawn } from 'node:child_process'
import { once } from 'node:events'

const main = new URL('../../src/cli/main.ts', import.meta.url).pathname

/** A `revsync serve` child process: its URL once listening, its log so far, and how it ended. */
export interface ServeProcess {
  readonly url: string
  /** Resolves when a stderr line matches. */
  waitForLog(pattern: RegExp): Promise<string>
  kill(signal: NodeJS.Signals): void
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>
}

/** Starts `revsync -c CONFIG serve --port 0` as a user would, and waits until it listens. */
export async function spawnServe(config: string, env: Record<string, string>): Promise<ServeProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', main, '-c', config, 'serve', '--port', '0'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  const watchers: { pattern: RegExp; resolve: (line: string) => void }[] = []
  const check = (): void => {
    for (const w of watchers.splice(0)) {
      const line = stderr.split('\n').find((l) => w.pattern.test(l))
      if (line !== undefined) w.resolve(line)
      else watchers.push(w)
    }
  }
  const exited = once(child, 'close').then(([code, signal]) => ({ code: code as number | null, signal: signal as NodeJS.Signals | null, stdout, stderr }))
  const listening = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString()
      const m = /listening on (\S+)/.exec(stdout)
      if (m) resolve(m[1] as string)
    })
    void exited.then((end) => reject(new Error(`revsync serve exited before listening: ${JSON.stringify(end)}`)))
  })
  child.stderr.on('data', (c: Buffer) => {
    stderr += c.toString()
    check()
  })
  const url = await listening
  return {
    url,
    waitForLog: (pattern) =>
      new Promise<string>((resolve) => {
        watchers.push({ pattern, resolve })
        check()
      }),
    kill: (signal) => child.kill(signal),
    exited,
  }
}
