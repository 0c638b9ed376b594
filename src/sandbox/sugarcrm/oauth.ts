import { randomUUID } from 'node:crypto'
import type { IncomingHttpHeaders } from 'node:http'
import type { SimResponse } from '../kit/http-server.js'
import { sugarError } from './errors.js'
import type { SugarStore } from './store.js'

interface Session {
  readonly userId: string
  readonly clientId: string
  readonly platform: string
  readonly expiresAtMs: number
}

/** Seconds an access token lives, as Sugar's default `oauth_token_life`. */
export const accessTokenSeconds = 3600
/** Seconds a refresh token lives (two weeks), as Sugar's default `oauth_token_expiry`. */
export const refreshTokenSeconds = 1_209_600

/**
 * Sugar's OAuth2 server: password and refresh_token grants for client `sugar` (empty secret),
 * access tokens checked on every call through the `OAuth-Token` header. A refresh rotates the
 * refresh token: the used one stops working.
 */
export class SugarOAuth {
  private readonly access = new Map<string, Session>()
  private readonly refresh = new Map<string, Session>()
  /** Grants issued, by type, so tests can see a refresh happen. */
  readonly grants = { password: 0, refresh_token: 0 }

  constructor(private readonly store: SugarStore) {}

  /** `POST /oauth2/token`. */
  token(body: unknown): SimResponse {
    const args = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>
    const clientId = String(args.client_id ?? '')
    if (clientId !== 'sugar' || String(args.client_secret ?? '') !== '') {
      return sugarError(401, 'invalid_client', 'The client credentials are invalid')
    }
    const platform = String(args.platform ?? '') || 'base'
    if (args.grant_type === 'password') return this.passwordGrant(args, clientId, platform)
    if (args.grant_type === 'refresh_token') return this.refreshGrant(args, clientId, platform)
    if (args.grant_type === undefined) return sugarError(400, 'invalid_request', 'The grant type was not specified in the request')
    return sugarError(400, 'unsupported_grant_type', `Grant type "${String(args.grant_type)}" not supported`)
  }

  private passwordGrant(args: Record<string, unknown>, clientId: string, platform: string): SimResponse {
    const user = [...this.store.modules.Users.values()].find((u) => u.values.user_name === args.username && u.values.deleted !== true)
    const password = user ? this.store.passwords.get(user.id) : undefined
    if (!user || password === undefined || password !== args.password || user.values.status !== 'Active') {
      return sugarError(401, 'need_login', 'You must specify a valid username and password.')
    }
    this.grants.password++
    return this.issue({ userId: user.id, clientId, platform, expiresAtMs: 0 })
  }

  private refreshGrant(args: Record<string, unknown>, clientId: string, platform: string): SimResponse {
    const token = String(args.refresh_token ?? '')
    const session = this.refresh.get(token)
    if (!session || session.expiresAtMs <= this.store.now() || session.clientId !== clientId || session.platform !== platform) {
      return sugarError(400, 'invalid_grant', 'Invalid refresh token')
    }
    this.refresh.delete(token)
    this.grants.refresh_token++
    return this.issue(session)
  }

  private issue(from: Session): SimResponse {
    const now = this.store.now()
    const accessToken = randomUUID()
    const refreshToken = randomUUID()
    this.access.set(accessToken, { ...from, expiresAtMs: now + accessTokenSeconds * 1000 })
    this.refresh.set(refreshToken, { ...from, expiresAtMs: now + refreshTokenSeconds * 1000 })
    return {
      status: 200,
      body: {
        access_token: accessToken,
        expires_in: accessTokenSeconds,
        token_type: 'bearer',
        scope: null,
        refresh_token: refreshToken,
        refresh_expires_in: refreshTokenSeconds,
        download_token: randomUUID(),
      },
    }
  }

  /** The user id behind a call's `OAuth-Token`, or Sugar's 401 answer. */
  authenticate(headers: IncomingHttpHeaders): string | SimResponse {
    const raw = headers['oauth-token']
    const token = Array.isArray(raw) ? raw[0] : raw
    if (!token) return sugarError(401, 'need_login', 'No valid authentication for user.')
    const session = this.access.get(token)
    if (!session || session.expiresAtMs <= this.store.now()) {
      return sugarError(401, 'invalid_grant', 'The access token provided is invalid.')
    }
    return session.userId
  }

  /** Every live access and refresh token, for tests that check no token leaks into messages. */
  tokens(): string[] {
    return [...this.access.keys(), ...this.refresh.keys()]
  }

  /** Ends every access token (and, when asked, every refresh token) as if they had expired. */
  expireAll(alsoRefresh: boolean): number {
    const n = this.access.size
    this.access.clear()
    if (alsoRefresh) this.refresh.clear()
    return n
  }
}
