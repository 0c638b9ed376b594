import type { SfDescribe } from './schema.js'
import type { SalesforceSession } from './session.js'

/** Describes fetched once per object for reads and writes; `refresh` fetches again (schema discovery). */
export interface DescribeCache {
  get(object: string): Promise<SfDescribe>
  refresh(object: string): Promise<SfDescribe>
}

/** Creates the cache; a failed describe is forgotten so the next call tries again. */
export function createDescribeCache(session: SalesforceSession): DescribeCache {
  const cache = new Map<string, Promise<SfDescribe>>()
  function refresh(object: string): Promise<SfDescribe> {
    const fetched = session.call(`describe ${object}`, async (conn) => (await conn.sobject(object).describe()) as unknown as SfDescribe)
    cache.set(object, fetched)
    fetched.catch(() => {
      if (cache.get(object) === fetched) cache.delete(object)
    })
    return fetched
  }
  return { get: (object) => cache.get(object) ?? refresh(object), refresh }
}
