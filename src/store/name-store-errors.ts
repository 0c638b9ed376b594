import type { Store } from './store.js'

/** An error of the database under the store, named with the store and what to do. */
export class StoreError extends Error {
  constructor(where: string, error: Error & { code?: unknown }) {
    super(`store ${where}: ${error.message}; ${fixFor(error)}`, { cause: error })
    this.name = 'StoreError'
  }
}

/** How the store is named in messages: the SQLite path, or the PostgreSQL URL without its password. */
export function storeName(url: string, postgres: boolean): string {
  if (!postgres) return url
  try {
    const parsed = new URL(url)
    if (parsed.password) parsed.password = '***'
    return parsed.toString()
  } catch {
    return 'PostgreSQL (the url in revsync.yaml store)'
  }
}

const sqliteFixes: Readonly<Record<string, string>> = {
  SQLITE_CORRUPT: 'it is damaged: restore it from a backup, or move it away and run again to start a new store (revsync then matches records again by their match keys)',
  SQLITE_NOTADB: 'it is damaged or not a revsync store: restore it from a backup, or move it away and run again to start a new store (revsync then matches records again by their match keys)',
  SQLITE_CANTOPEN: 'check that its folder exists and this user may write there, or set store: in revsync.yaml to another path',
  SQLITE_READONLY: 'make the file and its folder writable by this user',
  SQLITE_PERM: 'make the file and its folder writable by this user',
  SQLITE_FULL: 'free some disk space, then run again',
  SQLITE_IOERR: 'the disk reported an error: check the disk and free space, then run again',
  SQLITE_BUSY: 'another process holds the file; wait for it to finish, then run again',
}

function fixFor(error: Error & { code?: unknown }): string {
  const code = typeof error.code === 'string' ? error.code : ''
  const sqlite = Object.entries(sqliteFixes).find(([prefix]) => code === prefix || code.startsWith(`${prefix}_`))
  if (sqlite) return sqlite[1]
  if (['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'ECONNRESET', 'EHOSTUNREACH'].includes(code)) return 'check that PostgreSQL runs and that the store url in revsync.yaml names it'
  if (code === '28P01' || code === '28000') return 'check the user and password in the store url (or PGPASSWORD)'
  if (code === '3D000') return 'create the database, or fix its name in the store url'
  return 'check the store setting in revsync.yaml and that the database is reachable and healthy'
}

/** True for errors raised by the database or the connection to it, not by revsync's own checks. */
export function isDatabaseError(error: unknown): error is Error & { code?: unknown } {
  if (!(error instanceof Error) || error instanceof StoreError) return false
  const code = (error as { code?: unknown }).code
  if (typeof code !== 'string') return false
  // SQLite result codes, PostgreSQL SQLSTATEs (five characters) and socket errors.
  return code.startsWith('SQLITE_') || /^[0-9A-Z]{5}$/.test(code) || /^E[A-Z]+$/.test(code)
}

/**
 * Wraps a store so that a database error from any of its calls names the store and what to
 * do ("database disk image is malformed" alone names no file). Other errors pass unchanged.
 */
export function nameStoreErrors(store: Store, where: string): Store {
  const rename = (error: unknown): never => {
    throw isDatabaseError(error) ? new StoreError(where, error) : error
  }
  return new Proxy(store, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target)
      if (typeof value !== 'function') return value
      return (...args: unknown[]) => {
        try {
          const result: unknown = value.apply(target, args)
          return result instanceof Promise ? result.catch(rename) : result
        } catch (error) {
          return rename(error)
        }
      }
    },
  })
}
