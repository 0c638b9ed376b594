import type { Connector } from '../../../domain/connector.js'
import type { LossyLink } from './types.js'

/** What the contract needs of a fault proxy (`sandbox/kit/fault-proxy.ts`, started by the vendor's test). */
export interface ProxyLike {
  inject(fault: { readonly method: string; readonly path: RegExp; readonly mode: 'reset'; readonly times: number }): void
  hits(): number
}

/** A `LossyLink` over a connector that calls the simulator through `proxy`. */
export function lossyLink(connector: Connector, proxy: ProxyLike): LossyLink {
  return {
    connector,
    loseNextAnswer: (method, path) => proxy.inject({ method, path, mode: 'reset', times: 1 }),
    lost: () => proxy.hits(),
  }
}
