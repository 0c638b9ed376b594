import type { Command } from 'commander'
import { openAppFrom } from '../../app/open-app.js'
import { loadConfig } from '../../app/config/load-config.js'
import { createToken, revokeTokenByPrefix } from '../../app/tokens/create-token.js'
import { tokenScopes } from '../../domain/api-token.js'
import type { TokenScope } from '../../domain/api-token.js'

/** Tokens only touch the store, so the systems' secrets need not be set. */
async function openStoreOnly(configPath: string): ReturnType<typeof openAppFrom> {
  return openAppFrom(await loadConfig(configPath, process.env, { secrets: 'deferred' }))
}

/** `revsync token`: the bearer tokens of `revsync serve`'s API. */
export function registerToken(program: Command): void {
  const token = program.command('token').description('create, list and revoke bearer tokens of the revsync serve API')
  token
    .command('create')
    .description('create a token; it is shown once and only its hash is stored')
    .requiredOption('--scope <scope>', `what it may do: ${tokenScopes.join(' | ')} (each includes the ones before)`)
    .option('--name <name>', 'who or what uses it', 'unnamed')
    .action(async (options: { scope: string; name: string }) => {
      if (!(tokenScopes as readonly string[]).includes(options.scope)) throw new Error(`--scope ${options.scope} is not a scope; give one of: ${tokenScopes.join(', ')}`)
      const app = await openStoreOnly(program.opts<{ config: string }>().config)
      try {
        const { token: created, secret } = await createToken(app.store, options.scope as TokenScope, options.name, new Date())
        console.log(secret)
        console.error(`token ${created.id} (${created.name}, scope ${created.scope}) created; it is not shown again: keep it now`)
      } finally {
        await app.close()
      }
    })
  token
    .command('list')
    .description('every token: id, name, scope, created, revoked')
    .action(async () => {
      const app = await openStoreOnly(program.opts<{ config: string }>().config)
      try {
        const list = await app.store.listTokens()
        if (list.length === 0) console.log('no tokens yet: revsync token create --scope read')
        for (const t of list) console.log(`${t.id}  ${t.scope.padEnd(7)}  ${t.name}  created ${t.createdAt}${t.revokedAt ? `  revoked ${t.revokedAt}` : ''}`)
      } finally {
        await app.close()
      }
    })
  token
    .command('revoke <id>')
    .description('revoke a token (its id, or a prefix naming it alone); it stops working at once')
    .action(async (id: string) => {
      const app = await openStoreOnly(program.opts<{ config: string }>().config)
      try {
        const revoked = await revokeTokenByPrefix(app.store, id, new Date())
        console.log(`revoked ${revoked.id} (${revoked.name})`)
      } finally {
        await app.close()
      }
    })
}
