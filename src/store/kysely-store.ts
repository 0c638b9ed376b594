import type { Kysely } from 'kysely'
import type { ApiToken } from '../domain/api-token.js'
import * as tokens from './api-tokens.js'
import type { LinkRow } from '../domain/link.js'
import type { ObjectSchema } from '../domain/object-schema.js'
import type { Cursor, FieldValue } from '../domain/records.js'
import type { ReviewDecision, ReviewItem, ReviewStatus } from '../domain/review.js'
import type { RunItem, RunLease, RunRecord, RunStatus } from '../domain/run.js'
import { chunk, IDS_PER_QUERY } from './chunk.js'
import { createBatchWriter, isEmptyBatch } from './commit-batch.js'
import type { BatchWriter } from './commit-batch.js'
import type { Database } from './database.js'
import { findSignals } from './find-signals.js'
import { getRetries } from './get-retries.js'
import * as exportIndex from './export-index-queries.js'
import * as idPrefix from './id-prefix-queries.js'
import { migrateToLatest } from './migrate.js'
import * as reviews from './review-queries.js'
import * as leases from './run-leases.js'
import { linkFromRow, runFromRow, runItemFromRow } from './rows.js'
import { createSecretBox } from './secret-box.js'
import type { SecretBox } from './secret-box.js'
import * as secrets from './secrets.js'
import type { StoreDialect } from './store-dialect.js'
import type {
  BatchCommit,
  CursorKey,
  ExportIndexChange,
  IdKind,
  LeaseTake,
  PendingRetry,
  SignalRecord,
  Store,
  StoredExportIndex,
  SyncedValues,
  SystemRecord,
  PendingReviews,
} from './store.js'
import { takeTurn } from './take-turn.js'

/** What a `KyselyStore` runs on. */
export interface KyselyStoreDeps {
  readonly db: Kysely<Database>
  readonly dialect: StoreDialect
  /** PostgreSQL schema holding the tables (and the migrator's bookkeeping). */
  readonly schema?: string
  /** Stamps cursor updates, retries, applied reviews and turns; injectable so tests can fix time. */
  readonly now?: () => Date
  /** Master key of the secrets at rest; without it, secrets can be neither stored nor read. */
  readonly secretKey?: string
}

/**
 * The store over Kysely: one implementation for SQLite and PostgreSQL. Every query is
 * portable; JSON and timestamps are text so both dialects return the same values.
 */
export class KyselyStore implements Store {
  readonly dialect: StoreDialect
  readonly #db: Kysely<Database>
  readonly #schema: string | undefined
  readonly #now: () => Date
  readonly #writer: BatchWriter = createBatchWriter()
  readonly #indexRows = exportIndex.createIndexRowWriter()
  readonly #secrets: SecretBox | undefined

  constructor(deps: KyselyStoreDeps) {
    this.dialect = deps.dialect
    this.#db = deps.db
    this.#schema = deps.schema
    this.#now = deps.now ?? (() => new Date())
    // An empty key (a variable set to nothing) would encrypt with a guessable key.
    this.#secrets = deps.secretKey ? createSecretBox(deps.secretKey) : undefined
  }

