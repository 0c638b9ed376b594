// How much CPU `revsync --help` costs next to a bare `node -e 1`, both measured in this run.
// Aim (issue 10): the help at most 2x node's own start, i.e. the CLI loads a command's code
// only when that command runs. Measured on the built entry (`dist/`), which users run.
import { execFile, spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

const root = fileURLToPath(new URL('..', import.meta.url))
const preload = fileURLToPath(new URL('./support/report-cpu.cjs', import.meta.url))
const REPETITIONS = 11
const AIM = 2

/** Runs node with ARGS and returns the CPU the child used, in milliseconds, as it reported it at exit. */
function childCpuMs(args: readonly string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--require', preload, ...args], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (code) => {
      const m = /revsync-bench-cpu (\d+)/.exec(stderr)
      if (code !== 0 || !m) reject(new Error(`node ${args.join(' ')} exited ${String(code)}: ${stderr.trim()}`))
      else resolve(Number(m[1]) / 1000)
    })
  })
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)] ?? NaN
}
const round = (n: number, digits = 2): number => Number(n.toFixed(digits))

/** Builds `dist/`, then times `node dist/cli/main.js --help` against `node -e 1`, interleaved, and returns the medians and their ratio. */
export async function benchCliStartup(): Promise<Record<string, unknown>> {
  // The built entry is what users run; build it now so the figures are of this source.
  await promisify(execFile)(process.execPath, [fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url)), '-p', 'tsconfig.build.json'], { cwd: root })
  const help: number[] = []
  const bare: number[] = []
  // Interleaved, so a neighbour's load touches both series alike.
  for (let i = 0; i < REPETITIONS; i++) {
    bare.push(await childCpuMs(['-e', '1']))
    help.push(await childCpuMs(['dist/cli/main.js', '--help']))
  }
  const helpMs = median(help)
  const nodeMs = median(bare)
  const ratio = round(helpMs / nodeMs)
  return { bench: 'cli-startup', method: 'CPU (user + system) each child reports at exit, median of interleaved runs of node dist/cli/main.js --help and node -e 1; ratio = help / node', repetitions: REPETITIONS, helpCpuMs: round(helpMs, 1), nodeCpuMs: round(nodeMs, 1), ratio, aim: AIM, ok: ratio <= AIM }
}
