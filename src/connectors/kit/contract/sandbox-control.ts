import type { FaultPatch } from './types.js'

/** Every fault off: what a case restores when it ends. */
export const noFaults: Required<FaultPatch> = { rateLimitEvery: 0, retryAfterSeconds: 0, serverErrorRate: 0, serverErrorBurst: 0, latencyMs: 0, families: [] }

/** The control API all three simulators share (`sandbox/kit/http-server.ts`), over HTTP. */
export interface SandboxControl {
  faults(patch: FaultPatch): Promise<void>
  calls(): Promise<Readonly<Record<string, number>>>
}

/** A client of `{url}/__sandbox/faults` and `{url}/__sandbox/calls`. */
export function sandboxControl(url: string): SandboxControl {
  return {
    async faults(patch) {
      const res = await fetch(`${url}/__sandbox/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(patch) })
      if (!res.ok) throw new Error(`POST ${url}/__sandbox/faults answered ${res.status}: ${await res.text()}`)
    },
    async calls() {
      const res = await fetch(`${url}/__sandbox/calls`)
      if (!res.ok) throw new Error(`GET ${url}/__sandbox/calls answered ${res.status}`)
      return (await res.json()) as Record<string, number>
    },
  }
}

/** Sum of the simulator's call counts over every route family. */
export function totalCalls(calls: Readonly<Record<string, number>>): number {
  return Object.values(calls).reduce((a, b) => a + b, 0)
}
