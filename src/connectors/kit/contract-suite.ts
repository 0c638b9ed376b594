/**
 * The connector contract: one suite of behaviours every connector must show against its
 * simulator, as Hono runs one router suite against each router. A vendor's `contract.test.ts`
 * calls `runConnectorContract` with a setup that starts its simulator over real HTTP and
 * answers the connector, a driver that acts on the simulator as a person would, and a profile
 * of the vendor's object and field names. A case may be skipped only with a stated reason.
 */
import { after, before, describe, it } from 'node:test'
import type { CaseTools, Define } from './contract/define.js'
import { faultCases } from './contract/fault-cases.js'
import { readCases } from './contract/read-cases.js'
import { schemaCases } from './contract/schema-cases.js'
import type { ContractFixture, ContractSetup, ContractSkips } from './contract/types.js'
import { writeCases } from './contract/write-cases.js'

export type { ContractCaseId, ContractDeps, ContractFixture, ContractProfile, ContractSetup, ContractSkips, FaultPatch, LossyLink, NativeFields, RefusedCreate, SimDriver } from './contract/types.js'
export { sandboxControl } from './contract/sandbox-control.js'

/** Registers the contract suite for one connector; `skip` names the cases that do not apply, each with why. */
export function runConnectorContract(name: string, setup: ContractSetup, skip: ContractSkips = {}): void {
  for (const [id, reason] of Object.entries(skip)) {
    if (typeof reason !== 'string' || reason.trim().length < 10) throw new Error(`connector contract "${name}": skipping "${id}" needs a stated reason`)
  }
  describe(`connector contract: ${name}`, () => {
    let fixture: ContractFixture | undefined
    let tags = 0
    const sleeps: number[] = []
    const tools: CaseTools = {
      get fx(): ContractFixture {
        if (!fixture) throw new Error(`connector contract "${name}": the setup did not finish`)
        return fixture
      },
      sleeps,
      tag: (label) => `${label}${(++tags).toString(36)}`,
    }
    before(async () => {
      fixture = await setup({ sleep: async (ms) => void sleeps.push(ms) })
    })
    after(() => fixture?.close())

    const define: Define = (id, title, body) => {
      const reason = skip[id]
      if (reason !== undefined) it(title, { skip: reason }, () => {})
      else it(title, () => body(tools))
    }
    schemaCases(define)
    readCases(define)
    writeCases(define)
    faultCases(define)
  })
}
