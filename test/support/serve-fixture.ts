import { randomBytes } from 'node:crypto'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sandboxEnv } from '../../src/app/demo/sandbox-env.js'
import { createToken } from '../../src/app/tokens/create-token.js'
import type { TokenScope } from '../../src/domain/api-token.js'
import { demoSeed } from '../../src/sandbox/demo-seed.js'
import { startSandbox } from '../../src/sandbox/start-sandbox.js'
import type { Sandbox } from '../../src/sandbox/start-sandbox.js'
import { openStore } from '../../src/store/open-store.js'

const example = new URL('../../examples/revsync.yaml', import.meta.url)

/** A sandbox, the example config on a fresh SQLite store, and a token of each scope. */
export interface ServeFixture {
  readonly sandbox: Sandbox
  readonly dir: string
  readonly config: string
  readonly storePath: string
  readonly env: Record<string, string>
  readonly tokens: Readonly<Record<TokenScope, string>>
  /** People in SugarCRM, leads and contacts, alive. */
  sugarEmails(): string[]
  /** Contacts in HubSpot, alive. */
  hubspotEmails(): string[]
  close(): Promise<void>
}

/**
 * Starts the sandbox and writes the example config for it; `people` gets `peopleExtra`
 * (e.g. a schedule) and the file ends with `extra`. Tokens are made in the store directly.
 */
export async function startServeFixture(options: { contacts?: number; leads?: number; peopleExtra?: string; extra?: string } = {}): Promise<ServeFixture> {
  const sandbox = await startSandbox(demoSeed({ contacts: options.contacts ?? 30, leads: options.leads ?? 5 }))
  const dir = await mkdtemp(join(tmpdir(), 'revsync-serve-'))
  const storePath = join(dir, 'state.db')
  const config = join(dir, `revsync-${randomBytes(3).toString('hex')}.yaml`)
  const text = (await readFile(example, 'utf8'))
    .replace('store: .revsync/state.db', `store: "${storePath}"`)
    .replace('  people:\n    entity: person\n', `  people:\n    entity: person\n${options.peopleExtra ?? ''}`)
  await writeFile(config, text + (options.extra ?? ''))
  const store = await openStore({ url: storePath })
  const tokens: Partial<Record<TokenScope, string>> = {}
  try {
    for (const scope of ['read', 'operate', 'admin'] as const) tokens[scope] = (await createToken(store, scope, `test-${scope}`, new Date())).secret
  } finally {
    await store.close()
  }
  return {
    sandbox,
    dir,
    config,
    storePath,
    env: sandboxEnv(sandbox),
    tokens: tokens as Record<TokenScope, string>,
    sugarEmails: () => (['Leads', 'Contacts'] as const).flatMap((m) => sandbox.sugar.state.records(m).map((r) => (r.email.find((e) => e.primary_address)?.email_address ?? '').toLowerCase())),
    hubspotEmails: () => [...sandbox.hubspot.state.records.contacts.values()].filter((r) => !r.archived).map((r) => (r.properties['email'] ?? '').toLowerCase()),
    close: async () => {
      await sandbox.close()
      await rm(dir, { recursive: true, force: true })
    },
  }
}

/** Values seen more than once. */
export function duplicates(values: readonly string[]): string[] {
  const seen = new Map<string, number>()
  for (const v of values) seen.set(v, (seen.get(v) ?? 0) + 1)
  return [...seen].filter(([v, n]) => v !== '' && n > 1).map(([v]) => v)
}

/** Reads a server-sent event stream to its end: each event's name and parsed data. */
export async function readEvents(response: Response): Promise<{ event: string; data: unknown }[]> {
  const text = await response.text()
  if (response.status !== 200 || !response.headers.get('content-type')?.startsWith('text/event-stream')) throw new Error(`not an event stream: ${response.status} ${text}`)
  return text
    .split('\n\n')
    .filter((block) => block.trim() !== '')
    .map((block) => {
      const event = /^event: (.*)$/m.exec(block)?.[1] ?? 'message'
      const data = /^data: (.*)$/m.exec(block)?.[1] ?? 'null'
      return { event, data: JSON.parse(data) as unknown }
    })
}
