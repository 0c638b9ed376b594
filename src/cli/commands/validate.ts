import type { Command } from 'commander'
import type { GlobalFlags } from '../global-flags.js'

/** `revsync validate` and `revsync refresh-fields`. */
export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('check revsync.yaml: syntax, settings, secrets, mappings, owner lookups, export targets, and every field against the systems\' schemas')
    .option('--offline', 'skip the checks that need the systems: their field info and secrets')
    .action(async (options: { offline?: boolean }) => {
      const { validateAction } = await import('../actions/validate-action.js')
      await validateAction(program.opts<GlobalFlags>(), options)
    })

  program
    .command('refresh-fields')
    .description('read every mapped object\'s fields from its system, cache them, and print what changed')
    .action(async () => {
      const { refreshFieldsAction } = await import('../actions/validate-action.js')
      await refreshFieldsAction(program.opts<GlobalFlags>())
    })
}
