import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { ExportTargetConfig } from '../../domain/export/export-config.js'
import { exportTargetSchema } from '../../domain/export/export-config.js'
import { resolveExportTarget } from '../../domain/export/resolve-target.js'
import type { RemoteUser } from '../../domain/records.js'
import { decideOwner } from './decide-owner.js'
import type { OwnerAccount } from './decide-owner.js'
import { createOwnerDirectory } from './owner-directory.js'
import { resolveOwners } from './resolve-owners.js'

const user = (id: string, email: string, active = true): RemoteUser => ({ id, email, firstName: email.split('@')[0]!, lastName: null, active })
const users = createOwnerDirectory([user('u-default', 'dana@x.io'), user('u-sdr', 'sam@x.io'), user('u-gone', 'ivan@x.io', false), user('u-rob', 'rob@x.io')])

function setup(over: Partial<ExportTargetConfig> & Record<string, unknown> = {}) {
  const config = exportTargetSchema.parse({ system: 'sfdc', defaultOwner: 'dana@x.io', accountOwnerField: 'SDR_Owner__c', ...over })
  const target = resolveExportTarget('t', config, 'salesforce')
  const { owners } = resolveOwners(target, users)
  return { target, owners: owners!, users, object: 'Contact' }
}

const acme = (ownerValue: string | null): OwnerAccount => ({ id: 'a1', name: 'Acme', ownerValue })

describe('decideOwner (seed "Default Ownership")', () => {
  const cases: { name: string; over?: Record<string, unknown>; account: OwnerAccount | null; existing?: string | null; expect: [string, string?]; detail?: RegExp }[] = [
    { name: 'account field holds an active user', account: acme('u-sdr'), expect: ['user', 'u-sdr'], detail: /SDR_Owner__c of account "Acme"/ },
    { name: 'account field holds an inactive user', account: acme('u-gone'), expect: ['user', 'u-default'], detail: /inactive/ },
    { name: 'account field is empty', account: acme(null), expect: ['user', 'u-default'], detail: /is empty/ },
    { name: 'account field holds no user', account: acme('u-nobody'), expect: ['user', 'u-default'], detail: /not a sfdc user/ },
    { name: 'no accountOwnerField: always the default owner', over: { accountOwnerField: undefined }, account: acme('u-sdr'), expect: ['user', 'u-default'], detail: /accountOwnerField is not set/ },
    { name: 'no account, default routing', account: null, expect: ['user', 'u-default'], detail: /leadRouting default-owner/ },
    { name: 'no account, assignment rules', over: { leadRouting: { kind: 'assignment-rules' } }, account: null, expect: ['assignment-rules'] },
    { name: 'no account, round robin', over: { leadRouting: { kind: 'round-robin', pool: ['rob@x.io', 'ivan@x.io'] } }, account: null, expect: ['round-robin'] },
    { name: 'existing record, reassignExisting off', account: acme('u-sdr'), existing: 'u-rob', expect: ['keep'], detail: /reassignExisting is off/ },
    { name: 'existing record, reassignExisting on', over: { reassignExisting: true }, account: acme('u-sdr'), existing: 'u-rob', expect: ['user', 'u-sdr'], detail: /reassignExisting is on/ },
    { name: 'existing lead, reassign on, assignment rules only run on create', over: { reassignExisting: true, leadRouting: { kind: 'assignment-rules' } }, account: null, existing: 'u-rob', expect: ['keep'], detail: /only run when a lead is created/ },
  ]
  for (const c of cases) {
    it(c.name, () => {
      const d = decideOwner({ ...setup(c.over), account: c.account, ...(c.existing !== undefined ? { existingOwnerId: c.existing } : {}) })
      assert.equal(d.kind, c.expect[0])
      if (d.kind === 'user') assert.equal(d.userId, c.expect[1])
      if (c.detail) assert.match(d.reason.detail, c.detail)
    })
  }

  it('refuses an inactive or unknown default owner and an unknown pool member before any write', () => {
    const config = exportTargetSchema.parse({ system: 'sfdc', defaultOwner: 'ivan@x.io', leadRouting: { kind: 'round-robin', pool: ['rob@x.io', 'nobody@x.io'] } })
    const { owners, issues } = resolveOwners(resolveExportTarget('t', config, 'salesforce'), users)
    assert.equal(owners, undefined)
    assert.deepEqual(issues.map((i) => i.path.join('.')), ['exports.t.defaultOwner', 'exports.t.leadRouting.pool.1'])
    assert.match(issues[0]!.message, /inactive/)
  })

  it('finds users by email case-insensitively and by 15- or 18-character Salesforce id', () => {
    const sf = createOwnerDirectory([user('0058c0000000003AAA', 'Sam@X.io')])
    assert.equal(sf.find('sam@x.IO')?.id, '0058c0000000003AAA')
    assert.equal(sf.byId('0058c0000000003')?.id, '0058c0000000003AAA')
  })
})
