import type { SimResponse } from '../kit/http-server.js'
import { objectLabels } from './describe-fields.js'
import { keyPrefixes } from './ids.js'
import type { SalesforceState } from './state.js'

/** `GET /sobjects/{Object}/describe`: the object's metadata and every field, standard and custom. */
export function describeObject(state: SalesforceState, object: string, version: string): SimResponse {
  const [label, labelPlural] = objectLabels[object] ?? [object, object]
  const base = `/services/data/v${version}/sobjects/${object}`
  return {
    status: 200,
    body: {
      name: object,
      label,
      labelPlural,
      keyPrefix: keyPrefixes[object],
      custom: false,
      createable: object !== 'User',
      updateable: object !== 'User',
      deletable: object !== 'User',
      queryable: true,
      searchable: true,
      fields: state.fields(object),
      childRelationships: [],
      recordTypeInfos: [],
      urls: { sobject: base, describe: `${base}/describe`, rowTemplate: `${base}/{ID}` },
    },
  }
}
