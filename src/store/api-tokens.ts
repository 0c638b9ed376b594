import type { Kysely } from 'kysely'
import type { ApiToken, TokenScope } from '../domain/api-token.js'
import type { Database } from './database.js'

function tokenFromRow(row: Database['api_tokens']): ApiToken {
  return { id: row.id, name: row.name, scope: row.scope as TokenScope, createdAt: row.created_at, revokedAt: row.revoked_at }
}

/** Stores a new token by the hash of its secret. */
export async function addToken(db: Kysely<Database>, token: Omit<ApiToken, 'revokedAt'>, hash: string): Promise<void> {
  await db.insertInto('api_tokens').values({ id: token.id, name: token.name, scope: token.scope, hash, created_at: token.createdAt, revoked_at: null }).execute()
}

/** The live (not revoked) token whose secret hashes to `hash`. */
export async function findTokenByHash(db: Kysely<Database>, hash: string): Promise<ApiToken | undefined> {
  const row = await db.selectFrom('api_tokens').selectAll().where('hash', '=', hash).where('revoked_at', 'is', null).executeTakeFirst()
  return row ? tokenFromRow(row) : undefined
}

/** Every token, oldest first, revoked ones included. */
export async function listTokens(db: Kysely<Database>): Promise<ApiToken[]> {
  return (await db.selectFrom('api_tokens').selectAll().orderBy('created_at').orderBy('id').execute()).map(tokenFromRow)
}

/** Revokes a live token; false when there is none with that id. */
export async function revokeToken(db: Kysely<Database>, id: string, at: string): Promise<boolean> {
  const result = await db.updateTable('api_tokens').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}
