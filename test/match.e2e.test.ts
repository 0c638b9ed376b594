import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { startHubSpotSim } from '../src/sandbox/hubspot/server.js'
import type { HubSpotSim } from '../src/sandbox/hubspot/server.js'
import { startSalesforceSim } from '../src/sandbox/salesforce/server.js'
import type { SalesforceSim } from '../src/sandbox/salesforce/server.js'
import { startSugarSim } from '../src/sandbox/sugarcrm/sim.js'
import type { SugarSim } from '../src/sandbox/sugarcrm/sim.js'

const run = promisify(execFile)
const root = new URL('..', import.meta.url).pathname
const main = join(root, 'src/cli/main.ts')
const fixture = (name: string) => join(root, 'test/fixtures/match', name)

/** Runs the CLI as a user would; resolves with its exit code and output, never throws. */
async function revsync(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', main, ...args], { cwd: root, env: { ...process.env, ...env } })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}

interface ReportLine {
  line: number
  id?: string
  status: 'matched' | 'ambiguous' | 'unmatched' | 'invalid'
  rule?: string
  score?: number
  accountId?: string | null
  decidedBy?: string | null
  evidence?: string[]
  candidates?: { accountId: string }[]
  nearMiss?: { accountId: string; score: number; shortfall: string } | null
  input?: Record<string, unknown>
  errors?: { field: string; message: string }[]
}

async function readReport(path: string): Promise<Map<string, ReportLine>> {
  const lines = (await readFile(path, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as ReportLine)
  return new Map(lines.map((l) => [l.id ?? `line ${l.line}`, l]))
}

function get(report: Map<string, ReportLine>, key: string): ReportLine {
  const line = report.get(key)
  assert.ok(line, `the report has ${key}`)
  return line
}

describe('revsync match against an accounts file', () => {
  let dir: string
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'revsync-match-'))
  })
  after(() => rm(dir, { recursive: true, force: true }))

  it('matches companies from JSONL by domain (parent over child), name and contacts, and reports ambiguous, unmatched and a malformed line', async () => {
    const out = join(dir, 'companies.jsonl.report')
    const res = await revsync(['match', fixture('companies.jsonl'), '--accounts', fixture('accounts.jsonl'), '--out', out])
    assert.equal(res.code, 0, res.stderr)
    assert.match(res.stderr, /companies\.jsonl:7: the line is not JSON .*\(skipped\)/)
    assert.match(res.stdout, /^revsync match: 7 companies .* against 7 accounts from accounts\.jsonl$/m)
    assert.match(res.stdout, /^ {2}matched {5}4 \(57%\)$/m)
    assert.match(res.stdout, /^ {4}by domain {5}2$/m)
    assert.match(res.stdout, /^ {4}by name {7}1$/m)
    assert.match(res.stdout, /^ {4}by contacts {3}1$/m)
    assert.match(res.stdout, /^ {4}decided by {4}single 2, best name 0, parent 2, more contacts 0, tie-break 0$/m)
    assert.match(res.stdout, /^ {2}ambiguous {3}1 /m)
    assert.match(res.stdout, /^ {2}unmatched {3}2 /m)
    assert.match(res.stdout, /^ {2}bad lines {3}1 of 8, skipped/m)
    assert.match(res.stdout, /line 3 {2}"Acme Bank" — nearest Acme Corp \(a1\) by name 0\.75: words without a counterpart: bank/)
    assert.match(res.stdout, /line 4 {2}"Globex" — 2 accounts by name: Globex Group \(a3\) 0\.95, Globex Holdings \(a4\) 0\.95/)

    const report = await readReport(out)
    assert.equal(report.size, 8, 'one report line per input line, the bad one included')
    // A parent and its child on one domain: the parent, whichever way the domain is written.
    for (const id of ['c1', 'c7']) {
      const acme = get(report, id)
      assert.deepEqual([acme.status, acme.rule, acme.accountId, acme.decidedBy], ['matched', 'domain', 'a1', 'parent'], id)
      assert.deepEqual(acme.candidates?.map((c) => c.accountId), ['a2'])
    }
    const stark = get(report, 'c2')
    assert.deepEqual([stark.status, stark.rule, stark.accountId], ['matched', 'name', 'a6'])
    assert.match(stark.evidence?.[0] ?? '', /after removing legal forms/)
    const bank = get(report, 'c3')
    assert.deepEqual([bank.status, bank.accountId, bank.nearMiss?.accountId], ['unmatched', null, 'a1'])
    assert.deepEqual(get(report, 'c4').candidates?.map((c) => c.accountId), ['a3', 'a4'])
    const initech = get(report, 'c5')
    assert.deepEqual([initech.rule, initech.accountId, initech.score], ['contacts', 'a5', 0.8])
    assert.deepEqual(initech.evidence, ['8 of 10 contacts @initech.io'])
    const bad = get(report, 'line 7')
    assert.equal(bad.status, 'invalid')
    assert.equal(bad.errors?.[0]?.field, '(line)')
    // An account whose website is gmail.com is never matched through a free-mail domain.
    const gmail = get(report, 'c8')
    assert.deepEqual([gmail.status, gmail.accountId], ['unmatched', null])
    assert.match(gmail.evidence?.join('; ') ?? '', /gmail\.com .* is a free-mail domain and never matches/)
  })

  it('matches people from CSV (quoted commas, quotes and line breaks) by email domain, company name and contacts; free-mail emails never match', async () => {
    const out = join(dir, 'people.report.jsonl')
    const res = await revsync(['match', fixture('people.csv'), '-a', fixture('accounts.jsonl'), '-o', out])
    assert.equal(res.code, 0, res.stderr)
    assert.match(res.stderr, /people\.csv:6: email "not-an-email" is not an email address \(skipped\)/)
    assert.match(res.stdout, /^revsync match: 5 people /m)
    assert.match(res.stdout, /line 3 {2}bob@gmail\.com — gmail\.com \(email bob@gmail\.com\) is a free-mail domain and never matches an account/)

    const report = await readReport(out)
    const jane = get(report, 'p1')
    assert.deepEqual([jane.line, jane.status, jane.rule, jane.accountId, jane.decidedBy], [2, 'matched', 'domain', 'a1', 'parent'])
    const bob = get(report, 'p2')
    assert.deepEqual([bob.status, bob.accountId], ['unmatched', null], 'gmail.com is an account\'s website, and still never matches')
    const carol = get(report, 'p3')
    assert.deepEqual([carol.rule, carol.accountId, carol.input?.lastName], ['contacts', 'a5', 'Jones, Jr.'])
    const dan = get(report, 'p4')
    assert.deepEqual([dan.rule, dan.accountId], ['name', 'a6'], 'the company name decides when the email is free-mail')
    assert.ok(dan.evidence?.some((e) => /gmail\.com .* free-mail/.test(e)))
    const frank = get(report, 'p6')
    assert.deepEqual([frank.line, frank.rule, frank.accountId, frank.input?.lastName], [7, 'name', 'a3', 'O"Neil'])
    assert.equal(get(report, 'line 6').status, 'invalid')
  })

  it('reads people signals as revsync export takes them, ignoring the fields matching does not use', async () => {
    const res = await revsync(['match', fixture('signals.jsonl'), '--accounts', fixture('accounts.jsonl'), '--out', '-'])
    assert.equal(res.code, 0, res.stderr)
    assert.match(res.stderr, /^revsync match: 2 people /m)
    assert.doesNotMatch(res.stderr, /fields not read/)
    const [stark, wayne] = res.stdout.trim().split('\n').map((l) => JSON.parse(l) as ReportLine)
    assert.deepEqual([stark?.rule, stark?.accountId, stark?.input?.email], ['domain', 'a6', 'jane@gmail.com'])
    assert.deepEqual([wayne?.status, wayne?.id], ['unmatched', 'sig-2'])
  })

  it('writes the report to stdout with --out - and the summary to stderr', async () => {
    const res = await revsync(['match', fixture('companies.jsonl'), '--accounts', fixture('accounts.jsonl'), '--out', '-', '--kind', 'companies'])
    assert.equal(res.code, 0, res.stderr)
    const lines = res.stdout.trim().split('\n').map((l) => JSON.parse(l) as ReportLine)
    assert.equal(lines.length, 8)
    assert.match(res.stderr, /^revsync match: 7 companies from /m)
    assert.match(res.stderr, /report: stdout/)
  })

  it('with --tie-break ambiguous and a higher --threshold, decides less', async () => {
    const out = join(dir, 'strict.jsonl')
    const res = await revsync(['match', fixture('companies.jsonl'), '--accounts', fixture('accounts.jsonl'), '--out', out, '--threshold', '1', '--tie-break', 'ambiguous'])
    assert.equal(res.code, 0, res.stderr)
    assert.match(res.stdout, /^name threshold 1, tie-break ambiguous$/m)
    // "Globex" ~ "Globex Group" scores 0.95: below 1, so nothing is tied any more.
    assert.equal(get(await readReport(out), 'c4').status, 'unmatched')
  })

  it('reports ignored fields and unusable domains, and writes NAME.match.jsonl next to the input by default', async () => {
    const input = join(dir, 'typos.csv')
    await writeFile(input, 'Name,domian,Website\nAcme,acme.com,facebook.com/acme\n')
    const res = await revsync(['match', input, '--accounts', fixture('accounts.jsonl')])
    assert.equal(res.code, 0, res.stderr)
    assert.match(res.stdout, /fields not read: domian \(line 2; did you mean domain\?\)/)
    assert.match(res.stdout, /line 2 {2}Website "facebook\.com\/acme" gives no company domain/)
    const report = await readReport(join(dir, 'typos.match.jsonl'))
    assert.equal(get(report, 'line 2').accountId, 'a1')
  })

  it('exits 1 when every line is bad, naming each line', async () => {
    const out = join(dir, 'bad.report.jsonl')
    const res = await revsync(['match', fixture('bad.jsonl'), '--accounts', fixture('accounts.jsonl'), '--out', out])
    assert.equal(res.code, 1)
    assert.match(res.stderr, /bad\.jsonl:1: the line is not JSON/)
    assert.match(res.stderr, /bad\.jsonl:2: name is missing; a company needs a name, a domain or a website/)
    assert.match(res.stderr, /bad\.jsonl:3: the line is not a JSON object/)
    assert.match(res.stderr, /revsync: none of the 3 lines of .*bad\.jsonl could be read/)
  })

  it('exits 1 with a clear message for a missing file, a bad accounts file or no accounts at all', async () => {
    const missing = await revsync(['match', fixture('nope.jsonl'), '--accounts', fixture('accounts.jsonl')])
    assert.equal(missing.code, 1)
    assert.match(missing.stderr, /revsync: cannot read .*nope\.jsonl \(ENOENT\)/)
    const accounts = join(dir, 'accounts.csv')
    await writeFile(accounts, 'id,name,contactEmailDomains\n,Acme,\nb1,,acme.com:x\n')
    const bad = await revsync(['match', fixture('companies.jsonl'), '--accounts', accounts])
    assert.equal(bad.code, 1)
    assert.match(bad.stderr, /accounts\.csv has no usable account; line 2: id is missing/)
    const clobber = await revsync(['match', fixture('people.csv'), '--accounts', fixture('accounts.jsonl'), '--out', fixture('accounts.jsonl')])
    assert.equal(clobber.code, 1)
    assert.match(clobber.stderr, /would overwrite an input file; pass another --out PATH/)
    const none = await revsync(['match', fixture('companies.jsonl')])
    assert.equal(none.code, 1)
    assert.match(none.stderr, /say what to match against: --accounts FILE, --system NAME/)
  })
})

