import type { Migration } from 'kysely'
import { initialMigration } from './0001-initial.js'
import { queuesTurnsSecretsMigration } from './0002-queues-turns-secrets.js'
import { entityHistoryIndexMigration } from './0003-entity-history-index.js'
import { syncedPerEntityMigration } from './0004-synced-per-entity.js'
import { runLeasesMigration } from './0005-run-leases.js'
import { idPrefixIndexesMigration } from './0006-id-prefix-indexes.js'
import { apiTokensMigration } from './0007-api-tokens.js'
import { exportIndexMigration } from './0008-export-index.js'
import type { StoreDialect } from '../store-dialect.js'

/**
 * Every migration, by name, listed here rather than read from disk so the list is the same
 * from `src/` under tsx and from `dist/`. Names sort in order of application; append only.
 */
export function storeMigrations(dialect: StoreDialect): Record<string, Migration> {
  return {
    '0001-initial': initialMigration(dialect),
    '0002-queues-turns-secrets': queuesTurnsSecretsMigration(dialect),
    '0003-entity-history-index': entityHistoryIndexMigration,
    '0004-synced-per-entity': syncedPerEntityMigration(dialect),
    '0005-run-leases': runLeasesMigration(dialect),
    '0006-id-prefix-indexes': idPrefixIndexesMigration(dialect),
    '0007-api-tokens': apiTokensMigration(dialect),
    '0008-export-index': exportIndexMigration(dialect),
  }
}
