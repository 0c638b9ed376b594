import { ConnectorError } from '../../domain/connector.js'
import type { SugarCrmSystemConfig } from '../../domain/config/system-config.js'
import { HttpError } from '../kit/http-client.js'
import type { HttpClient } from '../kit/http-client.js'
import { sugarErrorBody } from './errors.js'

interface TokenAnswer {
  readonly access_token: string
  readonly refresh_token: string
  readonly expires_in: number
}

/** The OAuth2 session of one connector: a token for each call, renewed when Sugar rejects it. */
export interface SugarSession {
  /** Logs in once if there is no token yet (concurrent callers share the login). */
  ensure(): Promise<void>
  /** The current access token. */
  token(): string | undefined
  /**
   * After a 401 for a call sent with `rejected`: refresh the token, falling back to a new
   * password grant, unless another call has already replaced that token. True when renewed.
   */
  renew(rejected: string | undefined): Promise<boolean>
  /** Everything to keep out of messages: password, client secret, both tokens. */
  secrets(): string[]
}

/**
 * Creates the session over `tokenClient` (a client without auth headers). Grants use the
 * configured `platform` so revsync's session does not log out people using Sugar in a browser
 * (platform `base`), and browser logins do not end revsync's.
 */
export function createSugarSession(auth: SugarCrmSystemConfig['auth'], tokenClient: HttpClient): SugarSession {
  let access: string | undefined
  let refresh: string | undefined
  let pending: Promise<void> | undefined
  const client = { client_id: auth.clientId, client_secret: auth.clientSecret, platform: auth.platform }

  async function grant(body: Record<string, string>): Promise<void> {
    const answer = await tokenClient.request<TokenAnswer>({ method: 'POST', path: '/rest/v11/oauth2/token', body: { ...body, ...client } })
    access = answer.access_token
    refresh = answer.refresh_token
  }

  async function passwordGrant(): Promise<void> {
    try {
      await grant({ grant_type: 'password', username: auth.username, password: auth.password })
    } catch (error) {
      if (!(error instanceof HttpError) || error.status >= 500 || error.status === 429) throw error
      const { error: label, message } = sugarErrorBody(error.body, error.status)
      throw new ConnectorError('sugarcrm', 'auth', `login as "${auth.username}" (platform ${auth.platform}) was refused: ${label}: ${message}`, error.status)
    }
  }

  async function refreshOrLogin(): Promise<void> {
    if (refresh !== undefined) {
      try {
        return await grant({ grant_type: 'refresh_token', refresh_token: refresh })
      } catch (error) {
        // An expired or rotated refresh token answers 400/401 invalid_grant: log in again.
        if (!(error instanceof HttpError) || (error.status !== 400 && error.status !== 401)) throw error
      }
    }
    access = refresh = undefined
    await passwordGrant()
  }

  const once = (work: () => Promise<void>): Promise<void> =>
    (pending ??= work().finally(() => {
      pending = undefined
    }))

  return {
    ensure: async () => {
      if (access === undefined) await once(passwordGrant)
    },
    token: () => access,
    renew: async (rejected) => {
      if (pending) await pending
      // Another call renewed the token while this one was in flight: use it rather than refresh
      // again, since each refresh rotates (and so invalidates) the refresh token.
      if (access !== undefined && access !== rejected) return true
      await once(refreshOrLogin)
      return access !== undefined
    },
    secrets: () => [auth.password, auth.clientSecret, access ?? '', refresh ?? ''],
  }
}
