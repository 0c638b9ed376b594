import type { Command } from 'commander'
import { tokenScopes } from '../../domain/api-token.js'
import type { TokenScope } from '../../domain/api-token.js'
import type { GlobalFlags } from '../global-flags.js'

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
      const { tokenCreateAction } = await import('../actions/token-action.js')
      await tokenCreateAction(program.opts<GlobalFlags>(), options.scope as TokenScope, options.name)
    })
  token
    .command('list')
    .description('every token: id, name, scope, created, revoked')
    .action(async () => {
      const { tokenListAction } = await import('../actions/token-action.js')
      await tokenListAction(program.opts<GlobalFlags>())
    })
  token
    .command('revoke <id>')
    .description('revoke a token (its id, or a prefix naming it alone); it stops working at once')
    .action(async (id: string) => {
      const { tokenRevokeAction } = await import('../actions/token-action.js')
      await tokenRevokeAction(program.opts<GlobalFlags>(), id)
    })
}
