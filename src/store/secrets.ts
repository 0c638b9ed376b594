import type { Kysely } from 'kysely'
import type { Database } from './database.js'
import type { SecretBox } from './secret-box.js'

/** What to set when the store has no key; named in every error about it. */
const NO_KEY =
  'the store was opened without a secret key; set REVSYNC_SECRET_KEY to a long random string ' +
  '(e.g. `openssl rand -base64 32`) and keep it: secrets stored with it need it to be read'

/** Encrypts `plaintext` and upserts it under `name`; only ciphertext reaches the database. */
export async function putSecret(
  db: Kysely<Database>,
  box: SecretBox | undefined,
  name: string,
  plaintext: string,
  now: string,
): Promise<void> {
  if (box === undefined) throw new Error(`store: cannot store secret "${name}": ${NO_KEY}`)
  const sealed = await box.seal(name, plaintext)
  await db
    .insertInto('secrets')
    .values({ name, ...sealed, updated_at: now })
    .onConflict((oc) =>
      oc.column('name').doUpdateSet((eb) => ({
        ciphertext: eb.ref('excluded.ciphertext'),
        iv: eb.ref('excluded.iv'),
        tag: eb.ref('excluded.tag'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .execute()
}

/** The secret stored under `name`, decrypted, or undefined when there is none. */
export async function getSecret(db: Kysely<Database>, box: SecretBox | undefined, name: string): Promise<string | undefined> {
  const row = await db.selectFrom('secrets').select(['ciphertext', 'iv', 'tag']).where('name', '=', name).executeTakeFirst()
  if (row === undefined) return undefined
  if (box === undefined) throw new Error(`store: cannot read secret "${name}": ${NO_KEY}`)
  return box.open(name, row)
}
