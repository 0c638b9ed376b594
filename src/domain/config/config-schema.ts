import { z } from 'zod'
import { mappingSchema, nameSchema } from './mapping-config.js'
import { systemConfigSchema } from './system-config.js'
import { exportTargetSchema } from '../export/export-config.js'

/** Users matched by hand where emails differ: one row per person, a user id per system. */
export const userOverrideSchema = z.record(nameSchema, z.string().min(1))

/** The whole `revsync.yaml`. */
export const configSchema = z.strictObject({
  version: z.literal(1).default(1),
  /** A SQLite file path (the default) or a `postgres://` URL. */
  store: z.string().min(1).default('.revsync/state.db'),
  systems: z.record(nameSchema, systemConfigSchema),
  users: z.strictObject({ overrides: z.array(userOverrideSchema).default([]) }).default({ overrides: [] }),
  mappings: z.record(nameSchema, mappingSchema).default({}),
  /** Export targets: where people signals become leads, contacts and accounts (SPEC 3). */
  exports: z.record(nameSchema, exportTargetSchema).default({}),
  sync: z
    .strictObject({
      /** Seconds re-read before each cursor, against clock skew between systems. */
      overlapSeconds: z.number().int().nonnegative().default(60),
      /** Entities planned and written together; one store transaction each. */
      batchSize: z.number().int().min(1).max(1000).default(100),
      /**
       * Seconds a run's lease on its mapping or export target lasts unless renewed (every
       * third of it); a killed run's lease frees up after this long.
       */
      leaseSeconds: z.number().int().min(1).max(3600).default(60),
    })
    .default({ overlapSeconds: 60, batchSize: 100, leaseSeconds: 60 }),
})

export type RevsyncConfig = z.infer<typeof configSchema>
