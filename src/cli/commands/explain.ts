import type { Command } from 'commander'
import type { GlobalFlags } from '../global-flags.js'

/** `revsync explain`: the entity behind a record, each field's value per system, who wrote it and why. */
export function registerExplain(program: Command): void {
  program
    .command('explain <record>')
    .description('tell, for the entity behind a record, each field\'s value in each system and which run wrote it, from where and by which rule (record: SYSTEM:OBJECT/ID, or an entity id as plan and runs show it)')
    .action(async (given: string) => {
      const { explainAction } = await import('../actions/explain-action.js')
      await explainAction(program.opts<GlobalFlags>(), given)
    })
}