  async migrate(): Promise<void> {
    await migrateToLatest(this.#db as Kysely<unknown>, { dialect: this.dialect, schema: this.#schema })
  }

  async close(): Promise<void> {
    await this.#db.destroy()
  }

  async saveSchema(system: string, schema: ObjectSchema, fetchedAt: string): Promise<void> {
    await this.#db
      .insertInto('object_schemas')
      .values({ system, object: schema.object, schema: JSON.stringify(schema), fetched_at: fetchedAt })
      .onConflict((oc) =>
        oc.columns(['system', 'object']).doUpdateSet((eb) => ({
          schema: eb.ref('excluded.schema'),
          fetched_at: eb.ref('excluded.fetched_at'),
        })),
      )
      .execute()
  }

  async loadSchema(system: string, object: string): Promise<{ schema: ObjectSchema; fetchedAt: string } | undefined> {
    const row = await this.#db
      .selectFrom('object_schemas')
      .select(['schema', 'fetched_at'])
      .where('system', '=', system)
      .where('object', '=', object)
      .executeTakeFirst()
    return row && { schema: JSON.parse(row.schema) as ObjectSchema, fetchedAt: row.fetched_at }
  }

  async getCursor(key: CursorKey): Promise<Cursor | undefined> {
    const row = await this.#db
      .selectFrom('cursors')
      .select('value')
      .where('mapping', '=', key.mapping)
      .where('system', '=', key.system)
      .where('object', '=', key.object)
      .executeTakeFirst()
    return row && { value: row.value }
  }

  async findEntities(mapping: string, system: string, recordIds: readonly string[]): Promise<Map<string, string>> {
    const found = new Map<string, string>()
    for (const slice of chunk([...new Set(recordIds)], IDS_PER_QUERY)) {
      const rows = await this.#db
        .selectFrom('links')
        .select(['record_id', 'entity_id'])
        .where('mapping', '=', mapping)
        .where('system', '=', system)
        .where('record_id', 'in', slice)
        .execute()
      for (const row of rows) found.set(row.record_id, row.entity_id)
    }
    return found
  }

  /** Entities without links are absent from the result. */
  async getLinks(mapping: string, entityIds: readonly string[]): Promise<Map<string, LinkRow[]>> {
    const links = new Map<string, LinkRow[]>()
    for (const slice of chunk([...new Set(entityIds)], IDS_PER_QUERY)) {
      const rows = await this.#db
        .selectFrom('links')
        .selectAll()
        .where('mapping', '=', mapping)
        .where('entity_id', 'in', slice)
        .orderBy('entity_id')
        .orderBy('system')
        .orderBy('object')
        .orderBy('record_id')
        .execute()
      for (const row of rows) {
        const list = links.get(row.entity_id) ?? []
        list.push(linkFromRow(row))
        links.set(row.entity_id, list)
      }
    }
    return links
  }

  /** Entities with no synced values are absent from the result. */
  async getSynced(mapping: string, entityIds: readonly string[]): Promise<Map<string, SyncedValues>> {
    const synced = new Map<string, Record<string, FieldValue>>()
    for (const slice of chunk([...new Set(entityIds)], IDS_PER_QUERY)) {
      const rows = await this.#db
        .selectFrom('synced_entities')
        .select(['entity_id', 'synced_values'])
        .where('mapping', '=', mapping)
        .where('entity_id', 'in', slice)
        .execute()
      for (const row of rows) synced.set(row.entity_id, JSON.parse(row.synced_values) as Record<string, FieldValue>)
    }
    return synced
  }

  async startRun(run: Pick<RunRecord, 'id' | 'kind' | 'name' | 'startedAt'>): Promise<void> {
    await this.#db
      .insertInto('runs')
      .values({
        id: run.id,
        kind: run.kind,
        name: run.name,
        started_at: run.startedAt,
        finished_at: null,
        status: 'running',
        summary: '{}',
      })
      .execute()
  }

  async finishRun(
    id: string,
    end: { finishedAt: string; status: RunStatus; summary: Readonly<Record<string, unknown>> },
  ): Promise<void> {
    const result = await this.#db
      .updateTable('runs')
      .set({ finished_at: end.finishedAt, status: end.status, summary: JSON.stringify(end.summary) })
      .where('id', '=', id)
      .executeTakeFirst()
    // Finishing a run that was never started is a bug in the caller; say so loudly.
    if (result.numUpdatedRows === 0n) throw new Error(`store: cannot finish run ${id}: no such run was started`)
  }

  async listRuns(limit: number): Promise<RunRecord[]> {
    const rows = await this.#db
      .selectFrom('runs')
      .selectAll()
      .orderBy('started_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute()
    return rows.map(runFromRow)
  }

  async getRun(id: string): Promise<RunRecord | undefined> {
    const row = await this.#db.selectFrom('runs').selectAll().where('id', '=', id).executeTakeFirst()
    return row && runFromRow(row)
  }

  async getRunItems(runId: string): Promise<RunItem[]> {
    const rows = await this.#db.selectFrom('run_items').selectAll().where('run_id', '=', runId).orderBy('id').execute()
    return rows.map(runItemFromRow)
  }

  async getRecordHistory(system: string, recordId: string): Promise<RunItem[]> {
    const rows = await this.#db
      .selectFrom('run_items')
      .selectAll()
      .where('system', '=', system)
      .where('record_id', '=', recordId)
      .orderBy('at')
      .orderBy('id')
      .execute()
    return rows.map(runItemFromRow)
  }

  async getEntityHistory(mapping: string, entityId: string): Promise<RunItem[]> {
    const rows = await this.#db
      .selectFrom('run_items')
      .selectAll()
      .where('mapping', '=', mapping)
      .where('entity_id', '=', entityId)
      .orderBy('at')
      .orderBy('id')
      .execute()
    return rows.map(runItemFromRow)
  }

  async commit(batch: BatchCommit): Promise<void> {
    if (isEmptyBatch(batch)) return
    const now = this.#now().toISOString()
    await this.#db.transaction().execute((trx) => this.#writer.write(trx, batch, now))
  }

  getRetries(mapping: string, limit: number): Promise<PendingRetry[]> {
    return getRetries(this.#db, mapping, limit)
  }

  listReviews(filter: { status?: ReviewStatus; mapping?: string }): Promise<ReviewItem[]> {
    return reviews.listReviews(this.#db, filter)
  }

  getReview(id: string): Promise<ReviewItem | undefined> {
    return reviews.getReview(this.#db, id)
  }

  resolveReview(id: string, decision: ReviewDecision): Promise<ReviewItem> {
    return reviews.resolveReview(this.#db, id, decision)
  }

  pendingReviewsFor(mapping: string, entityIds: readonly string[]): Promise<PendingReviews> {
    return reviews.pendingReviewsOf(this.#db, mapping, entityIds)
  }

  takeTurn(pool: string, size: number): Promise<number> {
    return takeTurn(this.#db, pool, size, this.#now().toISOString())
  }

  findSignals(target: string, keys: readonly string[]): Promise<Map<string, Omit<SignalRecord, 'target' | 'key'>>> {
    return findSignals(this.#db, target, keys)
  }

  async registerSystem(name: string, kind: string, at: string): Promise<void> {
    await this.#db
      .insertInto('systems')
      .values({ name, kind, first_seen: at })
      .onConflict((oc) => oc.column('name').doUpdateSet((eb) => ({ kind: eb.ref('excluded.kind') })))
      .execute()
  }

  async listSystems(): Promise<SystemRecord[]> {
    const rows = await this.#db.selectFrom('systems').selectAll().orderBy('name').execute()
    return rows.map((r) => ({ name: r.name, kind: r.kind, firstSeen: r.first_seen }))
  }

  putSecret(name: string, plaintext: string): Promise<void> {
    return secrets.putSecret(this.#db, this.#secrets, name, plaintext, this.#now().toISOString())
  }

  getSecret(name: string): Promise<string | undefined> {
    return secrets.getSecret(this.#db, this.#secrets, name)
  }

  // Ids by prefix (see id-prefix-queries.ts).
  findIdsByPrefix(kind: IdKind, prefix: string, limit: number): Promise<string[]> {
    return idPrefix.findIdsByPrefix(this.#db, this.dialect, kind, prefix, limit)
  }

  adjacentIds(kind: IdKind, id: string): Promise<string[]> {
    return idPrefix.adjacentIds(this.#db, this.dialect, kind, id)
  }

  // Run leases: the caller passes the times, so a lease's expiry follows the run's clock.
  takeLease(claim: RunLease, now: string): Promise<LeaseTake> {
    return leases.takeLease(this.#db, claim, now)
  }

  renewLease(lease: Pick<RunLease, 'kind' | 'name' | 'runId'>, expiresAt: string): Promise<boolean> {
    return leases.renewLease(this.#db, lease, expiresAt)
  }

  releaseLease(lease: Pick<RunLease, 'kind' | 'name' | 'runId'>): Promise<void> {
    return leases.releaseLease(this.#db, lease)
  }

  listLeases(): Promise<RunLease[]> {
    return leases.listLeases(this.#db)
  }

  // API tokens of `revsync serve`.
  addToken(token: Omit<ApiToken, 'revokedAt'>, hash: string): Promise<void> {
    return tokens.addToken(this.#db, token, hash)
  }

  findTokenByHash(hash: string): Promise<ApiToken | undefined> {
    return tokens.findTokenByHash(this.#db, hash)
  }

  listTokens(): Promise<ApiToken[]> {
    return tokens.listTokens(this.#db)
  }

  revokeToken(id: string, at: string): Promise<boolean> {
    return tokens.revokeToken(this.#db, id, at)
  }

  // The export's account index (see export-index-queries.ts).
  loadExportIndex(target: string): Promise<StoredExportIndex | undefined> {
    return exportIndex.loadExportIndex(this.#db, target)
  }

  saveExportIndex(target: string, change: ExportIndexChange): Promise<void> {
    return exportIndex.saveExportIndex(this.#db, this.#indexRows, target, change)
  }

  dropExportIndex(target: string): Promise<void> {
    return exportIndex.dropExportIndex(this.#db, target)
  }
}
