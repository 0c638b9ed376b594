/** What a token of the HTTP API may do; each scope includes the ones before it. */
export const tokenScopes = ['read', 'operate', 'admin'] as const
export type TokenScope = (typeof tokenScopes)[number]

/** A stored API token: never its secret, only what identifies and limits it. */
export interface ApiToken {
  readonly id: string
  readonly name: string
  readonly scope: TokenScope
  readonly createdAt: string
  readonly revokedAt: string | null
}

/** True when a token of scope `held` may call a route that needs `needed`. */
export function scopeAllows(held: TokenScope, needed: TokenScope): boolean {
  return tokenScopes.indexOf(held) >= tokenScopes.indexOf(needed)
}
