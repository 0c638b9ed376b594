import { spawn } from 'node:child_process'

const main = new URL('../../src/cli/main.ts', import.meta.url).pathname

/** A running `revsync` process: its pid, and how it ended. */
export interface CliProcess {
  readonly pid: number
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>
  kill(signal: NodeJS.Signals): void
}

/** Starts the CLI as a user would (`node --import tsx src/cli/main.ts ARGS`), without waiting for it. */
export function spawnCli(args: readonly string[], env: Record<string, string> = {}): CliProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', main, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  )
  if (child.pid === undefined) throw new Error('revsync did not start')
  return { pid: child.pid, exited, kill: (signal) => child.kill(signal) }
}
