/**
 * The three systems the connector-calls benchmark measures: each starts its simulator in this
 * process, seeded with `people` records of its person object, and makes fresh connectors on it.
 */
import type { Connector } from '../../src/domain/connector.js'
import type { FieldValue } from '../../src/domain/records.js'
import { createHubSpotConnector } from '../../src/connectors/hubspot/connector.js'
import { createSalesforceConnector } from '../../src/connectors/salesforce/connector.js'
import { createSugarCrmConnector } from '../../src/connectors/sugarcrm/connector.js'
import { generateHubSpotSeed } from '../../src/sandbox/hubspot/generate-seed.js'
import { startHubSpotSim } from '../../src/sandbox/hubspot/server.js'
import { generateSalesforceSeed } from '../../src/sandbox/salesforce/generate-seed.js'
import { startSalesforceSim } from '../../src/sandbox/salesforce/server.js'
import { generateSugarSeed } from '../../src/sandbox/sugarcrm/generate-seed.js'
import { startSugarSim } from '../../src/sandbox/sugarcrm/sim.js'

/** A running simulator and how to get a connector that has made no call yet. */
export interface BenchSystem {
  readonly name: 'hubspot' | 'salesforce' | 'sugarcrm'
  readonly url: string
  /** The person object read and written. */
  readonly object: string
  /** The API's largest read page and write batch, with where each comes from. */
  readonly limits: { readonly readPage: number; readonly writeBatch: number; readonly lookupBatch: number; readonly source: string }
  /** Route families of one-off calls: auth and schema (properties, describe, metadata). */
  readonly oneOffFamilies: readonly string[]
  /** How the connector authenticates, in words. */
  readonly auth: string
  connect(): Connector
  newPerson(i: number): Readonly<Record<string, FieldValue>>
  close(): Promise<void>
}

const noWait = { sleep: async (): Promise<void> => {} }

async function hubspot(people: number): Promise<BenchSystem> {
  const token = 'pat-na1-bench-calls-0000-4000'
  const sim = await startHubSpotSim({ seed: { ...generateHubSpotSeed({ contacts: people }), token } })
  return {
    name: 'hubspot',
    url: sim.url,
    object: 'contacts',
    limits: { readPage: 200, writeBatch: 100, lookupBatch: 100, source: 'search limit 200 a page; batch create 100 inputs; batch read 100 ids' },
    oneOffFamilies: ['contacts.properties'],
    auth: 'private-app token (no auth call)',
    connect: () => createHubSpotConnector({ kind: 'hubspot', url: sim.url, auth: { token } }, noWait),
    newPerson: (i) => ({ email: `bench${i}@calls.example`, firstname: 'Bench', lastname: `Person ${i}` }),
    close: () => sim.close(),
  }
}

async function salesforce(people: number): Promise<BenchSystem> {
  const credentials = { clientId: 'revsync-bench', clientSecret: 'bench-client-secret-0000' }
  const sim = await startSalesforceSim({ seed: { ...generateSalesforceSeed({ people, contactShare: 1, users: 4 }), credentials } })
  return {
    name: 'salesforce',
    url: sim.url,
    object: 'Contact',
    limits: { readPage: 2000, writeBatch: 200, lookupBatch: 150, source: 'SOQL query batches of 2,000 (nextRecordsUrl); sObject Collections of 200; IN lists of 150 ids within the query URL' },
    oneOffFamilies: ['oauth.token', 'soap.login', 'describe'],
    auth: 'OAuth2 client credentials (one token call)',
    connect: () => createSalesforceConnector({ kind: 'salesforce', url: sim.url, apiVersion: '62.0', auth: credentials }, noWait),
    newPerson: (i) => ({ FirstName: 'Bench', LastName: `Person ${i}`, Email: `bench${i}@calls.example` }),
    close: () => sim.close(),
  }
}

async function sugarcrm(people: number): Promise<BenchSystem> {
  const password = 'bench-calls-password'
  const sim = await startSugarSim({ seed: generateSugarSeed({ contacts: people, password }) })
  return {
    name: 'sugarcrm',
    url: sim.url,
    object: 'Contacts',
    limits: { readPage: 1000, writeBatch: 100, lookupBatch: 1000, source: 'filter max_num 1,000 (max_record_fetch_size); /bulk of 100 requests; $in of 1,000 ids a filter' },
    oneOffFamilies: ['oauth2.token', 'metadata', 'lang'],
    auth: 'OAuth2 password grant, platform revsync (one token call)',
    connect: () => createSugarCrmConnector({ kind: 'sugarcrm', url: sim.url, auth: { username: 'admin', password } }, noWait),
    newPerson: (i) => ({ first_name: 'Bench', last_name: `Person ${i}`, email1: `bench${i}@calls.example` }),
    close: () => sim.close(),
  }
}

/** Starts the three systems one after the other, each holding `people` people. */
export const benchSystems: readonly ((people: number) => Promise<BenchSystem>)[] = [hubspot, salesforce, sugarcrm]

/** The simulator's call counts per route family since the last reset. */
export async function simCallsByFamily(url: string): Promise<Record<string, number>> {
  return (await (await fetch(`${url}/__sandbox/calls`)).json()) as Record<string, number>
}

/** Zeroes the simulator's call counts. */
export async function resetSimCalls(url: string): Promise<void> {
  await fetch(`${url}/__sandbox/calls`, { method: 'DELETE' })
}
