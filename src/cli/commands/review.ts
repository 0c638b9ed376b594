import type { Command } from 'commander'
import type { GlobalFlags } from '../global-flags.js'

/** `revsync review`: the rows held for a person, side by side, and how to settle them. */
export function registerReview(program: Command): void {
  const review = program
    .command('review')
    .description('list rows held for review (manual policy, or changes too close to call) and records whose match is ambiguous, side by side')
    .option('-m, --mapping <name>', 'only this mapping')
    .action(async (options: { mapping?: string }) => {
      const { reviewAction } = await import('../actions/review-action.js')
      await reviewAction(program.opts<GlobalFlags>(), options)
    })
  review
    .command('resolve <id>')
    .description('settle a held row: take one system\'s value, give a value, or dismiss')
    .option('--take <system|record>', 'use this system\'s value; for a match, link this candidate record')
    .option('--value <text>', 'use this value (empty for blank)')
    .option('--dismiss', 'set the item aside')
    .action(async (id: string, options: { take?: string; value?: string; dismiss?: boolean }) => {
      const { resolveAction } = await import('../actions/review-action.js')
      await resolveAction(program.opts<GlobalFlags>(), id, options)
    })
}
