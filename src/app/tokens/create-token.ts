import { createHash, randomBytes } from 'node:crypto'
import type { ApiToken, TokenScope } from '../../domain/api-token.js'
import type { Store } from '../../store/store.js'
import { newId } from '../new-id.js'

/** The stored form of a token's secret: SHA-256, hex. 32 random bytes need no slow hash. */
export function hashToken(secret: string): string {
  return createHash('sha256').update(secret).digest('hex')
}

/** Creates an API token; the secret is returned once and only its hash is stored. */
export async function createToken(store: Store, scope: TokenScope, name: string, at: Date): Promise<{ token: ApiToken; secret: string }> {
  const secret = `rsk_${randomBytes(32).toString('base64url')}`
  const token: ApiToken = { id: newId(at.getTime()), name, scope, createdAt: at.toISOString(), revokedAt: null }
  await store.addToken(token, hashToken(secret))
  return { token, secret }
}

/** The live token a bearer secret belongs to, if any. */
export async function verifyToken(store: Store, secret: string): Promise<ApiToken | undefined> {
  return store.findTokenByHash(hashToken(secret))
}

/** Revokes a token named by its id or a prefix naming it alone. */
export async function revokeTokenByPrefix(store: Store, typed: string, at: Date): Promise<ApiToken> {
  const live = (await store.listTokens()).filter((t) => t.revokedAt === null && t.id.startsWith(typed.trim().toLowerCase()))
  if (live.length !== 1 || typed.trim().length < 4) throw new Error(live.length > 1 ? `"${typed}" names ${live.length} tokens; give more of its id (revsync token list)` : `no live token has an id starting with "${typed}"; see revsync token list`)
  const [token] = live as [ApiToken]
  await store.revokeToken(token.id, at.toISOString())
  return token
}