const hubspotToken = 'pat-na1-match-test-token'

describe('revsync match against a configured system', () => {
  let dir: string
  let hubspot: HubSpotSim
  let salesforce: SalesforceSim
  let sugar: SugarSim
  let config: string
  const env = () => ({ HUBSPOT_TOKEN: hubspotToken })

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'revsync-match-system-'))
    hubspot = await startHubSpotSim({
      seed: {
        token: hubspotToken,
        companies: [
          { id: '101', properties: { name: 'Acme Corp', domain: 'acme.com' } },
          { id: '102', properties: { name: 'Acme UK Ltd', website: 'https://uk.acme.com' }, parentId: '101' },
          { id: '103', properties: { name: 'Initech' } },
          { id: '104', properties: { name: 'Stark Industries GmbH', domain: 'stark.de' } },
        ],
        contacts: [
          ...['ann', 'ben', 'cat'].map((n, i) => ({ id: String(201 + i), properties: { email: `${n}@initech.io` }, companyId: '103' })),
          { id: '204', properties: { email: 'dora@gmail.com' }, companyId: '103' },
          { id: '205', properties: { email: 'ed@acme.com' }, companyId: '101' },
        ],
      },
    })
    salesforce = await startSalesforceSim({
      seed: {
        users: [{ Username: 'admin@example.com', Email: 'admin@example.com', LastName: 'Admin' }],
        accounts: [
          { Id: '0018c0000000001AAA', Name: 'Acme Corp', Website: 'https://www.acme.com' },
          { Id: '0018c0000000002AAA', Name: 'Acme Europe', Website: 'acme.com', ParentId: '0018c0000000001AAA' },
        ],
      },
    })
    sugar = await startSugarSim({
      seed: {
        users: [{ user_name: 'admin', last_name: 'Admin', password: 'sugar-password', status: 'Active', is_admin: true }],
        accounts: [
          { id: 'acme', name: 'Acme Corp', website: 'www.acme.com' },
          { id: 'acme-uk', name: 'Acme UK', website: 'acme.com', parent_id: 'acme' },
          { id: 'initech', name: 'Initech' },
        ],
        contacts: ['ann', 'ben'].map((n) => ({ last_name: n, email1: `${n}@initech.io`, account_id: 'initech' })),
      },
    })
    config = join(dir, 'revsync.yaml')
    await writeFile(
      config,
      `store: ${join(dir, 'state.db')}
systems:
  crm:
    kind: hubspot
    url: ${hubspot.url}
    auth: { token: "\${HUBSPOT_TOKEN}" }
  sfdc:
    kind: salesforce
    url: ${salesforce.url}
    auth: { accessToken: "00D8c0000000001!sandbox-access-token" }
  sugar:
    kind: sugarcrm
    url: ${sugar.url}
    auth: { username: admin, password: sugar-password }
exports:
  preview:
    system: crm
    defaultOwner: owner@example.com
    matching:
      nameThreshold: 0.95
      freeMail: { remove: [gmail.com] }
`,
    )
  })
  after(async () => {
    await Promise.all([hubspot.close(), salesforce.close(), sugar.close()])
    await rm(dir, { recursive: true, force: true })
  })

  it('reads HubSpot companies with their parents and, with --with-contacts, the contacts per account', async () => {
    const out = join(dir, 'hubspot.jsonl')
    const res = await revsync(['-c', config, 'match', fixture('people.csv'), '--system', 'crm', '--with-contacts', '--out', out], env())
    assert.equal(res.code, 0, res.stderr)
    assert.match(res.stdout, /against 4 accounts from system "crm" \(hubspot companies, 5 contacts read, 5 on an account\)/)
    const report = await readReport(out)
    const jane = get(report, 'p1')
    assert.deepEqual([jane.rule, jane.accountId, jane.decidedBy], ['domain', '101', 'parent'], 'the child\'s website uk.acme.com is on acme.com too')
    const carol = get(report, 'p3')
    assert.deepEqual([carol.rule, carol.accountId, carol.score], ['contacts', '103', 0.75])
    assert.deepEqual(carol.evidence, ['3 of 4 contacts @initech.io'])
    assert.deepEqual([get(report, 'p4').rule, get(report, 'p4').accountId], ['name', '104'])
    assert.equal(get(report, 'p2').status, 'unmatched')
    await assert.rejects(access(join(dir, 'state.db')), 'a preview opens no store')
  })

  it('without --with-contacts, the contacts rule has nothing to go on', async () => {
    const out = join(dir, 'no-contacts.jsonl')
    const res = await revsync(['-c', config, 'match', fixture('people.csv'), '--system', 'crm', '--out', out], env())
    assert.equal(res.code, 0, res.stderr)
    assert.match(res.stdout, /from system "crm" \(hubspot companies\)/)
    assert.equal(get(await readReport(out), 'p3').status, 'unmatched')
  })

  it('with --export, uses the target\'s system and matching settings', async () => {
    const out = join(dir, 'export.jsonl')
    const res = await revsync(['-c', config, 'match', fixture('people.csv'), '--export', 'preview', '--out', out], env())
    assert.equal(res.code, 0, res.stderr)
    assert.match(res.stdout, /^name threshold 0\.95, tie-break lowest-id \(settings of export target "preview"\)$/m)
    // The target takes gmail.com off the free-mail list, so bob@gmail.com is a company domain there (no account has it).
    assert.doesNotMatch(get(await readReport(out), 'p2').evidence?.join(' ') ?? '', /free-mail/)
  })

  it('reads Salesforce Accounts with ParentId', async () => {
    const out = join(dir, 'salesforce.jsonl')
    const res = await revsync(['-c', config, 'match', fixture('companies.jsonl'), '--system', 'sfdc', '--out', out], env())
    assert.equal(res.code, 0, res.stderr)
    assert.match(res.stdout, /from system "sfdc" \(salesforce Account\)/)
    const acme = get(await readReport(out), 'c1')
    assert.deepEqual([acme.rule, acme.accountId, acme.decidedBy], ['domain', '0018c0000000001AAA', 'parent'])
  })

  it('reads Sugar Accounts with parent_id, and Contacts by email1', async () => {
    const out = join(dir, 'sugar.jsonl')
    const res = await revsync(['-c', config, 'match', fixture('people.csv'), '--system', 'sugar', '--with-contacts', '--out', out], env())
    assert.equal(res.code, 0, res.stderr)
    assert.match(res.stdout, /from system "sugar" \(sugarcrm Accounts, 2 Contacts read, 2 on an account\)/)
    const report = await readReport(out)
    assert.deepEqual([get(report, 'p1').accountId, get(report, 'p1').decidedBy], ['acme', 'parent'])
    assert.deepEqual([get(report, 'p3').rule, get(report, 'p3').accountId], ['contacts', 'initech'])
  })

  it('names the configured systems when --system is unknown', async () => {
    const res = await revsync(['-c', config, 'match', fixture('people.csv'), '--system', 'nope'], env())
    assert.equal(res.code, 1)
    assert.match(res.stderr, /revsync: no system named "nope" in .*revsync\.yaml; it has: crm, sfdc, sugar/)
  })
})
