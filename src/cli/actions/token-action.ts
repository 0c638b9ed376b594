import { openAppFrom } from '../../app/open-app.js'
import type { App } from '../../app/open-app.js'
import { loadConfig } from '../../app/config/load-config.js'
import { createToken, revokeTokenByPrefix } from '../../app/tokens/create-token.js'
import type { TokenScope } from '../../domain/api-token.js'
import type { GlobalFlags } from '../global-flags.js'

/** Tokens only touch the store, so the systems' secrets need not be set. */
async function openStoreOnly(flags: GlobalFlags): Promise<App> {
  return openAppFrom(await loadConfig(flags.config, process.env, { secrets: 'deferred' }))
}

/** `revsync token create`: prints the secret once, and what was made on stderr. */
export async function tokenCreateAction(flags: GlobalFlags, scope: TokenScope, name: string): Promise<void> {
  const app = await openStoreOnly(flags)
  try {
    const { token: created, secret } = await createToken(app.store, scope, name, app.now())
    console.log(secret)
    console.error(`token ${created.id} (${created.name}, scope ${created.scope}) created; it is not shown again: keep it now`)
  } finally {
    await app.close()
  }
}

/** `revsync token list`. */
export async function tokenListAction(flags: GlobalFlags): Promise<void> {
  const app = await openStoreOnly(flags)
  try {
    const list = await app.store.listTokens()
    if (list.length === 0) console.log('no tokens yet: revsync token create --scope read')
    for (const t of list) console.log(`${t.id}  ${t.scope.padEnd(7)}  ${t.name}  created ${t.createdAt}${t.revokedAt ? `  revoked ${t.revokedAt}` : ''}`)
  } finally {
    await app.close()
  }
}

/** `revsync token revoke ID`. */
export async function tokenRevokeAction(flags: GlobalFlags, id: string): Promise<void> {
  const app = await openStoreOnly(flags)
  try {
    const revoked = await revokeTokenByPrefix(app.store, id, app.now())
    console.log(`revoked ${revoked.id} (${revoked.name})`)
  } finally {
    await app.close()
  }
}
